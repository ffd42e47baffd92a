package dev.kaiyuan.search;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The posting lists of the first part of a site's index ({@link SearchIndex#parts}) as one build
 * merged them, kept so that a next build whose documents begin with the same ones merges only the
 * documents after them. A site gives its documents oldest first ({@link SearchIndexProducer}), so a
 * new article, usually of the latest day, comes at or near the end, in the last part, which is
 * always merged: the kept lists are then the first part as it is. When the documents differ
 * earlier, the kept lists are cut before the first document that differs (a list is sorted by id,
 * so that is a cut of its tail) and the first part's documents from there on merged onto them. At
 * 10,000 articles merging every document's terms again was a quarter of the CPU of a rebuild after
 * one was added. A change near the start (an old article edited or deleted) merges every document,
 * as a cold build does, and so does a site above {@link SearchIndex#KEPT_POSTINGS_LIMIT} documents,
 * whose postings are not kept, or one of a single part.
 *
 * <p>The terms and lists may be made when first asked for ({@link #later}): a rebuild after an
 * article was added at the end uses the first part as it is, shards kept and only its {@link
 * #shards} count and names needed, and never reads them.
 *
 * @param docs      each merged document's {@link #key}, by id: what its terms are made from
 * @param names     the dictionary names among the terms, sorted
 * @param han       the documents' distinct Han characters, in code point order
 * @param hanFirst  the first document each of those occurs in
 * @param shards    the number of shards the part's postings are written in ({@link SearchScript#shardCount})
 * @param postings  every term of those documents and its posting list, as {@link SearchIndex.Part#postings}
 *                  writes them, one per term as the merge handed them on (kept up to {@link
 *                  SearchIndex#KEPT_POSTINGS_LIMIT} documents: 30 MB at 10,000); given once, when
 *                  first asked for
 */
public record MergedPostings(List<String> docs, List<String> names, List<Integer> han, List<Integer> hanFirst,
        int shards, Supplier<Lists> postings) {
    /** The terms and, at the same index, each one's posting list. */
    public record Lists(List<String> terms, List<String> lists) {
        public Lists {
            terms = List.copyOf(terms);
            lists = List.copyOf(lists);
            if (terms.size() != lists.size()) {
                throw new IllegalArgumentException(terms.size() + " terms but " + lists.size() + " posting lists");
            }
        }
    }

    public MergedPostings {
        docs = List.copyOf(docs);
        names = List.copyOf(names);
        han = List.copyOf(han);
        hanFirst = List.copyOf(hanFirst);
        if (han.size() != hanFirst.size()) {
            throw new IllegalArgumentException(han.size() + " Han characters but " + hanFirst.size()
                    + " first documents");
        }
        if (shards < 1) {
            throw new IllegalArgumentException(shards + " shards");
        }
        Objects.requireNonNull(postings, "postings");
    }

    /** Postings held as given. */
    public MergedPostings(List<String> docs, List<String> terms, List<String> lists, List<String> names,
            List<Integer> han, List<Integer> hanFirst, int shards) {
        this(docs, names, han, hanFirst, shards, held(new Lists(terms, lists)));
    }

    private static Supplier<Lists> held(Lists lists) {
        return () -> lists;
    }

    /** Postings made by {@code make} when first asked for, once (it may throw, e.g. a cache file that changed). */
    public static Supplier<Lists> later(Supplier<Lists> make) {
        return new Supplier<>() {
            private Lists made;

            @Override
            public synchronized Lists get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }

    /** Every term of the part's documents. */
    public List<String> terms() {
        return postings.get().terms();
    }

    /** Each term's posting list, at its index in {@link #terms()}. */
    public List<String> lists() {
        return postings.get().lists();
    }

    /**
     * What a document's terms are made from, besides the tokenizer (whose dictionary is the
     * knowledge base: a memo keeps postings only for the knowledge base they were merged with).
     */
    static String key(SearchDocument doc) {
        return doc.title() + '\n' + doc.textKey();
    }

    /** How many of {@code keys}, a build's document keys by id, are those these postings were merged from, from the first on. */
    int sameUpTo(String[] keys) {
        int n = Math.min(docs.size(), keys.length);
        for (int i = 0; i < n; i++) {
            if (!docs.get(i).equals(keys[i])) {
                return i;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "MergedPostings[" + docs.size() + " docs, " + shards + " shards]";
    }
}

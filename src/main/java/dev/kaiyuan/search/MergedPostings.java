package dev.kaiyuan.search;

import java.util.List;
import java.util.Objects;

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
 * @param docs      each merged document's {@link #key}, by id: what its terms are made from
 * @param terms     every term of those documents
 * @param lists     each term's posting list, as {@link SearchIndex.Part#postings} writes them, one per
 *                  term as the merge handed them on (kept up to {@link SearchIndex#KEPT_POSTINGS_LIMIT}
 *                  documents: 30 MB at 10,000)
 * @param names     the dictionary names among the terms, sorted
 * @param han       the documents' distinct Han characters, in code point order
 * @param hanFirst  the first document each of those occurs in
 */
public record MergedPostings(List<String> docs, List<String> terms, List<String> lists, List<String> names,
        List<Integer> han, List<Integer> hanFirst) {
    public MergedPostings {
        docs = List.copyOf(docs);
        terms = List.copyOf(terms);
        lists = List.copyOf(lists);
        if (terms.size() != lists.size()) {
            throw new IllegalArgumentException(terms.size() + " terms but " + lists.size() + " posting lists");
        }
        names = List.copyOf(names);
        han = List.copyOf(han);
        hanFirst = List.copyOf(hanFirst);
        if (han.size() != hanFirst.size()) {
            throw new IllegalArgumentException(han.size() + " Han characters but " + hanFirst.size()
                    + " first documents");
        }
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
        return "MergedPostings[" + docs.size() + " docs, " + terms.size() + " terms]";
    }
}

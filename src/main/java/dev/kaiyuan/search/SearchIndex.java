package dev.kaiyuan.search;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.kaiyuan.model.EveryCore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The inverted index of a site's documents: for every term, the documents it occurs in with its
 * frequency there (title and text together). Terms with the same posting list are stored as one
 * group — most terms occur in one document once, so this keeps the index small.
 *
 * <p>The postings are in parts by document id: the newest documents (fewer than {@link
 * #tailStart}'s block) in a part of their own, the others before them in one. A new article is
 * usually the newest, so it changes only the last part's shards, which hold at most a few hundred
 * documents, and every shard of the earlier part stays as it was: at 10,000 articles a rebuild
 * after one was added rewrote 383 of the one part's 512 shards (20 MB), now a handful of small
 * ones. A query loads a term's shard of each part and joins the lists.
 *
 * @param docs  the documents without their texts (the postings hold their terms), in the order
 *              given (their position is their id; a site gives them oldest first, see
 *              {@link SearchIndexProducer})
 * @param names the dictionary names that occur in the documents, folded: the others cannot
 *              change how any document is split, so the browser does not need them
 * @param fold  Traditional → Simplified for every character the browser has to fold
 * @param parts the postings of consecutive runs of documents, in id order; at least one
 */
public record SearchIndex(List<Doc> docs, SortedSet<String> names, SortedMap<Integer, Integer> fold,
        List<Part> parts) {
    /** What the index keeps of a document: at 100,000 articles their texts would be 750 MB. */
    public record Doc(String url, String title, String date, String lang) {
        public Doc {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(lang, "lang");
        }

        static Doc of(SearchDocument d) {
            return new Doc(d.url(), d.title(), d.date(), d.lang());
        }
    }

    /**
     * The postings of the documents with ids {@code from} to {@code to} (exclusive), and the number
     * of shards they are written in. Its postings may be made when first asked for: a part kept
     * from the last build, whose shard scripts are all still in the output as made, never is.
     */
    public static final class Part {
        private final int from;
        private final int to;
        private final String key;
        private final int shards;
        /** Makes the postings when first asked for; let go of once it has (with what it holds). */
        private Supplier<SortedMap<String, SortedSet<String>>> make;
        private SortedMap<String, SortedSet<String>> postings;

        /** @param postings posting list ({@code doc} or {@code doc:tf}, space-separated, by doc id) → its terms */
        public Part(int from, int to, String key, SortedMap<String, SortedSet<String>> postings) {
            this(from, to, key, SearchScript.shardCount(postings), null);
            this.postings = Collections.unmodifiableSortedMap(new TreeMap<>(postings));
        }

        /** A part of {@code shards} shards whose postings {@code make} makes when first asked for. */
        Part(int from, int to, String key, int shards, Supplier<SortedMap<String, SortedSet<String>>> make) {
            this.from = from;
            this.to = to;
            this.key = Objects.requireNonNull(key, "key");
            this.shards = shards;
            this.make = make;
        }

        public int from() {
            return from;
        }

        public int to() {
            return to;
        }

        /**
         * Equal for two parts only when they are of the same documents (by {@link
         * MergedPostings#key}) with the same ids: under one dictionary, their postings are then
         * the same.
         */
        public String key() {
            return key;
        }

        /** The number of shards its postings are written in ({@link SearchScript#shardCount}). */
        public int shards() {
            return shards;
        }

        /** Posting list ({@code doc} or {@code doc:tf}, space-separated, by doc id) → its terms. */
        public synchronized SortedMap<String, SortedSet<String>> postings() {
            if (postings == null) {
                // made by this class's own build, as a map of its own: not copied
                postings = Collections.unmodifiableSortedMap(make.get());
                make = null;
            }
            return postings;
        }
    }

    public SearchIndex {
        docs = List.copyOf(docs);
        names = new TreeSet<>(names);
        fold = new TreeMap<>(fold);
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an index has at least one part");
        }
    }

    /**
     * Where the last part begins for a site of {@code documents}: after the largest multiple of a
     * block that fits, the block being a power of two near an eighth of the site, at most {@value
     * #MAX_BLOCK} (the last part then holds at most an eighth of the documents, and fewer than
     * {@value #MAX_BLOCK}). A site of fewer than {@code 8 * }{@value #MIN_BLOCK} documents is one part.
     */
    public static int tailStart(int documents) {
        int block = Math.min(MAX_BLOCK, Integer.highestOneBit(Math.max(1, documents / 8)));
        return block < MIN_BLOCK ? 0 : documents - documents % block;
    }

    /**
     * The largest block of {@link #tailStart}. Every rebuild makes the last part's shards again
     * (after an article was added, each has one of its terms), and every {@value #MAX_BLOCK}
     * articles the first part's: at 10,000 articles, 1024 left a last part of 512 articles on
     * average, about 1.4 MB of shards made and uploaded per article added (and a first part of
     * 24 MB every 1,024 articles); 256 leaves 128 on average, about 0.35 MB, and 26 MB every 256
     * articles, about 0.45 MB an article in all. An add-one rebuild at 10,000 articles: 2.19 s
     * with 1024 (a last part of 785 articles), 2.10 s with 256 (17), medians of 5 interleaved.
     */
    static final int MAX_BLOCK = 256;
    /** The smallest block of {@link #tailStart}: a smaller site is one part. */
    static final int MIN_BLOCK = 16;

    /**
     * Documents are tokenised in parallel (the tokenizer is thread-safe); their postings are then
     * merged in document order, so the index does not depend on scheduling.
     */
    public static SearchIndex build(List<SearchDocument> docs, SearchTokenizer tokenizer) {
        return build(docs, tokenizer, TermsMemo.NONE);
    }

    /**
     * As {@link #build(List, SearchTokenizer)}, asking {@code memo} for each document's terms. Each
     * document is asked for once, so {@code docs} may make them as they are asked for. When the
     * memo has the first part's postings merged from documents most of which {@code docs} begins
     * with, those are cut where the documents first differ and only the documents from there on are
     * merged onto them ({@link MergedPostings}); when they are of the first part's very documents,
     * they are its postings, read only when a shard script is made of them ({@link Part#postings}).
     * The last part is always merged.
     */
    public static SearchIndex build(List<SearchDocument> docs, SearchTokenizer tokenizer, TermsMemo memo) {
        DocumentTerms[] indexed = new DocumentTerms[docs.size()];
        Doc[] kept = new Doc[docs.size()];
        String[] keys = new String[docs.size()];
        EveryCore.forEach(docs.size(), i -> {
            SearchDocument d = docs.get(i);
            kept[i] = Doc.of(d);
            keys[i] = MergedPostings.key(d);
            indexed[i] = memo.terms(d, () -> DocumentTerms.of(d, tokenizer));
        });
        int tail = tailStart(keys.length);
        Optional<MergedPostings> last = memo.merged();
        // a site of one part merges every document anyway
        boolean keep = memo.keepsMerged() && tail > 0 && keys.length <= KEPT_POSTINGS_LIMIT;
        List<Part> parts = new ArrayList<>();
        Merged first;
        // the same documents give the same postings: the kept ones are handed back, not made again,
        // and not even read unless a shard of theirs is to be made
        Optional<MergedPostings> same = tail == 0 ? Optional.empty()
                : last.filter(m -> m.docs().size() == tail && m.sameUpTo(keys) == tail);
        if (same.isPresent()) {
            MergedPostings before = same.get();
            first = Merged.names(before);
            parts.add(new Part(0, tail, partKey(keys, 0, tail), before.shards(), () -> {
                try {
                    return groups(new PostingTable(before.terms(), before.lists(), tail), (term, list) -> {
                    });
                } catch (RuntimeException unreadable) {
                    // kept postings that cannot be read cost only the merge they would save (and
                    // are kept again, as merged)
                    Merged merged = merge(Optional.empty(), indexed, 0, tail);
                    SortedMap<String, SortedSet<String>> groups = keptGroups(merged, keys, tail, keep, memo);
                    if (SearchScript.shardCount(groups) != before.shards()) {
                        throw new IllegalStateException("the kept search postings are not of the kept documents");
                    }
                    return groups;
                }
            }));
            if (keep) {
                memo.keepMerged(before);
            }
        } else {
            Optional<Merged> base = tail == 0 ? Optional.empty() : last.flatMap(m -> Merged.cut(m, keys, tail));
            first = merge(base, indexed, base.map(Merged::documents).orElse(0), tail);
            SortedMap<String, SortedSet<String>> firstGroups = keptGroups(first, keys, tail, keep, memo);
            if (tail > 0) {
                parts.add(new Part(0, tail, partKey(keys, 0, tail), firstGroups));
            }
        }
        if (tail < keys.length || parts.isEmpty()) {
            Merged rest = merge(Optional.empty(), indexed, tail, keys.length);
            parts.add(new Part(tail, keys.length, partKey(keys, tail, keys.length), groups(rest.lists(), (t, l) -> {
            })));
            first.join(rest);
        }
        List<Integer> han = new ArrayList<>();
        first.han().forEach((codePoint, doc) -> han.add(codePoint));
        return new SearchIndex(List.of(kept), first.names(), new TreeMap<>(SearchFold.traditionalFor(han)), parts);
    }

    /**
     * The first part's groups, from its documents {@code merged} (whose table is emptied); when
     * {@code keep}, its postings are also handed to the memo for the next build.
     */
    private static SortedMap<String, SortedSet<String>> keptGroups(Merged merged, String[] keys, int tail,
            boolean keep, TermsMemo memo) {
        List<String> terms = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        SortedMap<String, SortedSet<String>> groups = groups(merged.lists(), (term, list) -> {
            if (keep) {
                terms.add(term);
                lists.add(list);
            }
        });
        if (keep) {
            List<Integer> han = new ArrayList<>();
            List<Integer> hanFirst = new ArrayList<>();
            merged.han().forEach((codePoint, doc) -> {
                han.add(codePoint);
                hanFirst.add(doc);
            });
            memo.keepMerged(new MergedPostings(Arrays.asList(keys).subList(0, tail), terms, lists,
                    List.copyOf(merged.names()), han, hanFirst, SearchScript.shardCount(groups)));
        }
        return groups;
    }

    /**
     * The documents {@code from} to {@code to} merged onto {@code base} (which ends at {@code from})
     * or by themselves. Merged in runs of consecutive documents on every core, each run into a table
     * of its own; the runs are then joined in document order, so each list stays sorted by doc id.
     * A large site merges on one thread: at 100,000 articles two tables filling at once raised a
     * cold build's peak from 3.5 to 4.0-4.3 GiB.
     */
    private static Merged merge(Optional<Merged> base, DocumentTerms[] indexed, int from, int to) {
        int count = to - from;
        int runs = indexed.length > PARALLEL_MERGE_LIMIT ? 1
                : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), count / 64));
        List<Merged> merged = IntStream.range(0, runs).parallel()
                .mapToObj(r -> merge(indexed, from + count * r / runs, from + count * (r + 1) / runs)).toList();
        Merged all = base.orElse(merged.get(0));
        for (Merged later : base.isPresent() ? merged : merged.subList(1, merged.size())) {
            all.join(later);
        }
        return all;
    }

    /** The table's terms grouped by posting list; each term and its list also handed to {@code each}. The table is emptied. */
    private static SortedMap<String, SortedSet<String>> groups(PostingTable table, BiConsumer<String, String> each) {
        SortedMap<String, SortedSet<String>> groups = new TreeMap<>();
        table.drainTo((term, list) -> {
            groups.computeIfAbsent(list, k -> new TreeSet<>()).add(term);
            each.accept(term, list);
        });
        return groups;
    }

    /** The key of the part of documents {@code from} to {@code to} (see {@link Part#key}). */
    private static String partKey(String[] keys, int from, int to) {
        HashStream128 hash = Hashing.xxh3_128().hashStream();
        hash.putInt(from).putInt(to);
        for (int i = from; i < to; i++) {
            hash.putInt(keys[i].length()).putChars(keys[i]);
        }
        return HexFormat.of().formatHex(hash.get().toByteArray());
    }

    /**
     * The postings, dictionary names and Han characters (with the first document of each) of a run
     * of documents, or of the first {@code documents} of a site.
     */
    private record Merged(PostingTable lists, SortedSet<String> names, FirstSeen han, int documents) {
        /**
         * Kept postings cut before the first of {@code keys} (this build's documents by id) they
         * were not merged from, and before {@code limit}, to merge the rest of the first part onto;
         * empty when fewer than half of that part's documents come before the cut, or when the kept
         * postings cannot be read (a cache only costs speed).
         */
        static Optional<Merged> cut(MergedPostings postings, String[] keys, int limit) {
            int end = Math.min(limit, postings.sameUpTo(keys));
            if (end * 2 < limit || end == 0) {
                return Optional.empty();
            }
            try {
                PostingTable lists = new PostingTable(postings.terms(), postings.lists(), end);
                FirstSeen han = new FirstSeen();
                for (int i = 0; i < postings.han().size(); i++) {
                    if (postings.hanFirst().get(i) < end) {
                        han.see(postings.han().get(i), postings.hanFirst().get(i));
                    }
                }
                // a name stays while a document before the cut has it
                TreeSet<String> names = new TreeSet<>();
                for (String name : postings.names()) {
                    if (lists.contains(name)) {
                        names.add(name);
                    }
                }
                return Optional.of(new Merged(lists, names, han, end));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        }

        /** The names and Han characters of kept postings, without their lists (an empty table). */
        static Merged names(MergedPostings postings) {
            FirstSeen han = new FirstSeen();
            for (int i = 0; i < postings.han().size(); i++) {
                han.see(postings.han().get(i), postings.hanFirst().get(i));
            }
            return new Merged(new PostingTable(), new TreeSet<>(postings.names()), han, postings.docs().size());
        }

        /** Takes in {@code later}'s, whose documents all come after this one's. */
        void join(Merged later) {
            lists.join(later.lists);
            names.addAll(later.names);
            han.join(later.han);
        }
    }

    private static Merged merge(DocumentTerms[] indexed, int from, int to) {
        Merged run = new Merged(new PostingTable(), new TreeSet<>(), new FirstSeen(), 0);
        for (int id = from; id < to; id++) {
            DocumentTerms one = indexed[id];
            // let each document's terms go once merged (unless the memo keeps them): at 100,000
            // articles they are a gigabyte
            indexed[id] = null;
            int doc = id;
            one.forEachTermAt((text, start, end, hash, n) -> run.lists().add(text, start, end, hash, doc, n));
            run.names().addAll(one.nameList());
            one.hanCodePoints().forEach(c -> run.han().see(c, doc));
        }
        return run;
    }

    /**
     * The first document each code point occurs in, for the Han characters of the documents merged
     * (the browser's fold map needs them all; a cut needs to know which occur before it). In pages
     * of 1,024 code points, made when one is first seen.
     */
    static final class FirstSeen {
        private static final int PAGE = 10;
        /** Per page, each code point's first document + 1, or 0 when not seen. */
        private final int[][] pages = new int[(Character.MAX_CODE_POINT >> PAGE) + 1][];

        /** Notes document {@code doc} has {@code codePoint}; documents are seen in id order. */
        void see(int codePoint, int doc) {
            int[] page = pages[codePoint >> PAGE];
            if (page == null) {
                page = pages[codePoint >> PAGE] = new int[1 << PAGE];
            }
            int at = codePoint & ((1 << PAGE) - 1);
            if (page[at] == 0) {
                page[at] = doc + 1;
            }
        }

        /** Takes in the code points of {@code later}, whose documents all come after this one's. */
        void join(FirstSeen later) {
            for (int p = 0; p < pages.length; p++) {
                int[] theirs = later.pages[p];
                if (theirs == null) {
                    continue;
                }
                if (pages[p] == null) {
                    pages[p] = theirs;
                    continue;
                }
                for (int i = 0; i < theirs.length; i++) {
                    if (pages[p][i] == 0) {
                        pages[p][i] = theirs[i];
                    }
                }
            }
        }

        @FunctionalInterface
        interface Each {
            void accept(int codePoint, int doc);
        }

        /** Each code point seen, in order, with its first document. */
        void forEach(Each each) {
            for (int p = 0; p < pages.length; p++) {
                int[] page = pages[p];
                if (page == null) {
                    continue;
                }
                for (int i = 0; i < page.length; i++) {
                    if (page[i] != 0) {
                        each.accept((p << PAGE) | i, page[i] - 1);
                    }
                }
            }
        }
    }

    /** Above this many documents the postings are merged on one thread (see {@link #build}). */
    static final int PARALLEL_MERGE_LIMIT = 50_000;

    /**
     * Above this many documents the memo is not given the postings to keep: at 100,000 articles
     * they are 3 million terms and lists, and loaded with the rest of the cache they raised a
     * rebuild's peak from 3.3 to 3.9 GiB, for 2 s of its 31.
     */
    static final int KEPT_POSTINGS_LIMIT = 50_000;

    /** Each term with its whole posting list (its lists of every part joined), in term order. */
    public SortedMap<String, String> postings() {
        SortedMap<String, String> all = new TreeMap<>();
        for (Part part : parts) {
            part.postings().forEach((list, terms) -> terms.forEach(term -> all.merge(term, list, (a, b) -> a + " " + b)));
        }
        return all;
    }
}

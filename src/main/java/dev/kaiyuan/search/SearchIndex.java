package dev.kaiyuan.search;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The inverted index of a site's documents: for every term, the documents it occurs in with its
 * frequency there (title and text together). Terms with the same posting list are stored as one
 * group — most terms occur in one document once, so this keeps the index small.
 *
 * @param docs     the documents without their texts (the postings hold their terms), in the order
 *                 given (their position is their id; a site gives them oldest first, see
 *                 {@link SearchIndexProducer})
 * @param names    the dictionary names that occur in the documents, folded: the others cannot
 *                 change how any document is split, so the browser does not need them
 * @param fold     Traditional → Simplified for every character the browser has to fold
 * @param postings posting list ({@code doc} or {@code doc:tf}, space-separated, by doc id) → its terms
 */
public record SearchIndex(List<Doc> docs, SortedSet<String> names, SortedMap<Integer, Integer> fold,
        SortedMap<String, SortedSet<String>> postings) {
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

    public SearchIndex {
        docs = List.copyOf(docs);
        names = new TreeSet<>(names);
        fold = new TreeMap<>(fold);
        postings = new TreeMap<>(postings);
    }

    /**
     * Documents are tokenised in parallel (the tokenizer is thread-safe); their postings are then
     * merged in document order, so the index does not depend on scheduling.
     */
    public static SearchIndex build(List<SearchDocument> docs, SearchTokenizer tokenizer) {
        return build(docs, tokenizer, TermsMemo.NONE);
    }

    /**
     * As {@link #build(List, SearchTokenizer)}, asking {@code memo} for each document's terms. Each
     * document is asked for once, so {@code docs} may make them as they are asked for.
     */
    public static SearchIndex build(List<SearchDocument> docs, SearchTokenizer tokenizer, TermsMemo memo) {
        DocumentTerms[] indexed = new DocumentTerms[docs.size()];
        Doc[] kept = new Doc[docs.size()];
        IntStream.range(0, docs.size()).parallel().forEach(i -> {
            SearchDocument d = docs.get(i);
            kept[i] = Doc.of(d);
            indexed[i] = memo.terms(d, () -> DocumentTerms.of(d, tokenizer));
        });
        // Merged in runs of consecutive documents on every core, each run into a table of its own;
        // the runs are then joined in document order, so each list stays sorted by doc id. A large
        // site merges on one thread: at 100,000 articles two tables filling at once raised a cold
        // build's peak from 3.5 to 4.0-4.3 GiB.
        int runs = indexed.length > PARALLEL_MERGE_LIMIT ? 1
                : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), indexed.length / 64));
        List<Merged> merged = IntStream.range(0, runs).parallel()
                .mapToObj(r -> merge(indexed, indexed.length * r / runs, indexed.length * (r + 1) / runs)).toList();
        Merged all = merged.get(0);
        for (Merged later : merged.subList(1, merged.size())) {
            all.lists().join(later.lists());
            all.names().addAll(later.names());
            all.han().or(later.han());
        }
        PostingTable lists = all.lists();
        SortedSet<String> names = all.names();
        BitSet han = all.han();
        SortedMap<String, SortedSet<String>> groups = new TreeMap<>();
        lists.drainTo((term, list) -> groups.computeIfAbsent(list, k -> new TreeSet<>()).add(term));
        return new SearchIndex(List.of(kept), names, new TreeMap<>(SearchFold.traditionalFor(han.stream().boxed().toList())), groups);
    }

    /** The postings, dictionary names and Han characters (a bit per code point) of a run of documents. */
    private record Merged(PostingTable lists, SortedSet<String> names, BitSet han) {
    }

    private static Merged merge(DocumentTerms[] indexed, int from, int to) {
        Merged run = new Merged(new PostingTable(), new TreeSet<>(), new BitSet());
        for (int id = from; id < to; id++) {
            DocumentTerms one = indexed[id];
            // let each document's terms go once merged (unless the memo keeps them): at 100,000
            // articles they are a gigabyte
            indexed[id] = null;
            int doc = id;
            one.forEachTermAt((text, start, end, hash, n) -> run.lists().add(text, start, end, hash, doc, n));
            run.names().addAll(one.nameList());
            one.hanCodePoints().forEach(run.han()::set);
        }
        return run;
    }

    /** Above this many documents the postings are merged on one thread (see {@link #build}). */
    static final int PARALLEL_MERGE_LIMIT = 50_000;

    /** Number of distinct terms. */
    public int terms() {
        return postings.values().stream().mapToInt(SortedSet::size).sum();
    }
}

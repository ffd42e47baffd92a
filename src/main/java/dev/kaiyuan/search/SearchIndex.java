package dev.kaiyuan.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The inverted index of a site's documents: for every term, the documents it occurs in with its
 * frequency there (title and text together). Terms with the same posting list are stored as one
 * group — most terms occur in one document once, so this keeps the index small.
 *
 * @param docs     the documents, in site order (their position is their id)
 * @param names    the dictionary names that occur in the documents, folded: the others cannot
 *                 change how any document is split, so the browser does not need them
 * @param fold     Traditional → Simplified for every character the browser has to fold
 * @param postings posting list ({@code doc} or {@code doc:tf}, space-separated, by doc id) → its terms
 */
public record SearchIndex(List<SearchDocument> docs, SortedSet<String> names, SortedMap<Integer, Integer> fold,
        SortedMap<String, SortedSet<String>> postings) {
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

    /** As {@link #build(List, SearchTokenizer)}, asking {@code memo} for each document's terms. */
    public static SearchIndex build(List<SearchDocument> docs, SearchTokenizer tokenizer, TermsMemo memo) {
        DocumentTerms[] indexed = docs.parallelStream()
                .map(d -> memo.terms(d, () -> DocumentTerms.of(d, tokenizer))).toArray(DocumentTerms[]::new);
        PostingTable lists = new PostingTable();
        SortedSet<String> names = new TreeSet<>();
        Set<Integer> han = new HashSet<>();
        for (int id = 0; id < indexed.length; id++) {
            DocumentTerms one = indexed[id];
            // let each document's terms go once merged (unless the memo keeps them): at 100,000
            // articles they are a gigabyte
            indexed[id] = null;
            int doc = id;
            one.forEachTermAt((text, from, to, n) -> lists.add(text, from, to, doc, n));
            names.addAll(one.nameList());
            one.hanCodePoints().forEach(han::add);
        }
        SortedMap<String, SortedSet<String>> groups = new TreeMap<>();
        lists.drainTo((term, list) -> groups.computeIfAbsent(list, k -> new TreeSet<>()).add(term));
        return new SearchIndex(docs, names, new TreeMap<>(SearchFold.traditionalFor(han)), groups);
    }

    /** Number of distinct terms. */
    public int terms() {
        return postings.values().stream().mapToInt(SortedSet::size).sum();
    }
}

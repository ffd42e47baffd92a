package dev.kaiyuan.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    public static SearchIndex build(List<SearchDocument> docs, SearchTokenizer tokenizer) {
        Map<String, StringBuilder> lists = new TreeMap<>();
        SortedSet<String> names = new TreeSet<>();
        SortedSet<Integer> han = new TreeSet<>();
        for (int id = 0; id < docs.size(); id++) {
            String title = tokenizer.fold(docs.get(id).title());
            String text = tokenizer.fold(docs.get(id).text());
            List<Token> tokens = new ArrayList<>(tokenizer.index(title));
            tokens.addAll(tokenizer.index(text));
            post(id, tokens, lists);
            tokens.stream().filter(t -> tokenizer.isName(t.term())).forEach(t -> names.add(t.term()));
            (title + text).codePoints().filter(Tokens::isHan).forEach(han::add);
        }
        SortedMap<String, SortedSet<String>> groups = new TreeMap<>();
        lists.forEach((term, list) -> groups.computeIfAbsent(list.toString(), k -> new TreeSet<>()).add(term));
        return new SearchIndex(docs, names, new TreeMap<>(SearchFold.traditionalFor(han)), groups);
    }

    /** Appends document {@code id} (with the term's frequency when not 1) to the posting list of each of its terms. */
    private static void post(int id, List<Token> tokens, Map<String, StringBuilder> lists) {
        Map<String, Integer> tf = new HashMap<>();
        tokens.forEach(t -> tf.merge(t.term(), 1, Integer::sum));
        tf.forEach((term, n) -> {
            StringBuilder list = lists.computeIfAbsent(term, k -> new StringBuilder());
            list.append(list.length() == 0 ? "" : " ").append(id).append(n == 1 ? "" : ":" + n);
        });
    }

    /** Number of distinct terms. */
    public int terms() {
        return postings.values().stream().mapToInt(SortedSet::size).sum();
    }
}

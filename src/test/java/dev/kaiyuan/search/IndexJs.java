package dev.kaiyuan.search;

import dev.kaiyuan.model.HanScript;
import dev.kaiyuan.testing.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A generated {@code search/index.js} read back, and queried the way {@code assets/search.js}
 * queries it in the browser — the same steps in the same order, with ICU4J's word breaks standing
 * in for {@code Intl.Segmenter} — so the build's index is tested without a browser. Keep in step
 * with {@code search.js}: units (one-character Han words joined to the Han words beside them), AND
 * over units, Han bigram fallback, a lone character matched inside terms, prefix for the last
 * Latin unit, tf-idf, title boost.
 */
final class IndexJs {
    private static final double TITLE_BOOST = 2;
    private static final int MAX_RESULTS = 50;
    private static final int MAX_PREFIX_TERMS = 50;

    /** One result: the document's position in the index, its url and score. */
    record Hit(int id, String url, double score) {
    }

    final Map<String, Object> data;
    final List<Map<String, Object>> docs;
    final SearchTokenizer tokenizer;
    /** term → [doc, tf] pairs, in the order the script fills its Map. */
    final Map<String, List<int[]>> postings = new LinkedHashMap<>();
    private final List<String> titles = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private IndexJs(Map<String, Object> data) {
        this.data = data;
        this.docs = (List<Map<String, Object>>) data.get("docs");
        Map<Integer, Integer> fold = new HashMap<>();
        int[] pairs = ((String) data.get("fold")).codePoints().toArray();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            fold.put(pairs[i], pairs[i + 1]);
        }
        this.tokenizer = new SearchTokenizer(SearchFold.withMap(fold), (List<String>) data.get("names"));
        for (Object group : (List<Object>) data.get("postings")) {
            List<Object> g = (List<Object>) group;
            List<int[]> list = new ArrayList<>();
            for (String p : ((String) g.get(0)).split(" ")) {
                int colon = p.indexOf(':');
                list.add(colon < 0 ? new int[] {Integer.parseInt(p), 1}
                        : new int[] {Integer.parseInt(p.substring(0, colon)), Integer.parseInt(p.substring(colon + 1))});
            }
            String term = "";
            for (String line : ((String) g.get(1)).split("\n", -1)) {
                term = term.substring(0, Character.digit(line.charAt(0), 36)) + line.substring(1);
                // a term of several parts: their lists joined in id order, as search.js joins them
                postings.merge(term, list, (before, more) -> {
                    List<int[]> joined = new ArrayList<>(before.get(0)[0] < more.get(0)[0] ? before : more);
                    joined.addAll(before.get(0)[0] < more.get(0)[0] ? more : before);
                    return joined;
                });
            }
        }
        docs.forEach(d -> titles.add(tokenizer.fold((String) d.get("title"))));
    }

    /**
     * Reads {@code window.KAIYUAN_SEARCH = {...};} and parses the JSON between {@code =} and the final
     * {@code ;}; each document gets the {@code text} its text script (at {@link SearchScript#textPath} of its url,
     * under the site folder two levels up from the index) gives, as the search page loads it.
     */
    @SuppressWarnings("unchecked")
    static IndexJs read(Path file) throws IOException {
        String script = Files.readString(file, StandardCharsets.UTF_8);
        String assign = "window." + SearchScript.GLOBAL + " = ";
        int start = script.indexOf(assign);
        int end = script.lastIndexOf(';');
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not an index script: " + file);
        }
        Map<String, Object> data = (Map<String, Object>) StrictJson.parse(script.substring(start + assign.length(), end));
        Path site = file.toAbsolutePath().getParent().getParent();
        // the parts' documents, in order, as the search page joins them
        List<Object> docs = new ArrayList<>();
        List<?> parts = (List<?>) data.get("parts");
        for (int p = 0; p < parts.size(); p++) {
            List<Object> call = call(Files.readString(site.resolve(SearchScript.docsPath(p)), StandardCharsets.UTF_8),
                    SearchScript.DOCS_GLOBAL);
            if (((Number) call.get(0)).intValue() != p) {
                throw new IllegalArgumentException("documents script " + p + " says it is " + call.get(0));
            }
            if (!call.get(1).equals(((List<?>) data.get("keys")).get(p))) {
                throw new IllegalArgumentException("documents script " + p + " has key " + call.get(1) + ", not "
                        + ((List<?>) data.get("keys")).get(p));
            }
            List<?> ofPart = (List<?>) call.get(2);
            if (ofPart.size() != ((Number) parts.get(p)).intValue()) {
                throw new IllegalArgumentException("part " + p + " has " + ofPart.size() + " documents, not " + parts.get(p));
            }
            docs.addAll(ofPart);
        }
        data.put("docs", docs);
        // the shards' posting groups, part by part in shard order, as the search page takes them in
        List<Object> postings = new ArrayList<>();
        List<?> shards = (List<?>) data.get("shards");
        for (int p = 0; p < shards.size(); p++) {
            for (int n = 0; n < ((Number) shards.get(p)).intValue(); n++) {
                List<Object> call = call(Files.readString(site.resolve(SearchScript.termsPath(p, n)),
                        StandardCharsets.UTF_8), SearchScript.TERMS_GLOBAL);
                if (!call.get(0).equals(SearchScript.shardName(p, n))) {
                    throw new IllegalArgumentException("shard " + p + "-" + n + " says it is " + call.get(0));
                }
                if (!call.get(1).equals(((List<?>) data.get("keys")).get(p))) {
                    throw new IllegalArgumentException("shard " + p + "-" + n + " has key " + call.get(1));
                }
                postings.addAll((List<Object>) call.get(2));
            }
        }
        data.put("postings", postings);
        for (Map<String, Object> doc : (List<Map<String, Object>>) data.get("docs")) {
            List<Object> call = textCall(Files.readString(site.resolve(SearchScript.textPath((String) doc.get("url"))), StandardCharsets.UTF_8));
            if (!call.get(0).equals(doc.get("url"))) {
                throw new IllegalArgumentException("the text script of " + doc.get("url") + " is for " + call.get(0));
            }
            doc.put("text", call.get(1));
        }
        return new IndexJs(data);
    }

    /** The arguments of {@code window.KAIYUAN_SEARCH_TEXT("url","text");}, parsed as JSON. */
    static List<Object> textCall(String script) {
        return call(script, SearchScript.TEXT_GLOBAL);
    }

    /** The arguments of a script that is one call, {@code window.GLOBAL(…);}, parsed as JSON. */
    @SuppressWarnings("unchecked")
    static List<Object> call(String script, String global) {
        String call = "window." + global + "(";
        if (!script.startsWith(call) || !script.endsWith(");\n")) {
            throw new IllegalArgumentException("not a call of " + global + ": " + script);
        }
        return (List<Object>) StrictJson.parse("[" + script.substring(call.length(), script.length() - 3) + "]");
    }

    /** The query's units, as {@code Tokenizer.prototype.units}. */
    List<String> units(String query) {
        List<String[]> units = new ArrayList<>();
        int lastEnd = -1;
        boolean lastHan = false;
        boolean lastSingle = false;
        for (Token t : tokenizer.primary(tokenizer.fold(query))) {
            boolean han = t.kind() == Token.Kind.WORD && Tokens.hasHan(t.term());
            boolean single = han && isSingleHan(t.term());
            if (han && lastHan && lastEnd == t.start() && (single || lastSingle)) {
                units.get(units.size() - 1)[0] += t.term();
                lastSingle = false;
            } else {
                units.add(new String[] {t.term()});
                lastHan = han;
                lastSingle = single;
            }
            lastEnd = t.end();
        }
        return List.copyOf(new LinkedHashSet<>(units.stream().map(u -> u[0]).toList()));
    }

    private static boolean isSingleHan(String term) {
        return term.codePointCount(0, term.length()) == 1 && HanScript.contains(term.codePointAt(0));
    }

    List<Hit> search(String query) {
        List<String> units = units(query);
        if (units.isEmpty()) {
            return List.of();
        }
        boolean typing = !query.isEmpty() && !Character.isWhitespace(query.charAt(query.length() - 1));
        Map<Integer, Double> total = null;
        for (int u = 0; u < units.size(); u++) {
            String term = units.get(u);
            Optional<Map<Integer, Double>> found = lookup(term, typing && u == units.size() - 1);
            if (found.isEmpty()) {
                return List.of();
            }
            Map<Integer, Double> scores = found.get();
            scores.replaceAll((doc, s) -> titles.get(doc).contains(term) ? s * (1 + TITLE_BOOST) : s);
            total = total == null ? scores : intersect(total, scores);
        }
        return total.entrySet().stream()
                .map(e -> new Hit(e.getKey(), (String) docs.get(e.getKey()).get("url"), e.getValue()))
                .sorted(Comparator.comparingDouble(Hit::score).reversed()
                        .thenComparing(h -> (String) docs.get(h.id()).get("date"), Comparator.reverseOrder())
                        .thenComparing(Comparator.comparingInt(Hit::id).reversed()))
                .limit(MAX_RESULTS).toList();
    }

    Optional<Map<Integer, Double>> lookup(String term, boolean last) {
        List<int[]> list = postings.get(term);
        if (isSingleHan(term)) {
            return union(t -> t.contains(term), Integer.MAX_VALUE);
        }
        if (list != null) {
            return Optional.of(scores(list));
        }
        if (!Tokens.hasHan(term)) {
            return last && term.length() >= 2 ? union(t -> t.startsWith(term), MAX_PREFIX_TERMS) : Optional.empty();
        }
        List<String> grams = hanGrams(term);
        Map<Integer, Double> scores = null;
        for (String gram : grams) {
            Optional<Map<Integer, Double>> found = isSingleHan(gram) ? union(t -> t.contains(gram), Integer.MAX_VALUE)
                    : postings.containsKey(gram) ? Optional.of(scores(postings.get(gram))) : Optional.empty();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            scores = scores == null ? found.get() : intersect(scores, found.get());
        }
        scores.replaceAll((doc, s) -> s / grams.size());
        return Optional.of(scores);
    }

    private Map<Integer, Double> scores(List<int[]> list) {
        double idf = Math.log(1 + (double) docs.size() / list.size());
        Map<Integer, Double> scores = new LinkedHashMap<>();
        list.forEach(p -> scores.put(p[0], (1 + Math.log(p[1])) * idf));
        return scores;
    }

    /** As search.js: more than {@code limit} matching terms are cut to the first by posting list as written, then term. */
    private Optional<Map<Integer, Double>> union(Predicate<String> test, int limit) {
        List<Map.Entry<String, List<int[]>>> matched = new ArrayList<>();
        for (Map.Entry<String, List<int[]>> e : postings.entrySet()) {
            if (test.test(e.getKey())) {
                matched.add(e);
            }
        }
        if (matched.size() > limit) {
            matched.sort(Comparator.comparing((Map.Entry<String, List<int[]>> e) -> listText(e.getValue()))
                    .thenComparing(Map.Entry::getKey));
            matched = matched.subList(0, limit);
        }
        Map<Integer, Double> scores = null;
        for (Map.Entry<String, List<int[]>> e : matched) {
            scores = scores == null ? new LinkedHashMap<>() : scores;
            for (Map.Entry<Integer, Double> s : scores(e.getValue()).entrySet()) {
                scores.merge(s.getKey(), s.getValue(), Math::max);
            }
        }
        return Optional.ofNullable(scores);
    }

    /** A posting list as the index writes it: {@code doc} or {@code doc:tf}, space-separated. */
    private static String listText(List<int[]> list) {
        StringBuilder text = new StringBuilder();
        for (int[] p : list) {
            text.append(text.length() == 0 ? "" : " ").append(p[0]).append(p[1] == 1 ? "" : ":" + p[1]);
        }
        return text.toString();
    }

    private static Map<Integer, Double> intersect(Map<Integer, Double> a, Map<Integer, Double> b) {
        Map<Integer, Double> both = new LinkedHashMap<>();
        a.forEach((doc, s) -> {
            if (b.containsKey(doc)) {
                both.put(doc, s + b.get(doc));
            }
        });
        return both;
    }

    /** As {@code hanGrams} in the script: the bigrams of each Han run of a term, a run of one character the character. */
    static List<String> hanGrams(String term) {
        List<String> grams = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int[] codePoints = java.util.stream.IntStream.concat(term.codePoints(), java.util.stream.IntStream.of(-1)).toArray();
        for (int cp : codePoints) {
            if (cp >= 0 && HanScript.contains(cp)) {
                run.add(Character.toString(cp));
                continue;
            }
            if (run.size() == 1) {
                grams.add(run.get(0));
            }
            for (int i = 0; i + 1 < run.size(); i++) {
                grams.add(run.get(i) + run.get(i + 1));
            }
            run.clear();
        }
        return grams;
    }
}

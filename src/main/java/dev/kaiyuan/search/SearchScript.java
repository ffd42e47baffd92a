package dev.kaiyuan.search;

import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Writes a {@link SearchIndex} as scripts. The index script assigns one global,
 * {@code window.KAIYUAN_SEARCH = {...};} — a script rather than JSON to fetch, so the search page
 * works from {@code file://} too. The value is JSON:
 * <pre>
 * {"version": 5,
 *  "parts": [D0, D1] (the number of documents in each of the index's parts),
 *  "keys": [K0, K1] (each part's ids key, {@link #idsKey}),
 *  "names": [folded dictionary names],
 *  "fold": "TsTs…" (pairs of code points: Traditional, then its Simplified form),
 *  "shards": [N0, N1]}
 * </pre>
 * The documents of part {@code p} are a script of their own, {@code search/docs/<p>.js}, calling
 * {@code window.KAIYUAN_SEARCH_DOCS(p, "K", [{"url", "title", "date", "lang"}, …])} with one
 * document a line (search.js makes the path of a document's text script from its url, as {@link
 * #textPath} does: naming it in each document was a quarter of the documents' bytes). A
 * document's id is its place in the parts' documents taken in order. The page takes a part's
 * documents only when its {@link #idsKey} is the one the index names: a browser may hold a copy
 * of one script from an earlier build for a while after a deploy, whose documents can sit at
 * other ids (an article deleted, or dated before others), and would show the wrong articles. In
 * the index
 * script the documents were 2.3 MB at 10,000 articles that every added article changed, and so
 * every deploy uploaded; a new article now changes the last part's script, which holds at most a
 * few hundred.
 * The postings are in the index's parts ({@link SearchIndex#parts}), part {@code p} in
 * {@code Np} shard scripts, {@code search/terms/<p>-<n>.js}, each calling
 * {@code window.KAIYUAN_SEARCH_TERMS("p-n", "K", [["0 3:2", "terms"], …])} with its part's
 * ids key (the page takes a shard's postings only when that key is the index's: one from
 * another build could number other documents); in each part a term is in
 * shard {@link #shardOf}, decided by its first two UTF-16 units, so a query loads only the shards
 * of its terms (one of each part, whose lists it joins), and all the terms that begin with a
 * prefix of two or more units are in one shard of each part.
 * A posting group is the posting list — doc ids, each with the term's frequency there when it is
 * not 1 — and every term that has it, sorted and front-coded: one term a line, each line being the
 * number of leading UTF-16 units it shares with the line before (one base-36 digit) and the rest.
 * Sorted Chinese bigrams share their first character, so this roughly halves the postings.
 *
 * <p>The text snippets are shown from is not in the index: each document's (cut to
 * {@value #TEXT_CHARS} chars) is a script of its own, {@code search/text/articles/<slug>.js}, that
 * calls {@code window.KAIYUAN_SEARCH_TEXT("url", "text")}; the search page loads those of the
 * results it shows. Text was three quarters of the index (56 of 75 MB at 10,000 articles), which a
 * reader downloaded whole to see 50 results; and a document's text script keeps its bytes when
 * other documents come and go, so a rebuild leaves it untouched.
 */
public final class SearchScript {
    public static final String GLOBAL = "KAIYUAN_SEARCH";
    /** The function each text script calls with its document's url and text; defined by search.js. */
    public static final String TEXT_GLOBAL = "KAIYUAN_SEARCH_TEXT";
    /** The folder of the text scripts, a site path. */
    public static final String TEXT_FOLDER = "search/text/";
    /** The function each documents script calls with its part's number and documents; defined by search.js. */
    public static final String DOCS_GLOBAL = "KAIYUAN_SEARCH_DOCS";
    /** The folder of the documents scripts, a site path. */
    public static final String DOCS_FOLDER = "search/docs/";
    /** The function each shard script calls with its number and posting groups; defined by search.js. */
    public static final String TERMS_GLOBAL = "KAIYUAN_SEARCH_TERMS";
    /** The folder of the shard scripts, a site path. */
    public static final String TERMS_FOLDER = "search/terms/";
    /** About this many characters of postings per shard: a query of three terms loads ~200 KB. */
    static final long SHARD_CHARS = 1 << 16;
    static final int MAX_SHARDS = 1 << 12;
    /** How many shard scripts are made at once (see {@link #termScripts}). */
    private static final int SHARD_BATCH = 32;
    /** Enough text for a snippet around most first hits; the index itself covers the whole text. */
    public static final int TEXT_CHARS = 3000;
    private static final int MAX_SHARED = 35;

    private SearchScript() {
    }

    /**
     * The index script: the parts' sizes and documents keys, names, fold map and the number of
     * shards (documents and postings are in scripts of their own).
     */
    public static String write(SearchIndex index) {
        return new String(bytes(index), StandardCharsets.UTF_8);
    }

    /** {@link #write} in UTF-8. */
    public static byte[] bytes(SearchIndex index) {
        StringBuilder out = new StringBuilder(1 << 12);
        out.append("/* Kaiyuan search index, made by the build; read by assets/search.js. */\n");
        out.append("window.").append(GLOBAL).append(" = {\"version\":5,\n\"parts\":[");
        for (int p = 0; p < index.parts().size(); p++) {
            SearchIndex.Part part = index.parts().get(p);
            out.append(p == 0 ? "" : ",").append(part.to() - part.from());
        }
        out.append("],\n\"keys\":[");
        for (int p = 0; p < index.parts().size(); p++) {
            quote(idsKey(index, p), out.append(p == 0 ? "" : ","));
        }
        out.append("],\n\"names\":");
        strings(index.names(), out).append(",\n\"fold\":");
        quote(pairs(index.fold()), out).append(",\n\"shards\":[");
        for (int p = 0; p < index.parts().size(); p++) {
            out.append(p == 0 ? "" : ",").append(index.parts().get(p).shards());
        }
        out.append("]};\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The site path of the documents script of part {@code p}. */
    public static String docsPath(int part) {
        return DOCS_FOLDER + part + ".js";
    }

    /**
     * The documents script of part {@code p}, in UTF-8 (1.6 MB for the first part at 10,000
     * articles, about 16 MB at 100,000), encoded a few documents at a time: the one array the size
     * of the whole script is the one returned. (Made in one string builder, the script took four
     * times its size in arrays on the way, each of them large enough that the collector handles it
     * apart.)
     */
    public static byte[] docsScript(SearchIndex index, int part) {
        SearchIndex.Part of = index.parts().get(part);
        Utf8Pieces pieces = new Utf8Pieces();
        StringBuilder out = new StringBuilder(Utf8Pieces.PIECE + 1024);
        out.append("window.").append(DOCS_GLOBAL).append('(').append(part).append(",\"").append(idsKey(index, part))
                .append("\",[");
        String sep = "\n";
        for (SearchIndex.Doc d : index.docs().subList(of.from(), of.to())) {
            out.append(sep).append("{\"url\":");
            quote(d.url(), out).append(",\"title\":");
            quote(d.title(), out).append(",\"date\":");
            quote(d.date(), out).append(",\"lang\":");
            quote(d.lang(), out).append('}');
            sep = ",\n";
            pieces.addFull(out);
        }
        out.append("]);\n");
        pieces.add(out);
        return pieces.bytes();
    }

    /**
     * Equal for two builds' part {@code p} only when it numbers the same documents the same: a hash
     * of the part's number and place and of its documents' addresses in order, 16 hex digits (64
     * bits: it tells a script from the few other builds' a browser may have kept). The index script
     * names it for each part, and the part's documents script and shards carry it: the page leaves
     * out a script whose key is not the index's, so that no stale copy shows another article than
     * its ids say. An edited title or language keeps it (and the shards with it), and so does a
     * date that leaves the article where it was among the others.
     */
    public static String idsKey(SearchIndex index, int part) {
        SearchIndex.Part of = index.parts().get(part);
        HashStream64 hash = Hashing.xxh3_64().hashStream();
        hash.putInt(part).putInt(of.from()).putInt(of.to());
        for (SearchIndex.Doc d : index.docs().subList(of.from(), of.to())) {
            hash.putInt(d.url().length()).putChars(d.url());
        }
        return HexFormat.of().toHexDigits(hash.getAsLong());
    }

    /**
     * Equal for two parts' documents scripts only when they are the same: a hash of the part's
     * number and place and of every field of its documents (so of its {@link #idsKey} too).
     */
    public static String docsKey(SearchIndex index, int part) {
        SearchIndex.Part of = index.parts().get(part);
        HashStream64 hash = Hashing.xxh3_64().hashStream();
        hash.putInt(part).putInt(of.from()).putInt(of.to());
        for (SearchIndex.Doc d : index.docs().subList(of.from(), of.to())) {
            for (String field : new String[] {d.url(), d.title(), d.date(), d.lang()}) {
                hash.putInt(field.length()).putChars(field);
            }
        }
        return HexFormat.of().toHexDigits(hash.getAsLong());
    }

    /** A script's UTF-8 bytes, taken a piece at a time from a string builder that is then emptied. */
    private static final class Utf8Pieces {
        /** About this many characters a piece. */
        static final int PIECE = 1 << 14;
        private final List<byte[]> pieces = new ArrayList<>();
        private int size;

        /** Takes the builder's text when it holds a piece's worth. */
        void addFull(StringBuilder text) {
            if (text.length() >= PIECE) {
                add(text);
            }
        }

        void add(StringBuilder text) {
            byte[] piece = text.toString().getBytes(StandardCharsets.UTF_8);
            pieces.add(piece);
            size = Math.addExact(size, piece.length);
            text.setLength(0);
        }

        byte[] bytes() {
            byte[] all = new byte[size];
            int at = 0;
            for (byte[] piece : pieces) {
                System.arraycopy(piece, 0, all, at, piece.length);
                at += piece.length;
            }
            return all;
        }
    }

    /**
     * The number of a part's shards: the smallest power of two that puts at most about {@link
     * #SHARD_CHARS} characters of postings in each (at most {@link #MAX_SHARDS}).
     */
    public static int shardCount(SortedMap<String, SortedSet<String>> postings) {
        long chars = 0;
        for (Map.Entry<String, SortedSet<String>> group : postings.entrySet()) {
            chars += group.getKey().length() + 8;
            for (String term : group.getValue()) {
                chars += term.length() + 2;
            }
        }
        int shards = 1;
        while (shards < MAX_SHARDS && shards * SHARD_CHARS < chars) {
            shards <<= 1;
        }
        return shards;
    }

    /**
     * The shard of a term: FNV-1a (32 bits) of its first two UTF-16 units, unsigned, modulo
     * {@code shards}. search.js computes the same.
     */
    public static int shardOf(String term, int shards) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < Math.min(2, term.length()); i++) {
            hash ^= term.charAt(i);
            hash *= 0x01000193;
        }
        return Integer.remainderUnsigned(hash, shards);
    }

    /** The name of shard {@code n} of part {@code p}: {@code p-n}, as its script calls itself. */
    public static String shardName(int part, int shard) {
        return part + "-" + shard;
    }

    /** The site path of the script of shard {@code n} of part {@code p}. */
    public static String termsPath(int part, int shard) {
        return TERMS_FOLDER + shardName(part, shard) + ".js";
    }

    /** Where {@link #termScripts} hands each shard script: made, or kept as an earlier build made it. */
    public interface ShardSink {
        void made(String path, byte[] script);

        void kept(String path);
    }

    /** As {@link #termScripts(SearchIndex, BiPredicate, ShardSink)}, making every shard. */
    public static void termScripts(SearchIndex index, BiConsumer<String, byte[]> out) {
        termScripts(index, (part, path) -> false, new ShardSink() {
            @Override
            public void made(String path, byte[] script) {
                out.accept(path, script);
            }

            @Override
            public void kept(String path) {
                throw new IllegalStateException("no shard is kept");
            }
        });
    }

    /**
     * Every shard script, part by part in shard order, handed to {@code out} with its site path as
     * it is made: {@code window.KAIYUAN_SEARCH_TERMS("p-n","K",[["0 3:2","terms"],…]);} (K the
     * part's {@link #idsKey}) with each posting group's terms of that shard, groups in the part's order. A shard whose path
     * {@code kept} accepts with its part (asked once for each, in order) is handed on as kept and not made.
     */
    public static void termScripts(SearchIndex index, BiPredicate<SearchIndex.Part, String> kept, ShardSink out) {
        for (int p = 0; p < index.parts().size(); p++) {
            SearchIndex.Part part = index.parts().get(p);
            int shards = part.shards();
            boolean[] keep = new boolean[shards];
            boolean all = true;
            for (int n = 0; n < shards; n++) {
                keep[n] = kept.test(part, termsPath(p, n));
                all &= keep[n];
            }
            if (all) {
                // no shard to make: none handed to other threads, which in a rebuild are busy with
                // the pages (waiting for them to take up tasks that make nothing cost 30 ms)
                for (int n = 0; n < shards; n++) {
                    out.kept(termsPath(p, n));
                }
                continue;
            }
            List<List<Map.Entry<String, List<String>>>> groups = shardGroups(part, shards, keep);
            String key = idsKey(index, p);
            // made on every core and handed on in shard order (at 100,000 articles they are 280 MB)
            int[] next = {0};
            int inPart = p;
            InOrder.make(shards, SHARD_BATCH, n -> keep[n] ? null : termScript(shardName(inPart, n), key, groups.get(n)),
                    script -> {
                        int n = next[0]++;
                        if (keep[n]) {
                            out.kept(termsPath(inPart, n));
                        } else {
                            groups.set(n, List.of());
                            out.made(termsPath(inPart, n), script);
                        }
                    });
        }
    }

    /** The posting groups of each of a part's shards that is not kept, each with its terms of that shard. */
    private static List<List<Map.Entry<String, List<String>>>> shardGroups(SearchIndex.Part part, int shards,
            boolean[] keep) {
        List<List<Map.Entry<String, List<String>>>> groups = new ArrayList<>(shards);
        for (int i = 0; i < shards; i++) {
            groups.add(new ArrayList<>());
        }
        for (Map.Entry<String, SortedSet<String>> group : part.postings().entrySet()) {
            if (group.getValue().size() == 1) {
                // most groups: one term, in one shard
                String term = group.getValue().first();
                int shard = shardOf(term, shards);
                if (!keep[shard]) {
                    groups.get(shard).add(Map.entry(group.getKey(), List.of(term)));
                }
                continue;
            }
            Map<Integer, List<String>> byShard = new TreeMap<>();
            for (String term : group.getValue()) {
                int shard = shardOf(term, shards);
                if (!keep[shard]) {
                    byShard.computeIfAbsent(shard, k -> new ArrayList<>()).add(term);
                }
            }
            byShard.forEach((shard, terms) -> groups.get(shard).add(Map.entry(group.getKey(), terms)));
        }
        return groups;
    }

    /**
     * One shard's script as UTF-8, written into an array of its exact size. A shard is mostly its
     * posting lists (digits, spaces and colons); built in a string first, grown by doubling, then
     * encoded, it took ten times its size in allocations: a third of what a rebuild at 10,000
     * articles allocated, with the collections that go with that.
     */
    static byte[] termScript(String shard, String key, List<Map.Entry<String, List<String>>> groups) {
        byte[] head = ("window." + TERMS_GLOBAL + "(\"" + shard + "\",\"" + key + "\",[").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "]);\n".getBytes(StandardCharsets.US_ASCII);
        byte[][] terms = new byte[groups.size()][];
        int size = head.length + tail.length;
        for (int g = 0; g < groups.size(); g++) {
            String postings = groups.get(g).getKey();
            if (!ascii(postings)) {
                return termScriptAsText(shard, key, groups);
            }
            terms[g] = quote(frontCoded(groups.get(g).getValue()), new StringBuilder()).toString()
                    .getBytes(StandardCharsets.UTF_8);
            // separator, ["postings", terms ]
            size += (g == 0 ? 1 : 2) + 2 + postings.length() + 2 + terms[g].length + 1;
        }
        byte[] script = new byte[size];
        int at = put(head, script, 0);
        for (int g = 0; g < groups.size(); g++) {
            at = put(g == 0 ? "\n[\"" : ",\n[\"", script, at);
            at = put(groups.get(g).getKey(), script, at);
            at = put("\",", script, at);
            at = put(terms[g], script, at);
            script[at++] = ']';
        }
        put(tail, script, at);
        return script;
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Puts the chars of {@code ascii}, all below U+0080, as bytes at {@code at}; the place after them. */
    private static int put(String ascii, byte[] into, int at) {
        for (int i = 0; i < ascii.length(); i++) {
            into[at++] = (byte) ascii.charAt(i);
        }
        return at;
    }

    private static int put(byte[] bytes, byte[] into, int at) {
        System.arraycopy(bytes, 0, into, at, bytes.length);
        return at + bytes.length;
    }

    /** The shard's script made as text and then encoded: the same bytes, for posting lists of other characters. */
    static byte[] termScriptAsText(String shard, String key, List<Map.Entry<String, List<String>>> groups) {
        StringBuilder script = new StringBuilder(1 << 12);
        script.append("window.").append(TERMS_GLOBAL).append("(\"").append(shard).append("\",\"").append(key).append("\",[");
        String sep = "\n";
        for (Map.Entry<String, List<String>> group : groups) {
            script.append(sep).append("[\"").append(group.getKey()).append("\",");
            quote(frontCoded(group.getValue()), script).append(']');
            sep = ",\n";
        }
        script.append("]);\n");
        return script.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The site path of the text script of the document at site path {@code url}:
     * {@code articles/x/index.html} → {@code search/text/articles/x.js}. search.js's
     * {@code textScriptOf} makes the same.
     */
    public static String textPath(String url) {
        String stem = url.endsWith("/index.html") ? url.substring(0, url.length() - "/index.html".length())
                : url.endsWith(".html") ? url.substring(0, url.length() - ".html".length()) : url;
        return TEXT_FOLDER + stem + ".js";
    }

    /** The text script of one document: {@code window.KAIYUAN_SEARCH_TEXT("url","text");}, in UTF-8. */
    public static byte[] textScript(SearchDocument doc) {
        String text = cut(doc.text());
        StringBuilder out = new StringBuilder(text.length() + 100);
        out.append("window.").append(TEXT_GLOBAL).append('(');
        quote(doc.url(), out).append(',');
        quote(text, out).append(");\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The first {@value #TEXT_CHARS} chars, not splitting a surrogate pair. */
    static String cut(String text) {
        if (text.length() <= TEXT_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(TEXT_CHARS - 1)) ? TEXT_CHARS - 1 : TEXT_CHARS;
        return text.substring(0, end);
    }

    /** Terms one a line, each as the length of the prefix shared with the previous term (base 36, at most 35) and the rest. */
    static String frontCoded(Iterable<String> terms) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (String term : terms) {
            int shared = 0;
            int max = Math.min(MAX_SHARED, Math.min(previous.length(), term.length()));
            while (shared < max && previous.charAt(shared) == term.charAt(shared)) {
                shared++;
            }
            if (shared > 0 && Character.isHighSurrogate(term.charAt(shared - 1))) {
                shared--;
            }
            out.append(out.length() == 0 ? "" : "\n").append(Character.forDigit(shared, 36)).append(term, shared, term.length());
            previous = term;
        }
        return out.toString();
    }

    private static String pairs(Map<Integer, Integer> fold) {
        StringBuilder s = new StringBuilder();
        fold.forEach((t, simplified) -> s.appendCodePoint(t).appendCodePoint(simplified));
        return s.toString();
    }

    private static StringBuilder strings(Iterable<String> values, StringBuilder out) {
        out.append('[');
        String sep = "";
        for (String v : values) {
            out.append(sep);
            quote(v, out);
            sep = ",";
        }
        return out.append(']');
    }

    /**
     * A JSON string: {@code "} and {@code \} escaped, control characters, U+2028/U+2029, {@code <}
     * (no {@code </script>} can form) and lone surrogates as {@code \}{@code uXXXX}.
     */
    static StringBuilder quote(String s, StringBuilder out) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            // most text needs no escape: copy each run of it whole
            int run = i;
            while (run < n && !needsEscape(s.charAt(run))) {
                run++;
            }
            out.append(s, i, run);
            if (run == n) {
                break;
            }
            char c = s.charAt(run);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (Character.isSurrogate(c) && !lone(s, run)) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
            i = run;
        }
        return out.append('"');
    }

    /** True for the characters {@link #quote} may escape (a surrogate only when it is lone). */
    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '<' || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c);
    }

    private static boolean lone(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }
}

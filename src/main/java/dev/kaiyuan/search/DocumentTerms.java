package dev.kaiyuan.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;

/**
 * What one document gives the index: each term with its frequency (title and text together), the
 * dictionary names among them, and its Han characters (for the fold map). Depends only on the
 * document's title and text and on the tokenizer, so a build may keep it for an unchanged document;
 * it is kept as three strings, because a large site's documents have millions of terms.
 *
 * @param terms one term a line, followed by a tab and its frequency when that is not 1; a
 *              backslash, line break or tab in a term is written {@code \\}, {@code \n}, {@code \t}
 * @param names the dictionary names among the terms, one a line
 * @param han   the distinct Han characters of title and text, in code point order
 */
public record DocumentTerms(String terms, String names, String han) {
    public DocumentTerms {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(han, "han");
    }

    public static DocumentTerms of(SearchDocument doc, SearchTokenizer tokenizer) {
        String title = tokenizer.fold(doc.title());
        String text = tokenizer.fold(doc.text());
        List<Token> tokens = new ArrayList<>(tokenizer.index(title));
        tokens.addAll(tokenizer.index(text));
        Map<String, Integer> tf = new LinkedHashMap<>();
        for (Token t : tokens) {
            tf.merge(t.term(), 1, Integer::sum);
        }
        TreeSet<String> names = new TreeSet<>();
        for (String term : tf.keySet()) {
            if (tokenizer.isName(term)) {
                names.add(term);
            }
        }
        StringBuilder terms = new StringBuilder();
        tf.forEach((term, n) -> {
            terms.append(escape(term));
            if (n != 1) {
                terms.append('\t').append(n);
            }
            terms.append('\n');
        });
        // a bit per code point, set as met and read in order: sorting every Han character of a
        // Chinese article (thousands) was 2 % of a cold build
        BitSet seen = new BitSet();
        markHan(title, seen);
        markHan(text, seen);
        StringBuilder han = new StringBuilder();
        for (int cp = seen.nextSetBit(0); cp >= 0; cp = seen.nextSetBit(cp + 1)) {
            han.appendCodePoint(cp);
        }
        StringBuilder nameLines = new StringBuilder();
        names.forEach(name -> nameLines.append(escape(name)).append('\n'));
        return new DocumentTerms(terms.toString(), nameLines.toString(), han.toString());
    }

    private static void markHan(String text, BitSet seen) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Tokens.isHan(cp)) {
                seen.set(cp);
            }
            i += Character.charCount(cp);
        }
    }

    private static String escape(String term) {
        if (term.indexOf('\\') < 0 && term.indexOf('\n') < 0 && term.indexOf('\t') < 0) {
            return term;
        }
        return term.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String unescape(String line) {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Where a term is: the stretch {@code [from, to)} of {@code text}, the term's {@link String#hashCode},
     * and its frequency.
     */
    @FunctionalInterface
    interface TermAt {
        void accept(char[] text, int from, int to, int hash, int n);
    }

    /**
     * Calls {@code each} with every term as a stretch of a copy of this record's text, without making
     * a string of it (a term with an escaped character comes in an array of its own). One pass over
     * an array finds the term's end and hashes it: a merge reads every term of every document, and
     * without the optimising compiler (a cached rebuild) {@code String.charAt} checks each index.
     */
    void forEachTermAt(TermAt each) {
        char[] text = terms.toCharArray();
        int at = 0;
        int length = text.length;
        while (at < length) {
            int end = at;
            int hash = 0;
            boolean escaped = false;
            char c;
            for (; (c = text[end]) != '\n' && c != '\t'; end++) {
                hash = 31 * hash + c;
                escaped |= c == '\\';
            }
            int termEnd = end;
            int n = 1;
            if (c == '\t') {
                while (text[end] != '\n') {
                    end++;
                }
                n = Integer.parseInt(terms, termEnd + 1, end, 10);
            }
            if (escaped) {
                String term = unescape(terms.substring(at, termEnd));
                each.accept(term.toCharArray(), 0, term.length(), term.hashCode(), n);
            } else {
                each.accept(text, at, termEnd, hash, n);
            }
            at = end + 1;
        }
    }

    /** Calls {@code each} with every term and its frequency. */
    public void forEachTerm(ObjIntConsumer<String> each) {
        int at = 0;
        int length = terms.length();
        while (at < length) {
            // The tab is looked for on this line only: most terms have none, and looking further
            // would scan ahead to the next term that has one, again for every line.
            int end = at;
            int tab = -1;
            for (char c; (c = terms.charAt(end)) != '\n'; end++) {
                if (c == '\t') {
                    tab = end;
                }
            }
            if (tab >= 0) {
                each.accept(unescape(terms.substring(at, tab)), Integer.parseInt(terms, tab + 1, end, 10));
            } else {
                each.accept(unescape(terms.substring(at, end)), 1);
            }
            at = end + 1;
        }
    }

    public List<String> nameList() {
        List<String> list = new ArrayList<>();
        for (int at = 0; at < names.length(); at = names.indexOf('\n', at) + 1) {
            list.add(unescape(names.substring(at, names.indexOf('\n', at))));
        }
        return list;
    }

    public IntStream hanCodePoints() {
        return han.codePoints();
    }
}

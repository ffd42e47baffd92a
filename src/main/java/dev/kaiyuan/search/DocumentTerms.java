package dev.kaiyuan.search;

import dev.kaiyuan.model.Blob;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;

/**
 * What one document gives the index: each term with its frequency (title and text together), the
 * dictionary names among them, and its Han characters (for the fold map). Depends only on the
 * document's title and text and on the tokenizer, so a build may keep it for an unchanged document;
 * it is kept as three strings, because a large site's documents have millions of terms, packed in
 * one {@link Blob}: the build cache leaves it in its file until the document is merged again, which
 * a rebuild after an article was added does for that article only (28 million characters at
 * 10,000 articles; decoding them was a sixth of loading the cache).
 *
 * <p>The three strings ({@link #terms()}, {@link #names()}, {@link #han()}):
 * <ul>
 * <li>terms: one term a line, followed by a tab and its frequency when that is not 1; a backslash,
 *     line break or tab in a term is written {@code \\}, {@code \n}, {@code \t}
 * <li>names: the dictionary names among the terms, one a line
 * <li>han: the distinct Han characters of title and text, in code point order
 * </ul>
 *
 * @param packed the coder (one byte: 0 when every character is Latin-1, one byte each, else 1:
 *               UTF-16 units, two bytes each, big-endian), the three strings' lengths in characters
 *               (4 bytes each), then the three strings
 */
public record DocumentTerms(Blob packed) {
    private static final int HEADER = 13;
    private static final byte LATIN1 = 0;
    private static final byte UTF16 = 1;

    public DocumentTerms {
        Objects.requireNonNull(packed, "packed");
        byte[] head = packed.head();
        if (packed.length() < HEADER || head[0] != LATIN1 && head[0] != UTF16) {
            throw new IllegalArgumentException("not packed terms: " + packed.length() + " bytes");
        }
        long chars = 0;
        for (int part = 0; part < 3; part++) {
            int n = ByteBuffer.wrap(head).getInt(1 + 4 * part);
            if (n < 0) {
                throw new IllegalArgumentException("a negative length");
            }
            chars += n;
        }
        if (HEADER + chars * (head[0] + 1) != packed.length()) {
            throw new IllegalArgumentException("packed terms of " + packed.length() + " bytes for " + chars + " chars");
        }
    }

    /** The three strings packed. */
    public static DocumentTerms of(String terms, String names, String han) {
        byte coder = latin1(terms) && latin1(names) && latin1(han) ? LATIN1 : UTF16;
        int width = coder + 1;
        byte[] out = new byte[HEADER + width * (terms.length() + names.length() + han.length())];
        ByteBuffer.wrap(out).put(coder).putInt(terms.length()).putInt(names.length()).putInt(han.length());
        int at = HEADER;
        for (String s : List.of(terms, names, han)) {
            if (coder == LATIN1) {
                // every character is below 256, so ISO 8859-1 is each character's own byte
                System.arraycopy(s.getBytes(StandardCharsets.ISO_8859_1), 0, out, at, s.length());
                at += s.length();
            } else {
                // char by char: an encoder would put U+FFFD for a lone surrogate, and the strings must come back as they were
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    out[at++] = (byte) (c >> 8);
                    out[at++] = (byte) c;
                }
            }
        }
        return new DocumentTerms(Blob.owning(out));
    }

    private static boolean latin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** Every term, one a line (see above). */
    public String terms() {
        return new String(chars(packed.bytes(), 0));
    }

    /** The dictionary names, one a line. */
    public String names() {
        return new String(chars(packed.bytes(), 1));
    }

    /** The distinct Han characters, in code point order. */
    public String han() {
        return new String(chars(packed.bytes(), 2));
    }

    /** The characters of string {@code part} (0, 1 or 2) of {@code bytes}, this record's packed bytes. */
    private static char[] chars(byte[] bytes, int part) {
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int width = bytes[0] + 1;
        int at = HEADER;
        for (int i = 0; i < part; i++) {
            at += width * header.getInt(1 + 4 * i);
        }
        char[] chars = new char[header.getInt(1 + 4 * part)];
        if (width == 1) {
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) (bytes[at + i] & 0xFF);
            }
        } else {
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) ((bytes[at + 2 * i] & 0xFF) << 8 | bytes[at + 2 * i + 1] & 0xFF);
            }
        }
        return chars;
    }

    /** Equal when the packed bytes are (a kept record is the same instance, so this rarely reads them). */
    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentTerms t && (t.packed == packed || Arrays.equals(t.packed.bytes(), packed.bytes()));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(packed.bytes());
    }

    @Override
    public String toString() {
        return "DocumentTerms[" + packed.length() + " bytes]";
    }

    public static DocumentTerms of(SearchDocument doc, SearchTokenizer tokenizer) {
        String title = tokenizer.fold(doc.title());
        String text = tokenizer.fold(doc.text());
        TermCounts tf = new TermCounts();
        // a bit per code point, set as met and read in order: sorting every Han character of a
        // Chinese article (thousands) was 2 % of a cold build
        BitSet seen = new BitSet();
        tokenizer.index(title, tf, seen);
        tokenizer.index(text, tf, seen);
        TreeSet<String> names = new TreeSet<>();
        StringBuilder terms = new StringBuilder();
        for (int i = 0; i < tf.size(); i++) {
            String term = tf.term(i);
            if (tokenizer.isName(term)) {
                names.add(term);
            }
            terms.append(escape(term));
            if (tf.count(i) != 1) {
                terms.append('\t').append(tf.count(i));
            }
            terms.append('\n');
        }
        StringBuilder han = new StringBuilder();
        for (int cp = seen.nextSetBit(0); cp >= 0; cp = seen.nextSetBit(cp + 1)) {
            han.appendCodePoint(cp);
        }
        StringBuilder nameLines = new StringBuilder();
        names.forEach(name -> nameLines.append(escape(name)).append('\n'));
        return of(terms.toString(), nameLines.toString(), han.toString());
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
        char[] text = chars(packed.bytes(), 0);
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
                n = parseInt(text, termEnd + 1, end);
            }
            if (escaped) {
                String term = unescape(new String(text, at, termEnd - at));
                each.accept(term.toCharArray(), 0, term.length(), term.hashCode(), n);
            } else {
                each.accept(text, at, termEnd, hash, n);
            }
            at = end + 1;
        }
    }

    /** Calls {@code each} with every term and its frequency. */
    public void forEachTerm(ObjIntConsumer<String> each) {
        String terms = terms();
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
        String names = names();
        List<String> list = new ArrayList<>();
        for (int at = 0; at < names.length(); at = names.indexOf('\n', at) + 1) {
            list.add(unescape(names.substring(at, names.indexOf('\n', at))));
        }
        return list;
    }

    public IntStream hanCodePoints() {
        return han().codePoints();
    }

    /** The decimal number in {@code text[from, to)}. */
    private static int parseInt(char[] text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text[i], 10);
            if (digit < 0 || n > (Integer.MAX_VALUE - digit) / 10) {
                throw new NumberFormatException("not a frequency: " + new String(text, from, to - from));
            }
            n = 10 * n + digit;
        }
        if (from == to) {
            throw new NumberFormatException("no frequency");
        }
        return n;
    }
}

package dev.kaiyuan.postprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * Stretches of strings encoded as the UTF-8 of their concatenation, into an array of exactly its
 * size, without making the concatenated string: a post-processed page is its rendered text with a
 * few edits, and joining them, then encoding the result ({@link String#getBytes}, which first fills
 * an array three times the text's length), copied every page three times over. Encoded as the JDK
 * encodes: a surrogate pair (which may span two stretches) as one code point, an unpaired
 * surrogate as {@code ?}. For one thread.
 */
final class Utf8Pieces {
    private final List<String> strings = new ArrayList<>();
    private final List<int[]> ranges = new ArrayList<>();

    /** Adds {@code s} from {@code from} to {@code to} (exclusive). */
    Utf8Pieces add(String s, int from, int to) {
        if (from < to) {
            strings.add(s);
            ranges.add(new int[] {from, to});
        }
        return this;
    }

    Utf8Pieces add(String s) {
        return add(s, 0, s.length());
    }

    /** The UTF-8 of the stretches, one after another. */
    byte[] bytes() {
        byte[] out = new byte[length()];
        int at = 0;
        char high = 0;
        for (int p = 0; p < strings.size(); p++) {
            String s = strings.get(p);
            int to = ranges.get(p)[1];
            for (int i = ranges.get(p)[0]; i < to; i++) {
                char c = s.charAt(i);
                if (high != 0) {
                    if (Character.isLowSurrogate(c)) {
                        int cp = Character.toCodePoint(high, c);
                        out[at++] = (byte) (0xF0 | cp >> 18);
                        out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        out[at++] = (byte) (0x80 | cp & 0x3F);
                        high = 0;
                        continue;
                    }
                    out[at++] = '?';
                    high = 0;
                }
                if (c < 0x80) {
                    out[at++] = (byte) c;
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xC0 | c >> 6);
                    out[at++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c)) {
                    high = c;
                } else if (Character.isLowSurrogate(c)) {
                    out[at++] = '?';
                } else {
                    out[at++] = (byte) (0xE0 | c >> 12);
                    out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }
        if (high != 0) {
            out[at] = '?';
        }
        return out;
    }

    /** The number of bytes {@link #bytes} gives. */
    private int length() {
        long length = 0;
        boolean high = false;
        for (int p = 0; p < strings.size(); p++) {
            String s = strings.get(p);
            int to = ranges.get(p)[1];
            for (int i = ranges.get(p)[0]; i < to; i++) {
                char c = s.charAt(i);
                if (high) {
                    high = false;
                    if (Character.isLowSurrogate(c)) {
                        length += 4;
                        continue;
                    }
                    length++;
                }
                if (c < 0x80) {
                    length++;
                } else if (c < 0x800) {
                    length += 2;
                } else if (Character.isHighSurrogate(c)) {
                    high = true;
                } else if (Character.isLowSurrogate(c)) {
                    length++;
                } else {
                    length += 3;
                }
            }
        }
        if (high) {
            length++;
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("a page of " + length + " bytes of UTF-8");
        }
        return (int) length;
    }
}

package dev.kaiyuan.postprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * Stretches of strings encoded as the UTF-8 of their concatenation, into an array of exactly its
 * size, without making the concatenated string: a post-processed page is its rendered text with a
 * few edits, and joining them, then encoding the result ({@link String#getBytes}, which first fills
 * an array three times the text's length), copied every page three times over. (The stretches'
 * chars are copied into one char array on the way, which is read faster.) Encoded as the JDK
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
        // The stretches' chars are copied into one array first (String.getChars, a block copy): the
        // two loops below then read an array, where each String.charAt checks its index and the
        // string's coder, which made them half as fast per char as the JDK's own encoder.
        char[] text = chars();
        byte[] out = new byte[length(text)];
        int at = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length && Character.isLowSurrogate(text[i + 1])) {
                int cp = Character.toCodePoint(c, text[++i]);
                out[at++] = (byte) (0xF0 | cp >> 18);
                out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return out;
    }

    /** The stretches' chars, one after another. */
    private char[] chars() {
        long length = 0;
        for (int[] range : ranges) {
            length += range[1] - range[0];
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("a page of " + length + " chars");
        }
        char[] text = new char[(int) length];
        int at = 0;
        for (int p = 0; p < strings.size(); p++) {
            int[] range = ranges.get(p);
            strings.get(p).getChars(range[0], range[1], text, at);
            at += range[1] - range[0];
        }
        return text;
    }

    /** The number of bytes {@link #bytes} gives for {@code text}. */
    private static int length(char[] text) {
        long length = text.length;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (c >= 0x80) {
                if (c < 0x800) {
                    length++;
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length && Character.isLowSurrogate(text[i + 1])) {
                    length += 2;
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    length += 2;
                }
            }
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("a page of " + length + " bytes of UTF-8");
        }
        return (int) length;
    }
}

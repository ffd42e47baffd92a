package dev.kaiyuan.ingest;

import java.text.Normalizer;

/**
 * Puts decoded text into one canonical form so every later rule sees the same characters:
 * no byte-order mark, LF line ends, Unicode NFC, no zero-width characters. Idempotent.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        return removeZeroWidth(s);
    }

    /** U+200B ZWSP, U+200C ZWNJ, U+200D ZWJ, U+2060 word joiner, U+FEFF as a stray ZWNBSP. */
    private static String removeZeroWidth(String s) {
        int first = 0;
        while (first < s.length() && !isZeroWidth(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isZeroWidth(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }
}

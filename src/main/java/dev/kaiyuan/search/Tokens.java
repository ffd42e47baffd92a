package dev.kaiyuan.search;

/** Character classes the tokeniser and the browser script agree on. */
final class Tokens {
    private Tokens() {
    }

    /** Which of U+3000–U+303F, CJK punctuation and symbols, are Han (々, 〇, the Hangzhou numerals …): bit {@code cp - 0x3000}. */
    private static final long HAN_AMONG_CJK_SYMBOLS = hanAmong(0x3000);

    private static long hanAmong(int from) {
        long bits = 0;
        for (int i = 0; i < 64; i++) {
            if (Character.UnicodeScript.of(from + i) == Character.UnicodeScript.HAN) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /**
     * No Han character lies below U+2E80; U+4E00–U+9FEF is all Han (Unicode 11+); neither is any of
     * the half and full width forms (U+FF00–U+FFEF); the punctuation of Chinese text is looked up
     * in a mask; the rest asks the JDK's table.
     */
    static boolean isHan(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        if (cp >= 0x4E00 && cp <= 0x9FEF) {
            return true;
        }
        if (cp >= 0x3000 && cp < 0x3040) {
            return (HAN_AMONG_CJK_SYMBOLS >>> (cp - 0x3000) & 1) != 0;
        }
        return !(cp >= 0xFF00 && cp <= 0xFFEF) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /**
     * A character that continues a Latin word: ASCII letters and digits, and Latin-script letters.
     * A dictionary name that starts or ends with one must not touch another there ({@code meta}
     * is not in {@code metadata}). Tested per UTF-16 unit, as {@code search.js} does.
     */
    static boolean isLatinWordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        // no Latin letter from the CJK radicals (U+2E80) to Latin Extended-D (U+A720): Chinese text is there
        return !(c >= 0x2E80 && c < 0xA700) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /** Whether {@code [from, to)} has a Hiragana or Katakana letter, or the prolonged sound mark, full or half width. */
    static boolean hasKana(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x3040 && c <= 0x30FF || c >= 0x31F0 && c <= 0x31FF || c >= 0xFF66 && c <= 0xFF9F) {
                return true;
            }
        }
        return false;
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(Tokens::isHan);
    }
}

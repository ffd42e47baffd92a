package dev.kaiyuan.search;

/** Character classes the tokeniser and the browser script agree on. */
final class Tokens {
    private Tokens() {
    }

    /** No Han character lies below U+2E80; U+4E00–U+9FEF is all Han (Unicode 11+); the rest asks the JDK's table. */
    static boolean isHan(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        return (cp >= 0x4E00 && cp <= 0x9FEF) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /**
     * A character that continues a Latin word: ASCII letters and digits, and Latin-script letters.
     * A dictionary name that starts or ends with one must not touch another there ({@code meta}
     * is not in {@code metadata}). Tested per UTF-16 unit, as {@code search.js} does.
     */
    static boolean isLatinWordChar(char c) {
        return c < 0x80 ? Character.isLetterOrDigit(c) : Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
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

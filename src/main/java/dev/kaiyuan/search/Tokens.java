package dev.kaiyuan.search;

import dev.kaiyuan.model.HanScript;

/** Character classes the tokeniser and the browser script agree on. */
final class Tokens {
    private Tokens() {
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
        return s.codePoints().anyMatch(HanScript::contains);
    }
}

package dev.kaiyuan.ingest;

/** Character classes for Chinese text rules, code-point based. */
final class Cjk {
    private Cjk() {
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static boolean isKana(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
    }

    /** Han, kana or Hangul: the characters counted one by one for reading time. */
    static boolean isCjkLetter(int cp) {
        return isHan(cp) || isKana(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL;
    }

    /**
     * Punctuation that belongs to Chinese text: the CJK Symbols block, full-width forms, and the
     * curly quotes that Chinese typography shares with English.
     */
    static boolean isCjkPunctuation(int cp) {
        return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF65)
                || cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D
                || cp == 0x2014 || cp == 0x2026 || cp == 0x00B7;
    }

    static boolean isHanLike(int cp) {
        return isHan(cp) || isCjkPunctuation(cp);
    }

    /** Length in code points. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}

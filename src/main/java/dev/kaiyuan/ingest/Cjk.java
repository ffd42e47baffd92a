package dev.kaiyuan.ingest;

import dev.kaiyuan.model.HanScript;
import java.util.List;

/** Character classes for Chinese text rules, code-point based. */
final class Cjk {
    private Cjk() {
    }

    // Fast paths for the common ranges: no Han, kana or Hangul character lies below U+1100 (Hangul
    // Jamo) and no kana below U+3040; U+4E00–U+9FEF is all Han (Unicode 11+); the punctuation of
    // Chinese text (U+3000–U+303F, U+FF00–U+FF65) is looked up in a mask made from the script
    // table. Everything else asks the JDK's script table, a binary search. Han alone: HanScript.

    /** Bit {@code cp - 0x3000} set for the Han, kana and Hangul characters of U+3000–U+303F. */
    private static final long LETTERS_AMONG_CJK_SYMBOLS = mask(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL);

    private static long mask(Character.UnicodeScript... scripts) {
        long bits = 0;
        for (int i = 0; i < 64; i++) {
            if (List.of(scripts).contains(Character.UnicodeScript.of(0x3000 + i))) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /** The full width forms and half width punctuation, none of them Han, kana or Hangul. */
    private static boolean isFullWidthForm(int cp) {
        return cp >= 0xFF00 && cp <= 0xFF65;
    }

    static boolean isKana(int cp) {
        if (cp < 0x3040) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
    }

    /** Han, kana or Hangul: the characters counted one by one for reading time. */
    static boolean isCjkLetter(int cp) {
        if (cp < 0x1100) {
            return false;
        }
        if (cp >= 0x4E00 && cp <= 0x9FEF) {
            return true;
        }
        if (cp >= 0x3000 && cp < 0x3040) {
            return (LETTERS_AMONG_CJK_SYMBOLS >>> (cp - 0x3000) & 1) != 0;
        }
        if (isFullWidthForm(cp)) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
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
        return HanScript.contains(cp) || isCjkPunctuation(cp);
    }

    /** Length in code points. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}

package dev.kaiyuan.model;

/**
 * Whether a character is of the Han script, as the JDK's script table says, with that table's
 * binary search spared for the characters Chinese text is mostly made of: the reading, cleaning,
 * tagging and search stages all ask this of every character.
 */
public final class HanScript {
    /** Bit {@code cp - 0x3000} set for the Han characters of U+3000–U+303F (々, 〇, the Hangzhou numerals …). */
    private static final long HAN_AMONG_CJK_SYMBOLS = maskOf(0x3000);

    private HanScript() {
    }

    private static long maskOf(int from) {
        long bits = 0;
        for (int i = 0; i < 64; i++) {
            if (Character.UnicodeScript.of(from + i) == Character.UnicodeScript.HAN) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /**
     * No Han character lies below U+2E80; U+4E00–U+9FEF is all Han (Unicode 11+); none of the half
     * and full width forms (U+FF00–U+FFEF) is; the CJK punctuation and symbols are looked up in a
     * mask made from the table; the rest asks the table (tested for every code point).
     */
    public static boolean contains(int cp) {
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
}

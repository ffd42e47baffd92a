package dev.kaiyuan.ingest;

import dev.kaiyuan.model.HanScript;

/**
 * Removes inline Pinyin readings from scraped Chinese text, e.g. {@code 網(wǎng)} becomes
 * {@code 網}.
 *
 * <p>Some sites (and the Simplified-to-Traditional converters they run) paste a reading after
 * a character: {@code 風(fēng)}, {@code 創(chuàng)}, {@code 為(wèi)}. A parenthesised group is removed
 * exactly when all of these hold:
 * <ul>
 *   <li>it is {@code (…)} or fullwidth {@code （…）}, with matching brackets and no bracket
 *       inside;</li>
 *   <li>the character right before the opening bracket is a Han character (code-point aware);
 *       a group removed just before counts as never having been there, so in
 *       {@code 中(zhōng)(guó)} both groups go, which keeps {@link #remove} idempotent;</li>
 *   <li>the content is exactly one lowercase syllable per {@link PinyinSyllables#isSyllable},
 *       with or without a tone: the converters write the neutral tone without a mark, so a
 *       toneless {@code 的(de)} is a reading too.</li>
 * </ul>
 *
 * <p>Everything else is copied unchanged, char for char, with no normalisation: uppercase
 * ({@code (AI)}, although {@code ai} is a syllable), names, English glosses, Chinese
 * parentheticals, groups after a non-Han character ({@code 80%(ni)}), and multi-syllable
 * groups such as {@code (zhōng guó)} or {@code (zhongguo)} — converters annotate one
 * character at a time, while several syllables are far more likely a deliberate gloss.
 * Nested groups are handled from the inside: in {@code 內容(如有…在內(nèi))為} only
 * {@code (nèi)} is removed. The scan is linear: each opening bracket looks ahead a bounded
 * number of characters.
 */
public final class PinyinAnnotationRemover {

    /** The outcome of {@link #removeWithCount}: the cleaned text and how many groups went. */
    public record Result(String text, int removed) {
    }

    /**
     * Longest group content worth checking. The longest syllable ({@code zhuang}) is 6 letters;
     * NFD tone marks, ü's diaeresis or a tone digit add at most 3 more.
     */
    private static final int MAX_CONTENT = 12;

    private PinyinAnnotationRemover() {
    }

    /** {@code text} with every Pinyin reading after a Han character removed. */
    public static String remove(String text) {
        return removeWithCount(text).text();
    }

    /** Like {@link #remove}, also reporting how many readings were removed. */
    public static Result removeWithCount(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int removed = 0;
        int i = 0;
        while (i < text.length()) {
            int end = readingEnd(text, i, out);
            if (end >= 0) {
                removed++;
                i = end;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return new Result(out.toString(), removed);
    }

    /**
     * If a removable reading opens at {@code open}, the index just past its closing bracket;
     * otherwise -1. {@code before} is the output so far, whose last code point is the
     * character the group follows.
     */
    private static int readingEnd(String text, int open, CharSequence before) {
        char close = closerFor(text.charAt(open));
        if (close == 0 || !followsHan(before)) {
            return -1;
        }
        int limit = Math.min(text.length(), open + 2 + MAX_CONTENT);
        for (int j = open + 1; j < limit; j++) {
            char c = text.charAt(j);
            if (c == close) {
                return PinyinSyllables.isSyllable(text.substring(open + 1, j)) ? j + 1 : -1;
            }
            if (closerFor(c) != 0 || c == ')' || c == '）') {
                return -1;
            }
        }
        return -1;
    }

    /** The matching closing bracket for an opening one, or 0 when {@code c} opens nothing. */
    private static char closerFor(char c) {
        if (c == '(') {
            return ')';
        }
        return c == '（' ? '）' : 0;
    }

    private static boolean followsHan(CharSequence before) {
        int n = before.length();
        if (n == 0) {
            return false;
        }
        int cp = Character.codePointBefore(before, n);
        return HanScript.contains(cp);
    }
}

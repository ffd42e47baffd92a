package dev.kaiyuan.model;

/**
 * Estimated reading time. CJK characters and Latin words are counted separately because
 * they are read at different rates (about 400 characters vs 220 words a minute).
 */
public record ReadingTime(int cjkCharacters, int latinWords, int minutes) {
    static final int CJK_PER_MINUTE = 400;
    static final int WORDS_PER_MINUTE = 220;

    public ReadingTime {
        if (cjkCharacters < 0 || latinWords < 0 || minutes < 0) {
            throw new IllegalArgumentException("negative reading time");
        }
    }

    public static ReadingTime of(int cjkCharacters, int latinWords) {
        double minutes = (double) cjkCharacters / CJK_PER_MINUTE + (double) latinWords / WORDS_PER_MINUTE;
        return new ReadingTime(cjkCharacters, latinWords, Math.max(1, (int) Math.ceil(minutes)));
    }
}

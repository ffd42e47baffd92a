package dev.kaiyuan.enrich;

/**
 * The cues a date needs, found in one pass over a sentence: a date rule runs only when its cue is
 * there. Every cue is a necessary part of every match of the rules that need it (a Chinese month
 * needs 月 after a numeral, {@code Aug 5} needs a capitalised month name), so skipping a rule
 * without its cue never loses a date — it only spares running a regular expression over the many
 * sentences that name none. Most sentences of a news article have digits (model names, prices),
 * and Chinese ones 日 or 月 in other words (日本, 每日, 岁月), which is why the cues are as narrow as
 * what each rule's pattern needs next to them.
 */
final class DateCues {
    /** {@code 2025-08-05}: four digits, a separator and a digit. */
    static final int NUMERIC_DATE = 1;
    /**
     * Four ASCII digits right after a word a year alone needs before it ({@code in 2025},
     * {@code since 2020}, {@code early-2024}): a preposition or a part word, then a space or hyphen.
     */
    static final int YEAR_AFTER_WORD = 1 << 1;
    /** A capitalised English month name or abbreviation. */
    static final int MONTH_NAME = 1 << 2;
    /** A decade's {@code 0s}, {@code 0's} or {@code 0’s}. */
    static final int DECADE = 1 << 3;
    /**
     * {@code yesterday}, {@code today} or {@code tomorrow}, or {@code year} or {@code month} after
     * {@code last}, {@code this} or {@code next} and a space, in any case.
     */
    static final int ENGLISH_RELATIVE = 1 << 4;
    static final int NIAN = 1 << 5;
    /** 月 after a number ({@code 8月}, {@code 八月}, {@code 12 月}). */
    static final int NUMBERED_YUE = 1 << 6;
    /** 日 after a number in digits ({@code 5日}, {@code ５ 日}). */
    static final int NUMBERED_RI = 1 << 7;
    /** 天 or 日 after 昨, 今, 前 or 明 (yesterday, today, …). */
    static final int RELATIVE_DAY_ZH = 1 << 8;
    /** 年代, a decade. */
    static final int NIANDAI = 1 << 9;
    /** 月 after 上, 本, 下, 個 or 个 (last month, this month, …). */
    static final int RELATIVE_YUE = 1 << 10;

    private static final String[] RELATIVE_DAY = {"yesterday", "today", "tomorrow"};
    private static final String[] RELATIVE_UNIT = {"year", "month"};
    private static final String[] RELATIVE_WORD = {"last", "this", "next"};
    /** The words before a year standing alone ({@link EnglishDateRules}: its prepositions and parts). */
    private static final String[] BEFORE_YEAR = {"in", "since", "by", "until", "till", "from", "during", "through",
        "throughout", "early", "mid", "late", "before", "after"};

    private DateCues() {
    }

    /**
     * What each ASCII character can start or continue: most characters of a sentence (small
     * letters, spaces, punctuation) are none of it, and are passed over after one look-up.
     */
    private static final byte[] ASCII_ROLE = new byte[128];
    private static final byte DIGIT = 1;
    private static final byte SEPARATOR = 2;
    private static final byte CAPITAL = 3;
    private static final byte RELATIVE_START = 4;

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_ROLE[c] = DIGIT;
        }
        for (char c : "-/.".toCharArray()) {
            ASCII_ROLE[c] = SEPARATOR;
        }
        for (char c : "JFMASOND".toCharArray()) {
            ASCII_ROLE[c] = CAPITAL;
        }
        for (char c : "yYmtT".toCharArray()) {
            ASCII_ROLE[c] = RELATIVE_START;
        }
    }

    /** The cues {@code text} has, as a set of the bits above. */
    static int of(String text) {
        int cues = 0;
        int digits = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                switch (ASCII_ROLE[c]) {
                    case DIGIT -> {
                        digits++;
                        if (digits == 4 && afterWordBeforeYear(text, i - 3)) {
                            cues |= YEAR_AFTER_WORD;
                        }
                        if (c == '0' && i + 1 < n && isDecadeEnd(text, i + 1)) {
                            cues |= DECADE;
                        }
                        continue;
                    }
                    case SEPARATOR -> {
                        if (digits >= 4 && i + 1 < n && isDigit(text.charAt(i + 1))) {
                            cues |= NUMERIC_DATE;
                        }
                    }
                    case CAPITAL -> {
                        if (monthAt(text, i)) {
                            cues |= MONTH_NAME;
                        } else if (c == 'M' && relativeAt(text, i)) {
                            cues |= ENGLISH_RELATIVE;
                        }
                    }
                    case RELATIVE_START -> {
                        if (relativeAt(text, i)) {
                            cues |= ENGLISH_RELATIVE;
                        }
                    }
                    default -> {
                    }
                }
            } else if (c == '年' || c == '月' || c == '日' || c == '天') {
                cues |= chinese(text, i, c);
            }
            digits = 0;
        }
        return cues;
    }

    /** The cues 年, 月, 日 or 天 at {@code i} makes (none for another character). */
    private static int chinese(String text, int i, char c) {
        int cues = 0;
        switch (c) {
            case '年' -> cues |= i + 1 < text.length() && text.charAt(i + 1) == '代' ? NIAN | NIANDAI : NIAN;
            case '月' -> {
                if ("0123456789０１２３４５６７８９一二三四五六七八九十".indexOf(beforeSpace(text, i)) >= 0) {
                    cues |= NUMBERED_YUE;
                }
                if (i > 0 && "上本下個个".indexOf(text.charAt(i - 1)) >= 0) {
                    cues |= RELATIVE_YUE;
                }
            }
            case '日', '天' -> {
                if (c == '日' && "0123456789０１２３４５６７８９".indexOf(beforeSpace(text, i)) >= 0) {
                    cues |= NUMBERED_RI;
                }
                if (i > 0 && "昨今前明".indexOf(text.charAt(i - 1)) >= 0) {
                    cues |= RELATIVE_DAY_ZH;
                }
            }
            default -> {
            }
        }
        return cues;
    }

    /**
     * The character before {@code at}, or before the one space or no-break space there (Chinese
     * dates allow one between a number and 月 or 日); NUL at the text's start.
     */
    private static char beforeSpace(String text, int at) {
        int before = at - 1;
        if (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\u00A0')) {
            before--;
        }
        return before < 0 ? '\0' : text.charAt(before);
    }

    /** Whether a word of {@link #BEFORE_YEAR} and a space, no-break space or hyphen end just before {@code at}. */
    private static boolean afterWordBeforeYear(String text, int at) {
        if (at < 2) {
            return false;
        }
        char separator = text.charAt(at - 1);
        if (separator != ' ' && separator != '\u00A0' && separator != '-') {
            return false;
        }
        for (String word : BEFORE_YEAR) {
            if (at - 1 >= word.length() && text.regionMatches(true, at - 1 - word.length(), word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** After a {@code 0}: {@code s}, or an apostrophe and {@code s}. */
    private static boolean isDecadeEnd(String text, int at) {
        char c = text.charAt(at);
        return c == 's' || (c == '\'' || c == '’') && at + 1 < text.length() && text.charAt(at + 1) == 's';
    }

    /**
     * A month's name or abbreviation ({@code Jan} … {@code Dec}) starts at {@code at}. Capitals start
     * many words of English text and most names: two chars looked at spare trying twelve months at each.
     */
    private static boolean monthAt(String text, int at) {
        if (at + 3 > text.length()) {
            return false;
        }
        char a = text.charAt(at + 1);
        char b = text.charAt(at + 2);
        return switch (text.charAt(at)) {
            case 'J' -> a == 'a' && b == 'n' || a == 'u' && (b == 'n' || b == 'l');
            case 'F' -> a == 'e' && b == 'b';
            case 'M' -> a == 'a' && (b == 'r' || b == 'y');
            case 'A' -> a == 'p' && b == 'r' || a == 'u' && b == 'g';
            case 'S' -> a == 'e' && b == 'p';
            case 'O' -> a == 'c' && b == 't';
            case 'N' -> a == 'o' && b == 'v';
            case 'D' -> a == 'e' && b == 'c';
            default -> false;
        };
    }

    /**
     * One of {@link #RELATIVE_DAY} at {@code at}, or one of {@link #RELATIVE_UNIT} after one of
     * {@link #RELATIVE_WORD} and a space or no-break space, in any case: those starting with
     * {@code y} have {@code e} second, those with {@code t} or {@code m} have {@code o}.
     */
    private static boolean relativeAt(String text, int at) {
        if (at + 1 >= text.length()) {
            return false;
        }
        char second = (char) (text.charAt(at + 1) | 0x20);
        if (second != ((text.charAt(at) | 0x20) == 'y' ? 'e' : 'o')) {
            return false;
        }
        if (startsAny(text, at, RELATIVE_DAY, true)) {
            return true;
        }
        return at >= 5 && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '\u00A0')
                && startsAny(text, at, RELATIVE_UNIT, true) && startsAny(text, at - 5, RELATIVE_WORD, true);
    }

    private static boolean startsAny(String text, int at, String[] words, boolean ignoreCase) {
        for (String w : words) {
            if (text.regionMatches(ignoreCase, at, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }
}

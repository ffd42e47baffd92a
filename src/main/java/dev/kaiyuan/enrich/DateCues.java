package dev.kaiyuan.enrich;

/**
 * The cues a date needs, found in one pass over a sentence: a date rule runs only when its cue is
 * there. Every cue is a necessary part of every match of the rules that need it (a Chinese month
 * needs 月, {@code Aug 5} needs a capitalised month name), so skipping a rule without its cue never
 * loses a date — it only spares running a regular expression over the many sentences that name
 * none. Most sentences of a news article have digits (model names, prices), which is why the cues
 * are narrower than "has a digit".
 */
final class DateCues {
    /** {@code 2025-08-05}: four digits, a separator and a digit. */
    static final int NUMERIC_DATE = 1;
    /** Four ASCII digits in a row. */
    static final int FOUR_DIGITS = 1 << 1;
    /** A capitalised English month name or abbreviation. */
    static final int MONTH_NAME = 1 << 2;
    /** A decade's {@code 0s}, {@code 0's} or {@code 0’s}. */
    static final int DECADE = 1 << 3;
    /** {@code year}, {@code month}, {@code yesterday}, {@code today} or {@code tomorrow} in any case. */
    static final int ENGLISH_RELATIVE = 1 << 4;
    static final int NIAN = 1 << 5;
    static final int YUE = 1 << 6;
    static final int RI = 1 << 7;
    static final int TIAN = 1 << 8;
    /** 年代, a decade. */
    static final int NIANDAI = 1 << 9;

    private static final String[] RELATIVE = {"year", "month", "yesterday", "today", "tomorrow"};

    private DateCues() {
    }

    /** The cues {@code text} has, as a set of the bits above. */
    static int of(String text) {
        int cues = 0;
        int digits = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (digits >= 4) {
                    cues |= FOUR_DIGITS;
                }
                if (c == '0' && i + 1 < n && isDecadeEnd(text, i + 1)) {
                    cues |= DECADE;
                }
                continue;
            }
            if (digits >= 4 && (c == '-' || c == '/' || c == '.') && i + 1 < n && isDigit(text.charAt(i + 1))) {
                cues |= NUMERIC_DATE;
            }
            digits = 0;
            switch (c) {
                case '年' -> cues |= i + 1 < n && text.charAt(i + 1) == '代' ? NIAN | NIANDAI : NIAN;
                case '月' -> cues |= YUE;
                case '日' -> cues |= RI;
                case '天' -> cues |= TIAN;
                case 'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D' -> {
                    if (monthAt(text, i)) {
                        cues |= MONTH_NAME;
                    } else if ((c == 'M') && relativeAt(text, i)) {
                        cues |= ENGLISH_RELATIVE;
                    }
                }
                case 'y', 'Y', 'm', 't', 'T' -> {
                    if (relativeAt(text, i)) {
                        cues |= ENGLISH_RELATIVE;
                    }
                }
                default -> {
                }
            }
        }
        return cues;
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

    /** One of {@link #RELATIVE} at {@code at}, in any case: each has {@code e} or {@code o} second. */
    private static boolean relativeAt(String text, int at) {
        if (at + 1 >= text.length()) {
            return false;
        }
        char second = text.charAt(at + 1);
        return (second == 'e' || second == 'E' || second == 'o' || second == 'O') && startsAny(text, at, RELATIVE, true);
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

package dev.kaiyuan.enrich;

import org.jspecify.annotations.Nullable;

/**
 * Small numbers as dates write them: ASCII or fullwidth digits ({@code 2025}, {@code ８}),
 * Chinese digits read one by one for years ({@code 二〇二五}), and Chinese numerals up to
 * 99 for months, days and decades ({@code 十一}, {@code 二十一}, {@code 九十}).
 */
final class Numerals {
    private static final String HAN_DIGITS = "〇一二三四五六七八九";
    private static final char TEN = '十';

    private Numerals() {
    }

    /** The value of {@code s}, or -1 when it is absent or not one of the forms above. */
    static int value(@Nullable String s) {
        if (s == null || s.isEmpty() || s.length() > 4) {
            return -1;
        }
        int ten = s.indexOf(TEN);
        return ten < 0 ? digitByDigit(s) : tens(s.substring(0, ten), s.substring(ten + 1));
    }

    private static int digitByDigit(String s) {
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            int digit = digit(s.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** {@code 十} = 10, {@code 十二} = 12, {@code 二十} = 20, {@code 三十一} = 31. */
    private static int tens(String before, String after) {
        int tens = before.isEmpty() ? 1 : digit(before);
        int units = after.isEmpty() ? 0 : digit(after);
        return before.length() > 1 || after.length() > 1 || tens <= 0 || units < 0 ? -1 : tens * 10 + units;
    }

    private static int digit(String s) {
        return s.length() == 1 ? digit(s.charAt(0)) : -1;
    }

    private static int digit(char c) {
        if (c == '零') {
            return 0;
        }
        int han = HAN_DIGITS.indexOf(c);
        return han >= 0 ? han : Character.digit(c, 10);
    }
}

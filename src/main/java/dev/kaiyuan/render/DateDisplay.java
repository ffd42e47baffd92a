package dev.kaiyuan.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates written the way readers of each language expect, independent of the machine's locale.
 * English month names are spelled from a table of their own, as {@code DateTimeFormatter}'s
 * {@code MMMM} in {@link Locale#ENGLISH} spells them: asking the JDK's locale data for them the
 * first time cost every build about 6 ms (BENCHMARKS.md, "Twenty-third session").
 */
final class DateDisplay {
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.ROOT);
    private static final String[] ENGLISH_MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private DateDisplay() {
    }

    static String format(LocalDate day, String lang) {
        return lang.startsWith("zh") || lang.startsWith("ja") ? CHINESE.format(day) : englishDay(day);
    }

    /** "18 August 2025", as {@code d MMMM uuuu} writes it. */
    static String englishDay(LocalDate day) {
        return day.getDayOfMonth() + " " + englishMonthYear(day);
    }

    /** "18 August", as {@code d MMMM} writes it. */
    static String englishDayAndMonth(LocalDate day) {
        return day.getDayOfMonth() + " " + ENGLISH_MONTHS[day.getMonthValue() - 1];
    }

    /** "August 2025", as {@code MMMM uuuu} writes it. */
    static String englishMonthYear(LocalDate day) {
        return ENGLISH_MONTHS[day.getMonthValue() - 1] + " " + year(day.getYear());
    }

    /** The year as {@code uuuu} writes it: four digits at least, with a sign below 0 or beyond 9999. */
    private static String year(int year) {
        if (year >= 1000 && year <= 9999) {
            return Integer.toString(year);
        }
        return DateTimeFormatter.ofPattern("uuuu", Locale.ROOT).format(LocalDate.of(year, 1, 1));
    }
}

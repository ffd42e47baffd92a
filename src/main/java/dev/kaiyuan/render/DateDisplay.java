package dev.kaiyuan.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates written the way readers of each language expect, independent of the machine's locale. */
final class DateDisplay {
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("uuuu年M月d日", Locale.ROOT);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private DateDisplay() {
    }

    static String format(LocalDate day, String lang) {
        return lang.startsWith("zh") || lang.startsWith("ja") ? CHINESE.format(day) : ENGLISH.format(day);
    }
}

package dev.kaiyuan.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date written in an article's text, resolved to the calendar: {@code 2025年8月5日},
 * {@code 上個月}, {@code the mid-2010s}.
 *
 * @param text      the characters matched, exactly as written
 * @param start     offset of the first matched char in the text the mention was found in
 * @param end       offset just past the last matched char, so {@code text.length() == end - start}
 * @param date      the first day of the period meant: the day itself, the 1st of the month,
 *                  1 January of the year, or 1 January of the decade's first year
 * @param precision how long the period is
 * @param qualifier which part of the period, or which side of it, the text points at
 */
public record DateMention(
        String text, int start, int end, LocalDate date, DatePrecision precision, Qualifier qualifier) {

    /**
     * What the text says about the period beyond naming it: {@code 2010年代中期} is the
     * {@link #MID} of a decade, {@code 2020年後} is {@link #AFTER} a year.
     */
    public enum Qualifier {
        /** The period itself. */
        NONE,
        /** Its first part: 初, 初期, 上旬, early. */
        EARLY,
        /** Its middle: 中期, 中旬, mid. */
        MID,
        /** Its last part: 末, 底, 後期, 下旬, late. */
        LATE,
        /** Some time before it: 以前, before; also "earlier this year" (before the article, within it). */
        BEFORE,
        /** Some time after it: 以後, after; also "later this year". */
        AFTER
    }

    public DateMention {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(qualifier, "qualifier");
        if (text.isEmpty() || start < 0 || end - start != text.length()) {
            throw new IllegalArgumentException(
                    "span [" + start + ", " + end + ") does not fit the text \"" + text + "\"");
        }
        if (!date.equals(firstDayOf(date, precision))) {
            throw new IllegalArgumentException(
                    date + " is not the first day of a " + precision + " (\"" + text + "\")");
        }
    }

    private static LocalDate firstDayOf(LocalDate date, DatePrecision precision) {
        return switch (precision) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
            case DECADE -> LocalDate.of(date.getYear() - Math.floorMod(date.getYear(), 10), 1, 1);
        };
    }
}

package dev.kaiyuan.enrich;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * The article's own date, against which partial and relative dates are read, and the checks
 * every resolved date passes. Methods return {@code null} for dates that do not exist
 * ({@code 2月30日}) or years outside {@link #MIN_YEAR}–{@link #MAX_YEAR}; an article dated
 * outside that range gets absolute dates only, which also keeps the arithmetic far from
 * {@link LocalDate#MIN} and {@link LocalDate#MAX}.
 */
final class DateAnchor {
    /**
     * Plausible years for a news digest. A four-digit number outside this range next to 年 is
     * far more often a count ({@code 1000年}, {@code 5000年前}) than a year.
     */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2099;

    /**
     * How far past the article date a yearless date may lie and still be this year's: news
     * reports what happened, and now and then what is scheduled in the coming weeks, so
     * {@code 7月14日} in an August article is this July, {@code 12月} is last December.
     */
    private static final int LOOKAHEAD_MONTHS = 2;

    private final LocalDate article;

    DateAnchor(LocalDate article) {
        this.article = article;
    }

    int year() {
        return article.getYear();
    }

    @Nullable LocalDate day(int year, int month, int day) {
        if (!inRange(year)) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Nullable LocalDate month(int year, int month) {
        return month >= 1 && month <= 12 ? day(year, month, 1) : null;
    }

    @Nullable LocalDate year(int year) {
        return day(year, 1, 1);
    }

    /** A month and day without a year: this year's, unless that lies too far ahead. */
    @Nullable LocalDate monthDay(int month, int day) {
        if (!inRange(year())) {
            return null;
        }
        MonthDay monthDay;
        try {
            monthDay = MonthDay.of(month, day);
        } catch (DateTimeException e) {
            return null;
        }
        int year = tooFarAhead(monthDay.atYear(year())) ? year() - 1 : year();
        return monthDay.isValidYear(year) ? day(year, month, day) : null;
    }

    /** A month without a year: this year's, unless it begins too far ahead. */
    @Nullable LocalDate monthOnly(int month) {
        LocalDate thisYears = month(year(), month);
        return thisYears != null && tooFarAhead(thisYears) ? month(year() - 1, month) : thisYears;
    }

    /** A bare day of the month: this month's, or last month's when it is after the article's day. */
    @Nullable LocalDate dayOnly(int day) {
        if (!inRange(year())) {
            return null;
        }
        YearMonth month = YearMonth.from(article);
        if (day > article.getDayOfMonth()) {
            month = month.minusMonths(1);
        }
        return day >= 1 && month.isValidDay(day) ? day(month.getYear(), month.getMonthValue(), day) : null;
    }

    /** 1 January of the article's year plus {@code years}. */
    @Nullable LocalDate yearsFromNow(int years) {
        return inRange(year()) ? year(year() + years) : null;
    }

    /** The 1st of the article's month plus {@code months}. */
    @Nullable LocalDate monthsFromNow(int months) {
        return inRange(year()) ? checked(article.withDayOfMonth(1).plusMonths(months)) : null;
    }

    @Nullable LocalDate daysFromNow(int days) {
        return inRange(year()) ? checked(article.plusDays(days)) : null;
    }

    private static @Nullable LocalDate checked(LocalDate date) {
        return inRange(date.getYear()) ? date : null;
    }

    private boolean tooFarAhead(LocalDate date) {
        return date.isAfter(article.plusMonths(LOOKAHEAD_MONTHS));
    }

    private static boolean inRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}

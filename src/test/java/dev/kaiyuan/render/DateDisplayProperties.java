package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** English dates are spelled from Kaiyuan's own month names; they must read as the JDK's English formats write them. */
class DateDisplayProperties {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    /** Days from about the year -20000 to 30000. */
    @Property(tries = 2000)
    void everyDayReadsAsTheJdksEnglishFormats(@ForAll @LongRange(min = -8_000_000, max = 10_250_000) long epochDay) {
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        assertThat(DateDisplay.englishDay(day)).isEqualTo(DAY.format(day));
        assertThat(DateDisplay.englishDayAndMonth(day)).isEqualTo(DAY_AND_MONTH.format(day));
        assertThat(DateDisplay.englishMonthYear(day)).isEqualTo(MONTH_YEAR.format(day));
        assertThat(DateDisplay.format(day, "en")).isEqualTo(DAY.format(day));
    }

    @Example
    void everyMonthAndTheYearsEdges() {
        for (int year : new int[] {-1, 0, 1, 999, 1000, 2025, 9999, 10000}) {
            for (int month = 1; month <= 12; month++) {
                LocalDate day = LocalDate.of(year, month, month + 10);
                assertThat(DateDisplay.englishDay(day)).isEqualTo(DAY.format(day));
                assertThat(DateDisplay.englishMonthYear(day)).isEqualTo(MONTH_YEAR.format(day));
            }
        }
        assertThat(DateDisplay.format(LocalDate.of(2025, 8, 21), "zh-Hant")).isEqualTo("2025年8月21日");
    }
}

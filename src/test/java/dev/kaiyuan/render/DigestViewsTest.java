package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The archive's month ids: four-digit years, two-digit months, as ISO 8601 writes a year-month. */
class DigestViewsTest {
    @ParameterizedTest
    @CsvSource({
        "2025-08-21, 2025-08",
        "2025-12-01, 2025-12",
        "1999-01-31, 1999-01",
        "0987-03-04, 0987-03",
        "+12345-10-01, 12345-10",
    })
    void monthIdsAreYearAndMonthPadded(String day, String month) {
        assertThat(DigestViews.monthId(LocalDate.parse(day))).isEqualTo(month);
    }
}

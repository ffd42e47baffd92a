package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The strip's coordinates are written as String.format("%.1f") would write them, only faster. */
class TimelineStripFormatTest {
    @Property(tries = 20000)
    void writesWhatStringFormatWrites(@ForAll @DoubleRange(min = -2000, max = 2000) double v) {
        assertThat(TimelineStrip.fmt(v)).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
    }

    /** Short decimals (halves among them), and numbers near where Double.toString turns to exponents. */
    @Property(tries = 20000)
    void writesWhatStringFormatWritesForShortDecimals(@ForAll @IntRange(min = -20_000_000, max = 20_000_000) int n,
            @ForAll @IntRange(max = 9) int places) {
        double v = n / Math.pow(10, places);
        assertThat(TimelineStrip.fmt(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
    }

    @Test
    void roundsHalvesUpAndKeepsTheSignOfSmallNegatives() {
        for (double v : new double[] {9.95, 9_999_999.95, 9_999_999.96, 1e7, 1e7 + 0.05, 0.00095, 0.001, 0.00105,
            0.0015, 1e-4, 0.95, 99.95}) {
            assertThat(TimelineStrip.fmt(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        }
        for (double v : new double[] {0.05, 0.15, 2.25, 712.35, -0.04, -0.05, -1.25, 0.0, 44.0}) {
            assertThat(TimelineStrip.fmt(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        }
    }
}

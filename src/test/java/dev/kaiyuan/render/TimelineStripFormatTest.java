package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The strip's coordinates are written as String.format("%.1f") would write them, only faster. */
class TimelineStripFormatTest {
    @Property(tries = 20000)
    void writesWhatStringFormatWrites(@ForAll @DoubleRange(min = -2000, max = 2000) double v) {
        assertThat(TimelineStrip.fmt(v)).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
    }

    @Test
    void roundsHalvesUpAndKeepsTheSignOfSmallNegatives() {
        for (double v : new double[] {0.05, 0.15, 2.25, 712.35, -0.04, -0.05, -1.25, 0.0, 44.0}) {
            assertThat(TimelineStrip.fmt(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        }
    }
}

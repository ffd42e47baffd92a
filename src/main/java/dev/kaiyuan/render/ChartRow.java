package dev.kaiyuan.render;

import java.util.regex.Pattern;

/**
 * One calendar quarter of the open-weight release chart: how many releases came from each
 * country group.
 *
 * @param quarter the quarter as {@code YYYY-Qn}, e.g. {@code 2025-Q3}
 */
public record ChartRow(String quarter, int china, int unitedStates, int europe, int other) {
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    public ChartRow {
        if (!QUARTER.matcher(quarter).matches()) {
            throw new IllegalArgumentException("quarter must look like 2025-Q3: " + quarter);
        }
        if (china < 0 || unitedStates < 0 || europe < 0 || other < 0) {
            throw new IllegalArgumentException("negative count in " + quarter);
        }
    }

    public int total() {
        return china + unitedStates + europe + other;
    }

    /** The count for one group, in the order the bars stack them. */
    public int count(CountryGroup group) {
        return switch (group) {
            case CHINA -> china;
            case UNITED_STATES -> unitedStates;
            case EUROPE -> europe;
            case OTHER -> other;
        };
    }
}

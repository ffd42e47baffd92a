package dev.kaiyuan.render;

import dev.kaiyuan.model.DatePrecision;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Organization;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Open-weight model releases per calendar quarter, stacked by the country group of the releasing
 * organization, as rows and as an inline SVG bar chart.
 *
 * <p>Counted: releases with open weights and a release date; family entries are not releases.
 * A date known only to the year or decade has no quarter, so such releases are left out of the
 * bars and counted in {@link #unplaced()} for the page to mention. A release whose organization
 * is not in the map counts as Other (the knowledge reader already drops such releases).
 *
 * @param rows     one row per quarter from the first to the last with data, empty quarters as zeros
 * @param unplaced open-weight releases whose date is too coarse for a quarter
 */
public record ReleaseChart(List<ChartRow> rows, int unplaced) {
    public ReleaseChart {
        rows = List.copyOf(rows);
    }

    /** Counts the releases; {@code orgsById} gives each release's country by its organization id. */
    public static ReleaseChart of(List<ModelRelease> releases, Map<String, Organization> orgsById) {
        SortedMap<Quarter, EnumMap<CountryGroup, Integer>> counts = new TreeMap<>();
        int unplaced = 0;
        for (ModelRelease r : releases) {
            Optional<LocalDate> day = r.released();
            if (!r.openWeights() || r.isFamily() || day.isEmpty()) {
                continue;
            }
            if (r.precision() != DatePrecision.DAY && r.precision() != DatePrecision.MONTH) {
                unplaced++;
                continue;
            }
            counts.computeIfAbsent(Quarter.of(day.get()), q -> new EnumMap<>(CountryGroup.class))
                    .merge(group(r, orgsById), 1, Integer::sum);
        }
        return new ReleaseChart(fill(counts), unplaced);
    }

    /**
     * The chart as an inline SVG element, for embedding in an HTML page.
     *
     * @param idPrefix    prefix of the ids in the SVG, unique on the page (letters, digits, {@code -}, {@code _})
     * @param title       accessible name of the chart
     * @param description accessible description: say what the bars show, ideally with the main numbers
     */
    public String svg(String idPrefix, String title, String description, ChartLegend legend) {
        return new ChartSvg(rows, idPrefix, legend).render(title, description);
    }

    private static CountryGroup group(ModelRelease r, Map<String, Organization> orgsById) {
        Organization org = orgsById.get(r.organization());
        return org == null ? CountryGroup.OTHER : CountryGroup.of(org.country());
    }

    private static List<ChartRow> fill(SortedMap<Quarter, EnumMap<CountryGroup, Integer>> counts) {
        List<ChartRow> rows = new ArrayList<>();
        if (counts.isEmpty()) {
            return rows;
        }
        for (Quarter q = counts.firstKey(); q.compareTo(counts.lastKey()) <= 0; q = q.next()) {
            Map<CountryGroup, Integer> c = counts.getOrDefault(q, new EnumMap<>(CountryGroup.class));
            rows.add(new ChartRow(q.toString(), c.getOrDefault(CountryGroup.CHINA, 0),
                    c.getOrDefault(CountryGroup.UNITED_STATES, 0), c.getOrDefault(CountryGroup.EUROPE, 0),
                    c.getOrDefault(CountryGroup.OTHER, 0)));
        }
        return rows;
    }

    /** A calendar quarter; {@code number} is 1 to 4. */
    private record Quarter(int year, int number) implements Comparable<Quarter> {
        static Quarter of(LocalDate day) {
            return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
        }

        Quarter next() {
            return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
        }

        @Override
        public int compareTo(Quarter o) {
            return year != o.year ? Integer.compare(year, o.year) : Integer.compare(number, o.number);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%04d-Q%d", year, number);
        }
    }
}

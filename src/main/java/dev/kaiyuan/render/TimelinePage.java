package dev.kaiyuan.render;

import java.util.List;

/**
 * The timeline of model releases, all of them or one filtered view.
 *
 * @param filters  links to every pre-rendered view (all, open, closed, by country); the current one has the
 *                 same url as {@code selfUrl}
 * @param chartSvg inline SVG drawn at build time (trusted markup, print unescaped)
 * @param chartRows the chart's data, for a table beside it
 * @param exports  the release data as CSV, JSON and TimelineJS JSON
 */
public record TimelinePage(SiteView site, String root, String title, String selfUrl, List<EntityLink> filters,
        List<TimelineYear> years, int releaseCount, String chartSvg, List<ChartRowView> chartRows,
        List<EntityLink> exports) {
    public TimelinePage {
        filters = List.copyOf(filters);
        years = List.copyOf(years);
        chartRows = List.copyOf(chartRows);
        exports = List.copyOf(exports);
    }
}

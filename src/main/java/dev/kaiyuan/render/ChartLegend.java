package dev.kaiyuan.render;

import java.util.Objects;

/**
 * The names of the chart's country groups as the reader sees them, in the legend and in each bar
 * segment's tooltip. Kept apart from {@link Labels} so a chart can be drawn in any language.
 */
public record ChartLegend(String china, String unitedStates, String europe, String other) {
    public ChartLegend {
        Objects.requireNonNull(china, "china");
        Objects.requireNonNull(unitedStates, "unitedStates");
        Objects.requireNonNull(europe, "europe");
        Objects.requireNonNull(other, "other");
    }

    public static ChartLegend english() {
        return new ChartLegend("China", "United States", "Europe", "Other");
    }

    public static ChartLegend chinese() {
        return new ChartLegend("中国", "美国", "欧洲", "其他");
    }
}

package dev.kaiyuan.render;

/** One quarter of the release chart, for its accessible data table. */
public record ChartRowView(String quarter, int china, int unitedStates, int europe, int other, int total) {
}

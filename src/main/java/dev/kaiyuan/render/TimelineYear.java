package dev.kaiyuan.render;

import java.util.List;

/** The months of one year that have releases, in time order. */
public record TimelineYear(String year, List<TimelineMonth> months) {
    public TimelineYear {
        months = List.copyOf(months);
    }
}

package dev.kaiyuan.render;

import java.util.List;

/** The releases of one month, e.g. {@code 2025-08}. */
public record TimelineMonth(String iso, String label, List<ReleaseView> releases) {
    public TimelineMonth {
        releases = List.copyOf(releases);
    }
}

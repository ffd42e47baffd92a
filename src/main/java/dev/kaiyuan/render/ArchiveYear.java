package dev.kaiyuan.render;

import java.util.List;

/** One year of the archive, months newest first. */
public record ArchiveYear(String year, List<ArchiveMonth> months) {
    public ArchiveYear {
        months = List.copyOf(months);
    }
}

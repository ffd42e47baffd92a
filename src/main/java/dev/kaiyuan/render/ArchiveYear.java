package dev.kaiyuan.render;

import java.util.List;

/** One year on the archive's front page, months newest first. */
public record ArchiveYear(String year, List<ArchiveMonth> months) {
    public ArchiveYear {
        months = List.copyOf(months);
    }
}

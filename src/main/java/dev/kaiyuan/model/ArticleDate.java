package dev.kaiyuan.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The day an article was published. {@code inferred} marks a date the editor worked out
 * rather than read off the article; the site shows such dates as approximate.
 */
public record ArticleDate(LocalDate day, boolean inferred) {
    public ArticleDate {
        Objects.requireNonNull(day, "day");
    }

    public static ArticleDate exact(LocalDate day) {
        return new ArticleDate(day, false);
    }
}

package dev.kaiyuan.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One weekly issue of the digest: the dated articles of one ISO 8601 week (Monday to Sunday;
 * week 1 is the week with the year's first Thursday, so 2024-12-30 is in 2025-W01).
 *
 * @param id {@code 2025-w34}: week-based year and week number, as used in the URL
 */
public record WeekIssue(String id, int weekYear, int week, LocalDate monday, List<Article> articles) {
    public WeekIssue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(monday, "monday");
        articles = List.copyOf(articles);
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    /** Site path of the issue's page. */
    public String path() {
        return "issues/" + id + "/index.html";
    }
}

package dev.kaiyuan.render;

import java.util.List;

/**
 * A weekly issue: {@code label} like "2025 · Week 34" / "2025年第34周", {@code dateRange} like
 * "18–24 August 2025"; {@code url} is the issue page's site path.
 */
public record IssueView(String id, String label, String dateRange, String url, List<ArticleCard> articles) {
    public IssueView {
        articles = List.copyOf(articles);
    }
}

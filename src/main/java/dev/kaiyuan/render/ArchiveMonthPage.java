package dev.kaiyuan.render;

import java.util.List;

/**
 * One month of the archive ({@code iso} like {@code 2025-08}, {@code label} like "August 2025" /
 * "2025年8月"): its articles, newest first, with links to the months before ({@code olderUrl}) and
 * after it that have articles.
 */
public record ArchiveMonthPage(SiteView site, String root, String iso, String label, List<ArticleCard> articles,
        String olderUrl, String newerUrl) {
    public ArchiveMonthPage {
        articles = List.copyOf(articles);
    }
}

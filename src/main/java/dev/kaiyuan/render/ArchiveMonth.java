package dev.kaiyuan.render;

import java.util.List;

/** One month of the archive ({@code iso} like {@code 2025-08}), its articles newest first. */
public record ArchiveMonth(String iso, String label, List<ArticleCard> articles) {
    public ArchiveMonth {
        articles = List.copyOf(articles);
    }
}

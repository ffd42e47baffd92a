package dev.kaiyuan.render;

import java.util.List;

/**
 * The archive's front page: every year with its months (each a link to the month's page), the
 * undated articles, and every weekly issue.
 */
public record ArchivePage(SiteView site, String root, List<ArchiveYear> years, List<ArticleCard> undated,
        List<IssueLink> issues) {
    public ArchivePage {
        years = List.copyOf(years);
        undated = List.copyOf(undated);
        issues = List.copyOf(issues);
    }
}

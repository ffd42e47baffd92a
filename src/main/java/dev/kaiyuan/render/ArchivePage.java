package dev.kaiyuan.render;

import java.util.List;

/** Every article by year and month, the undated ones, and every weekly issue. */
public record ArchivePage(SiteView site, String root, List<ArchiveYear> years, List<ArticleCard> undated,
        List<IssueView> issues) {
    public ArchivePage {
        years = List.copyOf(years);
        undated = List.copyOf(undated);
        issues = List.copyOf(issues);
    }
}

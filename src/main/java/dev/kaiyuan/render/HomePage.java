package dev.kaiyuan.render;

import java.util.List;

/**
 * One page of the digest home: weekly issues, newest first, each with its articles; undated
 * articles on the first page only.
 *
 * @param root relative path from this page to the site root ("" on the first page)
 */
public record HomePage(SiteView site, String root, List<IssueView> issues, List<ArticleCard> undated, Pager pager) {
    public HomePage {
        issues = List.copyOf(issues);
        undated = List.copyOf(undated);
    }
}

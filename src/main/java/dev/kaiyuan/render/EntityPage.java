package dev.kaiyuan.render;

import java.util.List;

/**
 * A page for an organization, model or person.
 *
 * @param kind     {@code orgs}, {@code models} or {@code people}
 * @param facts    on the entity's first page only
 * @param releases an organization's own release timeline, or a family's releases (newest first), on
 *                 the entity's first page only
 * @param articles one page of the articles of the digest that mention the entity (newest first)
 * @param pager    where the page is among the entity's pages, numbered from the oldest article
 */
public record EntityPage(SiteView site, String root, String kind, String id, String name, List<String> aliases,
        List<FactView> facts, List<ReleaseView> releases, List<ArticleCard> articles, Pager pager) {
    public EntityPage {
        aliases = List.copyOf(aliases);
        facts = List.copyOf(facts);
        releases = List.copyOf(releases);
        articles = List.copyOf(articles);
    }
}

package dev.kaiyuan.render;

import java.util.List;

/**
 * A page for an organization, model or person.
 *
 * @param kind     {@code orgs}, {@code models} or {@code people}
 * @param releases an organization's own release timeline, or a family's releases (newest first)
 * @param articles every article of the digest that mentions the entity
 */
public record EntityPage(SiteView site, String root, String kind, String id, String name, List<String> aliases,
        List<FactView> facts, List<ReleaseView> releases, List<ArticleCard> articles) {
    public EntityPage {
        aliases = List.copyOf(aliases);
        facts = List.copyOf(facts);
        releases = List.copyOf(releases);
        articles = List.copyOf(articles);
    }
}

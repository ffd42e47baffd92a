package dev.kaiyuan.render;

import java.util.List;

/** One page of a tag's articles; {@code feedUrl} is the tag's Atom feed (site path) or "". */
public record TagPage(SiteView site, String root, String name, List<ArticleCard> articles, Pager pager,
        String feedUrl) {
    public TagPage {
        articles = List.copyOf(articles);
    }
}

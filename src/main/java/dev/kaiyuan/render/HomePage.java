package dev.kaiyuan.render;

import java.util.List;

/**
 * The digest home: dated articles newest first, then undated ones.
 *
 * @param root relative path from this page to the site root ("" here), prefix for every link
 */
public record HomePage(SiteView site, String root, List<ArticleCard> articles, List<ArticleCard> undated) {
    public HomePage {
        articles = List.copyOf(articles);
        undated = List.copyOf(undated);
    }
}

package dev.kaiyuan.render;

/**
 * One article's page.
 *
 * @param root relative path from this page to the site root, e.g. {@code ../../}
 */
public record ArticlePage(SiteView site, String root, ArticleView article) {
}

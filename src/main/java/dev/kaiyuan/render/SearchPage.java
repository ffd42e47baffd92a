package dev.kaiyuan.render;

/**
 * The search page ({@code search/index.html}): a form and an empty result list that
 * {@code assets/search.js} fills from {@code search/index.js}, in the browser.
 *
 * @param root relative path from this page to the site root ("../"), prefix for every link
 */
public record SearchPage(SiteView site, String root) {
}

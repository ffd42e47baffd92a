package dev.kaiyuan.render;

/**
 * A link to a page of the site. {@code url} is a site path; templates prefix it with {@code root}.
 *
 * @param kind {@code orgs}, {@code models}, {@code people}, {@code articles} or {@code files}
 */
public record EntityLink(String kind, String name, String url) {
}

package dev.kaiyuan.render;

/**
 * The site's {@code 404.html}. A server shows it at any depth, so with a base URL {@code root} is
 * the site's absolute path ({@code /digest/}); without one it is "" like any top-level page.
 */
public record NotFoundPage(SiteView site, String root) {
}

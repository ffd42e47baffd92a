package dev.kaiyuan.render;

/**
 * An article as listed on the home page and other lists. Empty strings stand for "not known"
 * so templates test {@code ?has_content} / {@code is not empty} and never meet null.
 *
 * @param url           path from the site root, e.g. {@code articles/slug/index.html}; templates prefix it with the page's {@code root}
 * @param dateIso       {@code 2025-08-21}, or "" when undated
 * @param dateDisplay   the date written for readers in the article's language
 * @param dateApproximate true when the editor inferred the date
 */
public record ArticleCard(
        String url,
        String title,
        String lang,
        String dateIso,
        String dateDisplay,
        boolean dateApproximate,
        String sourceName,
        String summary,
        int readingMinutes) {
}

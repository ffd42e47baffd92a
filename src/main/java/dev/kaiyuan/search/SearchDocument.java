package dev.kaiyuan.search;

import java.util.Objects;

/**
 * One searchable page.
 *
 * @param url  site path of the page, e.g. {@code articles/x/index.html}
 * @param date ISO day, or "" when undated
 * @param lang BCP 47 tag of the text
 * @param text the page's plain text, one paragraph per line
 */
public record SearchDocument(String url, String title, String date, String lang, String text) {
    public SearchDocument {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(text, "text");
    }
}

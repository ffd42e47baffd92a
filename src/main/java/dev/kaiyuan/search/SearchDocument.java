package dev.kaiyuan.search;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One searchable page.
 *
 * @param url  site path of the page, e.g. {@code articles/x/index.html}
 * @param date ISO day, or "" when undated
 * @param lang BCP 47 tag of the text
 * @param textKey    equal for two documents only when their texts are equal (the text itself, or a
 *                   hash of what it is made from), so that a memo need not make the text to know it
 * @param textSource makes the page's plain text, one paragraph per line (an article's is decoded,
 *                   and inflated on a large site, each time: it is asked for only when needed, and
 *                   not held)
 */
public record SearchDocument(String url, String title, String date, String lang, String textKey,
        Supplier<String> textSource) {
    public SearchDocument {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(textKey, "textKey");
        Objects.requireNonNull(textSource, "textSource");
    }

    /** A document with its text at hand, which is also its key. */
    public SearchDocument(String url, String title, String date, String lang, String text) {
        this(url, title, date, lang, Objects.requireNonNull(text, "text"), () -> text);
    }

    /** The page's plain text, one paragraph per line. */
    public String text() {
        return textSource.get();
    }

    /** Equal when url, title, date, language and text key are: the text source is only a way to the text. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SearchDocument d && url.equals(d.url) && title.equals(d.title) && date.equals(d.date)
                && lang.equals(d.lang) && textKey.equals(d.textKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, title, date, lang, textKey);
    }
}

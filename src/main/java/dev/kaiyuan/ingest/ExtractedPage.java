package dev.kaiyuan.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link HtmlPageExtractor} found in one saved web page: the page's metadata and its main
 * text as an unsanitised HTML fragment. Every field is present; missing values are empty.
 *
 * @param title        the article's title, without a trailing site-name suffix
 * @param dateText     the publication date exactly as the page wrote it
 * @param date         {@code dateText} as a calendar day, empty when it could not be parsed
 * @param author       the byline name
 * @param siteName     the publishing site's own name
 * @param lang         the language tag the page declares, as written
 * @param description  the page's summary meta description
 * @param canonicalUrl the page's canonical {@code http(s)} address
 * @param keywords     meta keywords and article tags, trimmed, deduplicated ignoring case, in page order
 * @param mainHtml     outer HTML of the kept content blocks, one per line; {@code ""} when none.
 *                     Not sanitised: it must not be embedded before a sanitiser has run
 * @param captions     figure captions found in the kept content, in order
 */
public record ExtractedPage(
        Optional<String> title,
        Optional<String> dateText,
        Optional<LocalDate> date,
        Optional<String> author,
        Optional<String> siteName,
        Optional<String> lang,
        Optional<String> description,
        Optional<String> canonicalUrl,
        List<String> keywords,
        String mainHtml,
        List<String> captions) {

    public ExtractedPage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dateText, "dateText");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(canonicalUrl, "canonicalUrl");
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(mainHtml, "mainHtml");
        captions = List.copyOf(captions);
    }
}

package dev.kaiyuan.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One clean, structured article, whatever format it came from.
 *
 * @param origin     the seed file it was read from
 * @param slug       URL-safe name, unique in the site
 * @param title      display title
 * @param titleDerived true when the title was cut from the lead rather than given
 * @param date       publication day, empty when undated
 * @param lang       BCP 47 tag: {@code zh-Hant}, {@code zh-Hans}, {@code en}, …
 * @param body       the sanitised HTML fragment (safe to embed unescaped) and the body as plain text,
 *                   one paragraph or caption per line, for enrichment; see {@link ArticleBody}
 * @param rights     the article's own copyright notice, kept out of the body
 * @param charset    charset the file was decoded from
 */
public record Article(
        SourceRef origin,
        String slug,
        String title,
        boolean titleDerived,
        Optional<ArticleDate> date,
        String lang,
        Optional<Source> source,
        Optional<String> author,
        List<String> tags,
        String summary,
        ArticleBody body,
        List<Caption> captions,
        Optional<String> rights,
        List<DamageSpot> damage,
        ReadingTime readingTime,
        String charset,
        boolean draft) {

    public Article {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(author, "author");
        tags = List.copyOf(tags);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(body, "body");
        captions = List.copyOf(captions);
        Objects.requireNonNull(rights, "rights");
        damage = List.copyOf(damage);
        Objects.requireNonNull(readingTime, "readingTime");
        Objects.requireNonNull(charset, "charset");
        if (slug.isEmpty() || title.isBlank()) {
            throw new IllegalArgumentException("article needs a slug and a title: " + origin);
        }
    }

    /** An article whose body is given as its HTML and its plain text. */
    public Article(SourceRef origin, String slug, String title, boolean titleDerived, Optional<ArticleDate> date,
            String lang, Optional<Source> source, Optional<String> author, List<String> tags, String summary,
            String bodyHtml, List<Caption> captions, Optional<String> rights, List<DamageSpot> damage,
            ReadingTime readingTime, String charset, boolean draft, String text) {
        this(origin, slug, title, titleDerived, date, lang, source, author, tags, summary,
                ArticleBody.of(bodyHtml, text), captions, rights, damage, readingTime, charset, draft);
    }

    /** The sanitised HTML fragment of the body, safe to embed unescaped. */
    public String bodyHtml() {
        return body.html();
    }

    /** The body as plain text, one paragraph or caption per line. */
    public String text() {
        return body.text();
    }

    public Article withSlug(String newSlug) {
        if (newSlug.equals(slug)) {
            return this;
        }
        return new Article(origin, newSlug, title, titleDerived, date, lang, source, author, tags,
                summary, body, captions, rights, damage, readingTime, charset, draft);
    }
}

package dev.kaiyuan.postprocess;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Adds what crawlers and link previews read to a page's head, all of which need absolute URLs:
 * a canonical link, Open Graph properties (ogp.me), and on article pages a schema.org
 * {@code NewsArticle} as JSON-LD. Used only when the site has a base URL. Theme-independent, so
 * every engine and theme gets the same metadata.
 */
public final class HeadMetadata implements HtmlTransform {
    /** What an article page says about its article. Empty strings mean "not known". */
    public record ArticleMeta(String headline, String description, String datePublished, String author,
            String lang, List<String> keywords) {
        public ArticleMeta {
            keywords = List.copyOf(keywords);
        }
    }

    private final String url;
    private final String siteName;
    private final Optional<ArticleMeta> article;

    /** @param url the page's absolute URL */
    public HeadMetadata(String url, String siteName, Optional<ArticleMeta> article) {
        this.url = Objects.requireNonNull(url, "url");
        this.siteName = siteName;
        this.article = article;
    }

    @Override
    public void apply(Document page) {
        Element head = page.head();
        addTo(head, page.title(), head.select("meta[name=description]").attr("content"));
    }

    /**
     * The same elements put before the page's one {@code </head>} without parsing the page: the
     * title and description are read from a parse of the head alone, and the elements are written
     * as the post-processor writes them. Empty (so the page is parsed) when the page has no single
     * {@code </head>}, or a title or meta element after it, which a parser would move into the head.
     */
    @Override
    public Optional<List<PageEdit>> edits(String html, List<PageMarkup.Token> markup) {
        int end = HeadText.end(markup);
        if (end < 0) {
            return Optional.empty();
        }
        Document head = Jsoup.parse(html.substring(0, end));
        String description = head.head().select("meta[name=description]").attr("content");
        return Optional.of(List.of(HeadText.appendedAt(end, h -> addTo(h, head.title(), description))));
    }

    private void addTo(Element head, String pageTitle, String description) {
        head.appendElement("link").attr("rel", "canonical").attr("href", url);
        String title = article.map(ArticleMeta::headline).orElse(pageTitle);
        meta(head, "og:type", article.isPresent() ? "article" : "website");
        meta(head, "og:title", title);
        meta(head, "og:url", url);
        meta(head, "og:site_name", siteName);
        if (!description.isEmpty()) {
            meta(head, "og:description", description);
        }
        article.ifPresent(a -> {
            if (!a.datePublished().isEmpty()) {
                meta(head, "article:published_time", a.datePublished());
            }
            head.appendElement("script").attr("type", "application/ld+json").appendChild(new DataNode(jsonLd(a)));
        });
    }

    private static void meta(Element head, String property, String content) {
        head.appendElement("meta").attr("property", property).attr("content", content);
    }

    /** schema.org NewsArticle; every string escaped so that nothing can close the script element. */
    private String jsonLd(ArticleMeta a) {
        StringBuilder json = new StringBuilder("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\"");
        field(json, "headline", a.headline());
        field(json, "description", a.description());
        field(json, "datePublished", a.datePublished());
        field(json, "inLanguage", a.lang());
        field(json, "url", url);
        json.append(",\"mainEntityOfPage\":").append(string(url));
        if (!a.author().isEmpty()) {
            json.append(",\"author\":{\"@type\":\"Person\",\"name\":").append(string(a.author())).append('}');
        }
        json.append(",\"publisher\":{\"@type\":\"Organization\",\"name\":").append(string(siteName)).append('}');
        if (!a.keywords().isEmpty()) {
            json.append(",\"keywords\":").append(string(String.join(", ", a.keywords())));
        }
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String key, String value) {
        if (!value.isEmpty()) {
            json.append(',').append(string(key)).append(':').append(string(value));
        }
    }

    /** A JSON string (RFC 8259) that is also safe inside an HTML script element: no raw {@code <}, {@code >}, {@code &}. */
    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

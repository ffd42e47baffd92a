package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SourceRef;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The sanitiser cleans a document where it is when it can; what it leaves must be what jsoup's
 * Cleaner copies of the same document, for any markup.
 */
class HtmlSanitizerTest {
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    private String clean(String html) {
        return sanitizer.clean(html, SourceRef.file("seeds/x.html"), new DiagnosticSink());
    }

    @Test
    void scriptLinksAndUnlistedAttributesGoWhileWebLinksStay() {
        assertThat(clean("<p><a href=\"javascript:alert(1)\" onclick=\"x()\">a</a> <a href=\"HTTPS://Example.com/x\">b</a>"
                + " <a href=\"http:page\">c</a> <img src=\"data:image/png;base64,AA\" alt=\"d\">"
                + " <code class=\"language-java\">e</code> <a href=\"/tags/x/\" title=\"t\">f</a></p>"))
                .isEqualTo("<p><a>a</a> <a href=\"HTTPS://Example.com/x\">b</a> <a href=\"http:page\">c</a>"
                        + " <img alt=\"d\"> <code>e</code> <a href=\"/tags/x/\" title=\"t\">f</a></p>");
    }

    @Test
    void anImageLinkKeepsOnlyWebSchemes() {
        assertThat(clean("<img src=\"https://a.example/x.png\"><img src=\"ftp://a.example/x.png\"><a href=\"ftp://a.example/\">f</a>"))
                .isEqualTo("<img src=\"https://a.example/x.png\"><img><a href=\"ftp://a.example/\">f</a>");
    }

    @Test
    void aProtocolRelativeLinkBecomesHttps() {
        assertThat(clean("<p><a href=\"//example.com/a\">a</a><img src=\"//cdn.example.com/b.png\"></p>"))
                .isEqualTo("<p><a href=\"https://example.com/a\">a</a><img src=\"https://cdn.example.com/b.png\"></p>");
    }

    @Test
    void unsafeTagsAndCommentsAreLeftToTheCleaner() {
        assertThat(sanitizer.cleanedInPlace(sanitizer.parse("<p>a<script>x()</script></p>"))).isEmpty();
        assertThat(sanitizer.cleanedInPlace(sanitizer.parse("<p>a<!-- note --></p>"))).isEmpty();
        assertThat(sanitizer.cleanedInPlace(sanitizer.parse("<p>a<span>b</span></p>"))).isPresent();
        assertThat(clean("<p>a<!-- note --><script>x()</script><span>b</span></p>")).isEqualTo("<p>a<span>b</span></p>");
    }

    @Test
    void activeContentIsReportedWhicheverWayTheDocumentIsCleaned() {
        for (String html : List.of("<p><a href=\" javascript:x\">a</a></p>", "<p><script>x()</script></p>",
                "<p onclick=\"x()\">a</p>", "<p ONCLICK=\"x()\">a</p>", "<p><a href=\"\tJava\nScript:x\">a</a></p>",
                "<p><img src=\" DATA:image/png,x\"></p>")) {
            DiagnosticSink sink = new DiagnosticSink();
            sanitizer.clean(html, SourceRef.file("seeds/x.html"), sink);
            assertThat(sink.warningCount()).as(html).isEqualTo(1);
        }
        DiagnosticSink sink = new DiagnosticSink();
        sanitizer.clean("<p><a href=\"https://example.com/\">a</a></p>", SourceRef.file("seeds/x.html"), sink);
        assertThat(sink.warningCount()).isZero();
    }

    /**
     * A scheme is read as a browser reads it, and as the rule written out says: the value without
     * white space and controls, lower-cased, starts with it.
     */
    @Property(tries = 3000)
    void aSchemeIsReadWithoutSpacesOrCase(@ForAll("schemeLike") String value) {
        for (String prefix : List.of("javascript:", "vbscript:", "data:")) {
            String stripped = value.chars().filter(c -> c > 0x20)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            assertThat(HtmlSanitizer.schemeIs(value, prefix)).as(value + " " + prefix)
                    .isEqualTo(stripped.toLowerCase(java.util.Locale.ROOT).startsWith(prefix));
        }
    }

    @Provide
    Arbitrary<String> schemeLike() {
        Arbitrary<String> pieces = Arbitraries.of("java", "JAVA", "Script", "script", "vb", "VB", "data", "DaTa", ":",
                " ", "\t", "\n", "\u0001", "\u0130", "\u212A", "i", "p", "x", "\u00e0");
        return pieces.list().ofMaxSize(8).map(list -> String.join("", list));
    }

    @Property(tries = 2000)
    void whatIsCleanedInPlaceIsWhatTheCleanerCopies(@ForAll("fragments") String html) {
        Document copied = sanitizer.copyCleaned(sanitizer.parse(html));
        var inPlace = sanitizer.cleanedInPlace(sanitizer.parse(html));
        Statistics.label("cleaned in place").collect(inPlace.isPresent());
        inPlace.ifPresent(doc -> assertThat(doc.body().html()).isEqualTo(copied.body().html()));
    }

    @Property(tries = 500)
    void markupOfListedTagsIsCleanedInPlace(@ForAll("listedFragments") String html) {
        assertThat(sanitizer.cleanedInPlace(sanitizer.parse(html))).isPresent();
    }

    private static final List<String> LISTED_TAGS = List.of("p", "a", "img", "code", "pre", "em", "div", "span", "table",
            "td", "h2", "blockquote", "q", "ol", "li", "mark", "figure", "sup", "time");
    private static final List<String> OTHER_TAGS = List.of("script", "style", "iframe", "font", "svg", "form", "center");
    private static final List<String> ATTRIBUTES = List.of("href", "src", "cite", "class", "id", "title", "alt", "style",
            "onclick", "align", "start", "rel", "lang", "HREF", "datetime");
    private static final List<String> VALUES = List.of("https://example.com/a", "HTTP://EXAMPLE.COM", "http:foo", "https:",
            "https://exa mple.com/", "https://[bad", "/tags/x/", "#fn-1", "# bad", "mailto:a@b.c", "ftp://x",
            "javascript:alert(1)", " javascript:x", "JaVaScRiPt:x", "data:text/html,x", "//cdn.example.com/x.png",
            "x.png", "?q=1", "tel:123", "\u0001https://x", "https\t://x", "", "h", "httpx://y", "https://例子.中国/路径");

    @Provide
    Arbitrary<String> fragments() {
        return fragment(Arbitraries.of(concat(LISTED_TAGS, OTHER_TAGS)), true);
    }

    @Provide
    Arbitrary<String> listedFragments() {
        return fragment(Arbitraries.of(LISTED_TAGS), false);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Up to four elements side by side, perhaps in a {@code div}, with attributes and text, and comments where {@code comments}. */
    private static Arbitrary<String> fragment(Arbitrary<String> tags, boolean comments) {
        Arbitrary<String> attribute = Arbitraries.of(ATTRIBUTES)
                .flatMap(key -> Arbitraries.of(VALUES).map(value -> " " + key + "=\"" + value.replace("\"", "&quot;") + "\""));
        Arbitrary<String> text = comments ? Arbitraries.of("a", "开源 模型", "&amp; x", "<![CDATA[c]]>", "<!-- c -->", " ")
                : Arbitraries.of("a", "开源 模型", "&amp; x", " ");
        return net.jqwik.api.Combinators.combine(tags, attribute.list().ofMaxSize(3), text.list().ofMaxSize(2),
                        Arbitraries.integers().between(0, 2))
                .as((tag, attributes, inner, closed) -> "<" + tag + String.join("", attributes) + ">"
                        + String.join("", inner) + (closed > 0 ? "</" + tag + ">" : ""))
                .list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts))
                .flatMap(flat -> Arbitraries.of(true, false).map(nest -> nest ? "<div>" + flat + "</div>" : flat));
    }
}

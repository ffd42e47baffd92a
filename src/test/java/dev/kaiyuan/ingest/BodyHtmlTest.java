package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SourceRef;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

class BodyHtmlTest {
    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    @Property(tries = 3000)
    void aParsedBodyIsWrittenAsJsoupWritesIt(@ForAll("html") String html) {
        Document doc = SanitizedBody.parse(html);
        Optional<String> written = BodyHtml.written(doc.body());
        Statistics.label("written").collect(written.isPresent())
                .coverage(c -> c.check(true).percentage(p -> p > 25.0));
        written.ifPresent(markup -> assertThat(markup).as(html).isEqualTo(doc.body().html()));
        assertThat(BodyHtml.of(doc.body())).as(html).isEqualTo(doc.body().html());
    }

    @Property(tries = 2000)
    void aCleanedBodyIsWrittenAsJsoupWritesIt(@ForAll("html") String html) {
        Document clean = SANITIZER.cleanDocument(html, SourceRef.file("seeds/x.html"), new DiagnosticSink());
        Optional<String> written = BodyHtml.written(clean.body());
        Statistics.label("written").collect(written.isPresent())
                .coverage(c -> c.check(true).percentage(p -> p > 50.0));
        written.ifPresent(markup -> assertThat(markup).as(html).isEqualTo(clean.body().html()));
    }

    @Example
    void whatJsoupWritesByRulesOfItsOwnIsLeftToIt() {
        for (String html : new String[] {"a<!-- c -->b", "<svg><path d=x></path></svg>", "a\u0001b", "a\uD800b",
            "a\uDC00", "\uD876\uDC00", "<script>x</script>"}) {
            Document doc = SanitizedBody.parse(html);
            assertThat(BodyHtml.written(doc.body())).as(html).isEmpty();
            assertThat(BodyHtml.of(doc.body())).as(html).isEqualTo(doc.body().html());
        }
        Element bad = SanitizedBody.parse("<p>x</p>").body().child(0).attr("a\"b", "v");
        assertThat(BodyHtml.written(bad.parent())).isEmpty();
    }

    @Example
    void escapesAndCollapsedAttributes() {
        Document doc = SanitizedBody.parse("<p title='a&amp;\"b\"&lt;&gt;&nbsp;c'>x &amp; &lt;y&gt; \"q\" 'a' \u00A0 😀 开源"
                + "<input checked=CHECKED disabled=\"\" value=\"\"><br><img src=a.png alt=\"\"><span></span></p>");
        assertThat(BodyHtml.written(doc.body())).hasValue("<p title=\"a&amp;&quot;b&quot;&lt;&gt;&nbsp;c\">x &amp; &lt;y&gt; \"q\" 'a' &nbsp; 😀 开源"
                + "<input checked disabled value=\"\"><br><img src=\"a.png\" alt=\"\"><span></span></p>");
    }

    @Provide
    Arbitrary<String> html() {
        Arbitrary<String> text = Arbitraries.of("word", "开源", " ", "\n", "\t", "\r", "&amp;", "&lt;", "&gt;", "&nbsp;", "\u00A0", "&",
                "<", ">", "\"", "'", "😀", "\uD875\uDC00", "\uD800", "\uDC00", "\u0001", "\u000B", "\u007F", "\u0085", "&#0;",
                "𭠀", "&copy;", "©", "\u2028", "\uFEFF");
        Arbitrary<String> value = text.list().ofMaxSize(4).map(l -> String.join("", l));
        Arbitrary<String> attribute = Arbitraries.oneOf(
                Arbitraries.of("checked", "CHECKED", "disabled", "hidden", "href", "title", "data-x", "a\"b", "x/y", "on")
                        .flatMap(k -> Arbitraries.oneOf(Arbitraries.just(" " + k),
                                value.map(v -> " " + k + "=\"" + v.replace("\"", "&quot;") + "\""),
                                value.map(v -> " " + k + "='" + v.replace("'", "&#39;") + "'"),
                                Arbitraries.of(" " + k + "=" + k, " " + k + "=\"\"", " " + k + "=" + k.toUpperCase()))),
                Arbitraries.just(""));
        Arbitrary<String> tag = Arbitraries.of("p", "a", "b", "br", "img", "hr", "input", "span", "div", "pre", "code", "table",
                "td", "tr", "li", "ul", "h2", "svg", "math", "script", "style", "textarea", "template", "title", "iframe",
                "noscript", "wbr", "Custom-El", "x:y");
        Arbitrary<String> open = tag.flatMap(t -> attribute.list().ofMaxSize(3).map(as -> "<" + t + String.join("", as) + ">"));
        Arbitrary<String> piece = Arbitraries.oneOf(text, text, text, open, open, tag.map(t -> "</" + t + ">"),
                Arbitraries.of("<!-- c -->", "<![CDATA[x]]>", "<br/>", "<p/>", "</p>", "<", "&"));
        return piece.list().ofMaxSize(14).map(l -> String.join("", l));
    }
}

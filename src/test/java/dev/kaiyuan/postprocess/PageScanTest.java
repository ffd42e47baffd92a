package dev.kaiyuan.postprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page is left unparsed only when {@link PageScan} shows that no transform would change it; the
 * property holds that promise against what the transforms really do to the parsed page.
 */
class PageScanTest {
    private static final List<String> PIECES = List.of(
            "<p>开源模型</p>", "<a href=\"../x/\">x</a>", "<a href=\"https://example.org/\">out</a>",
            "<a href=\"https://example.org/\" rel=\"noopener noreferrer\">out</a>",
            "<a href=\"https://example.org/\" rel=\"noreferrer noopener\">out</a>",
            "<a href=\"https://example.org/\" rel=\"noopener  noreferrer\">spaced</a>",
            "<a href=\"https://example.org/\" rel=\"noopener\">half</a>", "<A HREF=//example.org>upper</A>",
            "<a href=\" http://example.org\">lead</a>", "<a href=\"&#47;&#47;example.org\">entity</a>",
            "<a title='a>b' href='https://example.org'>quoted</a>", "<a/href=\"//example.org\">slash</a>",
            "<img src=\"a.png\" alt=\"\">", "<img src=\"a.png\" loading=\"lazy\">", "<IMG SRC=a.png>",
            "<main>", "</main>", "<div class=\"body\">", "<div class=\"lead Body\">", "<div class=\"bodyless\">",
            "</div>", "<h2 id=\"content\">Content</h2>", "<section id=\"content\">", "</section>", "<p ID=content>",
            "<a href=\"#content\">to</a>", "<p id=\"c&#111;ntent\">",
            "<!-- <a href=\"https://example.org\">in a comment</a> -->",
            "<script>var s = '<a href=\"https://example.org\">';</script>",
            "<textarea><img src=x></textarea>", "<!--><a href=\"https://example.org\">after a short comment</a>",
            "<!---><a href=\"//example.org\">x</a>", "<!-- a --!><a href=\"https://example.org\">y</a>",
            "<a href=\"https://example.org\" rel=\"nofollow nofollow\">twice</a>", "<svg viewBox=\"0 0 1 1\"><rect width=\"1\" height=\"1\"/></svg>");

    @Provide
    Arbitrary<String> pages() {
        return Arbitraries.of(PIECES).list().ofMaxSize(8)
                .map(parts -> "<!doctype html><html><head><title>t</title></head><body>" + String.join("", parts)
                        + "</body></html>");
    }

    @Property(tries = 3000)
    void aTransformThatMayNotChangeAPageLeavesItAsItIs(@ForAll("pages") String html) {
        PageScan scan = PageScan.of(html);
        for (HtmlTransform transform : List.of(new ExternalLinks(), new LazyImages(), new UniqueIds())) {
            if (!transform.mayChange(scan)) {
                Document before = Jsoup.parse(html);
                Document after = Jsoup.parse(html);
                transform.apply(after);
                assertThat(after.outerHtml()).as("%s on %s", transform.getClass().getSimpleName(), html)
                        .isEqualTo(before.outerHtml());
            }
        }
    }

    @Test
    void seesWhatTheTransformsLookFor() {
        assertThat(PageScan.of("<a href=\"https://example.org\">x</a>").externalLinkWithoutRel()).isTrue();
        assertThat(PageScan.of("<a href=\"https://example.org\" rel=\"noopener noreferrer\">x</a>")
                .externalLinkWithoutRel()).isFalse();
        assertThat(PageScan.of("<a href=\"/articles/x/\">x</a>").externalLinkWithoutRel()).isFalse();
        // an attribute's first occurrence counts, as a parser keeps it
        assertThat(PageScan.of("<a href=//example.org rel=\"noopener noreferrer\" rel=x>x</a>").externalLinkWithoutRel())
                .isFalse();
        assertThat(PageScan.of("<a href=//example.org rel=x rel=\"noopener noreferrer\">x</a>").externalLinkWithoutRel())
                .isTrue();
        assertThat(PageScan.of("<a href=/a href=//example.org>x</a>").externalLinkWithoutRel()).isFalse();
        assertThat(PageScan.of("<div class=x class=body>").bodyClass()).isFalse();
        assertThat(PageScan.of("<a title='a>b' href=//example.org>x</a>").externalLinkWithoutRel()).isTrue();
        assertThat(PageScan.of("<script>'<a href=\"//example.org\">'</script>").externalLinkWithoutRel()).isFalse();
        assertThat(PageScan.of("<img src=a.png>").imageWithoutLoading()).isTrue();
        assertThat(PageScan.of("<img src=a.png loading=lazy>").imageWithoutLoading()).isFalse();
        assertThat(PageScan.of("<div class=\"x body\">").bodyClass()).isTrue();
        assertThat(PageScan.of("<div class=\"bodyless\">").bodyClass()).isFalse();
        assertThat(PageScan.of("<main id=content><h2 id=content>").repeatedId()).isTrue();
        assertThat(PageScan.of("<main id=content><h2 id=contents>").repeatedId()).isFalse();
    }

    @Test
    void whatItCannotReadCountsAsAHit() {
        assertThat(PageScan.of("<a href=\"https://example.org>unclosed")).isEqualTo(PageScan.ANYTHING);
        assertThat(PageScan.of("<a href=\"&#x2f;/example.org\">x</a>").externalLinkWithoutRel()).isTrue();
        assertThat(PageScan.of("<div class=\"bo&#100;y\">").bodyClass()).isTrue();
    }

    /** Found in review: white space and control characters in tags, raw-text names in SVG, a formatting element's id. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<a\r\nhref=\"https://x.org/\">y</a>",
        "<script>1</script\r\n><a href=\"https://x.org/\">y</a><script>2</script>",
        "<a\u000B href=\"https://x.org/\">y</a>",
        "<p><svg><title><a href=\"https://x.org/\">t</a></title></svg></p>",
        "<p><math><title><a href=\"https://x.org/\">t</a></title></math></p>",
        "<img\u0001>",
        "<div class=\"body\"><p><b id=\"x\">a<p>b</p></div>",
    })
    void aScanNeverMissesWhatATransformWouldChange(String body) {
        String html = "<!doctype html><html><head><title>t</title></head><body><main>" + body + "</main></body></html>";
        for (HtmlTransform transform : List.of(new ExternalLinks(), new LazyImages(), new UniqueIds())) {
            Document before = Jsoup.parse(html);
            Document after = Jsoup.parse(html);
            transform.apply(after);
            if (!after.outerHtml().equals(before.outerHtml())) {
                assertThat(transform.mayChange(PageScan.of(html))).as("%s on %s", transform.getClass().getSimpleName(), html)
                        .isTrue();
            }
        }
    }

    @Test
    void aTemplateSavedWithCarriageReturnsStillGetsRel() {
        String html = "<!DOCTYPE html>\r\n<html>\r\n<head><title>t</title></head>\r\n<body>\r\n<footer><a\r\n"
                + "  href=\"https://github.com/x\">GitHub</a></footer>\r\n</body></html>";
        assertThat(HtmlPostProcessor.forBuild().process(html)).contains("rel=\"noopener noreferrer\"");
    }

    @Test
    void aPageNoTransformChangesIsLeftAsRendered() {
        String html = "<!DOCTYPE html><html><head><title>t</title></head><body><p>a &quot;b&quot;</p></body></html>";
        assertThat(HtmlPostProcessor.forBuild().process(html)).isEqualTo(html);
        assertThat(HtmlPostProcessor.forBuild().process(html.replace("<p>", "<main><img src=a.png>")))
                .contains("loading=\"lazy\"");
    }

    @Test
    void theLiveReloadScriptGoesInWithoutParsingWhenNothingElseChangesThePage() {
        String html = "<!doctype html><html><head><title>t</title></head><body><p>a &quot;b&quot;</p></body></html>";
        HtmlPostProcessor preview = HtmlPostProcessor.forBuild().followedBy(List.of(new LiveReloadScript()));
        String parsed = Jsoup.parse(html).outerHtml();
        Document viaTree = Jsoup.parse(html);
        new LiveReloadScript().apply(viaTree);
        viaTree.outputSettings().prettyPrint(false);
        assertThat(preview.process(html)).isEqualTo(html.replace("</head>",
                "<script src=\"/__kaiyuan/reload.js\" defer data-kaiyuan=\"preview\"></script></head>"));
        assertThat(Jsoup.parse(preview.process(html)).outerHtml()).isEqualTo(Jsoup.parse(viaTree.outerHtml()).outerHtml());
        assertThat(parsed).isNotEqualTo(html);
        // the head's end is found in the markup: a comment's text is none, a second end tag gives up
        String commented = html.replace("<title>", "<!-- </head> --><title>");
        assertThat(new LiveReloadScript().applyToText(commented)).contains(commented.replace("</title></head>",
                "</title><script src=\"/__kaiyuan/reload.js\" defer data-kaiyuan=\"preview\"></script></head>"));
        String twoHeads = html.replace("<title>", "</head><title>");
        assertThat(new LiveReloadScript().applyToText(twoHeads)).isEmpty();
        assertThat(preview.process(twoHeads)).containsOnlyOnce("reload.js");
    }

    @Test
    void repeatedRelWordsAndShortCommentsAreReadAsAParserReadsThem() {
        assertThat(PageScan.of("<a href=\"https://x.org\" rel=\"nofollow nofollow\">x</a>").externalLinkWithoutRel()).isTrue();
        assertThat(PageScan.of("<!--><a href=\"https://x.org\">x</a>").externalLinkWithoutRel()).isTrue();
        assertThat(PageScan.of("<!---><a href=\"https://x.org\">x</a>").externalLinkWithoutRel()).isTrue();
        assertThat(PageScan.of("<!-- c --!><a href=\"https://x.org\">x</a>").externalLinkWithoutRel()).isTrue();
        assertThat(PageScan.of("<!-- <a href=\"https://x.org\">x</a> -->").externalLinkWithoutRel()).isFalse();
    }

    @Test
    void theScriptGoesBeforeTheHeadEndWhateverCaseFoldingDoesToTheText() {
        String html = "<html><head><title>İİİİstanbul</title></HEAD><body></body></html>";
        assertThat(new LiveReloadScript().applyToText(html).orElseThrow()).contains(
                "<title>İİİİstanbul</title><script src=\"/__kaiyuan/reload.js\" defer data-kaiyuan=\"preview\"></script></HEAD>");
    }

    @Provide
    Arbitrary<String> heads() {
        Arbitrary<String> titles = Arbitraries.of("开源周报", "A &amp; B", "  spaced\n title ", "\"quoted\" &lt;x&gt;", "");
        Arbitrary<String> descriptions = Arbitraries.of("", "<meta name=\"description\" content=\"深度求索 &amp; Qwen\">",
                "<meta name=description content='x \"y\"'>", "<META NAME=\"description\" CONTENT=\"upper\">");
        // a theme's <header> (its end tag starts as the head's does) and elements named like title or meta
        List<String> pieces = new java.util.ArrayList<>(PIECES);
        pieces.addAll(List.of("<header><a href=\"../\">site</a></header>", "<HEADER>x</HEADER >", "<p><metadata>m</metadata></p>",
                "<titles>t</titles>", "<svg viewBox=\"0 0 10 10\" aria-label='a > b'><g><title>Mentioned in 2025</title></g>"
                        + "<a href=\"../x/\"><title>Llama 3.1</title></a></svg>", "<svg/><p>after</p>",
                "<math><mi>x</mi><title>t</title></math>"));
        return net.jqwik.api.Combinators.combine(titles, descriptions, Arbitraries.of(pieces).list().ofMaxSize(4))
                .as((title, description, body) -> "<!DOCTYPE html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\"><title>"
                        + title + "</title>" + description + "</head><body>" + String.join("", body) + "</body></html>");
    }

    /** Done on the text, the head's metadata is what the parsed page gets, up to re-serialisation of the rest. */
    @Property(tries = 1500)
    void headMetadataOnTheTextEqualsHeadMetadataOnTheTree(@ForAll("heads") String html, @ForAll boolean article) {
        HeadMetadata meta = new HeadMetadata("https://example.org/digest/a/", "开源周报 & Co", article
                ? java.util.Optional.of(new HeadMetadata.ArticleMeta("標題 \"x\"", "摘要 <b>", "2025-08-21", "阮佳琪",
                        "zh-Hant", List.of("开源", "模型")))
                : java.util.Optional.empty());
        java.util.Optional<String> text = meta.applyToText(html);
        assertThat(text).isPresent();
        Document tree = Jsoup.parse(html);
        meta.apply(tree);
        assertThat(Jsoup.parse(text.get()).outerHtml()).isEqualTo(Jsoup.parse(tree.outerHtml()).outerHtml());
    }

    @Test
    void headMetadataLeavesPagesItCannotReadPlainlyToTheParser() {
        HeadMetadata meta = new HeadMetadata("https://example.org/", "site", java.util.Optional.empty());
        assertThat(meta.applyToText("<html><head></head><body><title>late</title></body></html>")).isEmpty();
        assertThat(meta.applyToText("<html><head></head><body><meta name=description content=x></body></html>")).isEmpty();
        assertThat(meta.applyToText("<html><body>no head end</body></html>")).isEmpty();
        assertThat(meta.applyToText("<html><head></head ><body></body></html>")).isEmpty();
        assertThat(meta.applyToText("<html><head></head><body><meta/></body></html>")).isEmpty();
        assertThat(meta.applyToText("<html><head></head><body><svg><meta name=x></svg></body></html>")).isEmpty();
        assertThat(meta.applyToText("<html><head></head><body><svg/><title>t</title></body></html>")).isEmpty();
        assertThat(meta.applyToText("<html><head></head><body><svg a='>'/><title>t</title></body></html>")).isEmpty();
    }

    @Test
    void aThemesHeaderAndADrawingsTitlesAreNotTheHeadsEnd() {
        HeadMetadata meta = new HeadMetadata("https://example.org/", "site", java.util.Optional.empty());
        assertThat(meta.applyToText("<html><head><title>t</title></head><body><header><metadata>x</metadata></header>"
                + "</body></html>").orElseThrow())
                .contains("<link rel=\"canonical\" href=\"https://example.org/\"><meta property=\"og:type\"",
                        "</head><body><header><metadata>x</metadata></header>");
        assertThat(meta.applyToText("<html><head><title>t</title></head><body><svg class=\"strip\"><g><title>2025</title>"
                + "</g></svg></body></html>")).isPresent();
    }
}

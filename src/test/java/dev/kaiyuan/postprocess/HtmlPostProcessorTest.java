package dev.kaiyuan.postprocess;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HtmlPostProcessorTest {
    private final HtmlPostProcessor post = HtmlPostProcessor.forBuild();

    @Test
    void articleIdsThatRepeatThemeIdsAreRenamedWithTheirLinks() {
        Document page = Jsoup.parse(post.process("""
                <!doctype html><html><body><main id="content"><div class="body">
                <h2 id="content">Content</h2><p><a href="#content">up</a></p></div></main></body></html>"""));
        assertThat(page.select("#content")).singleElement().extracting(e -> e.tagName()).isEqualTo("main");
        assertThat(page.select("h2").attr("id")).isEqualTo("content-2");
        assertThat(page.select(".body a").attr("href")).isEqualTo("#content-2");
    }

    @Test
    void externalLinksKeepTheirRelAndGainNoopener() {
        Document page = Jsoup.parse(post.process("""
                <html><body><main><a rel="nofollow" href="https://example.com/">x</a><a href="../x/">y</a></main></body></html>"""));
        assertThat(page.select("a").get(0).attr("rel")).isEqualTo("nofollow noopener noreferrer");
        assertThat(page.select("a").get(1).hasAttr("rel")).isFalse();
    }

    @Test
    void serialisationAddsNoWhitespaceBetweenChineseCharacters() {
        String html = "<html><body><main><p>中國<b>開源</b>模型</p></main></body></html>";
        assertThat(post.process(html)).contains("<p>中國<b>開源</b>模型</p>");
    }

    @Test
    void chineseTextCanBeShownInOneScript() {
        String html = "<html lang=\"en\"><body><main><article lang=\"zh-Hant\"><h1>開源模型</h1>"
                + "<p>經濟學人 <code>網絡</code></p></article><p lang=\"zh-Hans\">开源</p><p>English</p></main></body></html>";
        Document hans = Jsoup.parse(HtmlPostProcessor.forBuild("hans").process(html));
        assertThat(hans.select("article").attr("lang")).isEqualTo("zh-Hans");
        assertThat(hans.select("article h1").text()).isEqualTo("开源模型");
        assertThat(hans.select("article p").text()).startsWith("经济学人").endsWith("網絡");
        Document hant = Jsoup.parse(HtmlPostProcessor.forBuild("hant").process(html));
        assertThat(hant.select("p[lang]").last().text()).isEqualTo("開源");
        assertThat(hant.select("article h1").text()).isEqualTo("開源模型");
        assertThat(Jsoup.parse(HtmlPostProcessor.forBuild("keep").process(html)).select("article h1").text())
                .isEqualTo("開源模型");
    }
}

package dev.kaiyuan.build;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole build of a small project: the real scraped seed with its sidecar, a Chinese and an
 * English Markdown article and an undated one, rendered with the default theme from the
 * classpath (the project has no {@code templates/}).
 */
class SiteBuildTest {
    static final String SEED_SLUG = "guancha-china-open-models-economist";
    static final String SEED_TITLE = "《經濟學人》：中國正以開源模型悄然趕超美國";
    static final String ORIGIN = "https://digest.example.org/news/";
    static final String NASTY_TITLE = "Tables & \"footnotes\" <b>not bold</b> < plain";
    static final String CAPTION_1 = "OpenAI首席執行官薩姆·奧爾特曼 資料圖";
    static final String CAPTION_2 = "7月14日，伊桑·莫里克在社媒發文";

    @TempDir
    static Path project;
    static BuildResult result;
    static Path site;

    @BeforeAll
    static void buildProject() {
        write(project, "kaiyuan.yaml", """
                title: Test Digest
                language: zh-Hans
                timezone: Asia/Shanghai
                base_url: %s
                """.formatted(ORIGIN));
        RepositoryProject.copySeed(project);
        write(project, "seeds/zh-article.md", """
                ---
                title: 深度求索发布新的开源模型
                date: 2025-09-01
                source: 新华社
                author: 张三
                ---
                深度求索今天发布了新的开源模型，
                性能接近顶尖的专有模型。

                业内人士认为，这将进一步推动开源生态的发展。
                """);
        write(project, "seeds/en-article.md", """
                ---
                title: '%s'
                date: 2025-07-01
                lang: en
                source: {name: The Economist, url: "https://www.economist.com/"}
                ---
                Open models are catching up with proprietary ones, says a new report.[^1]

                ## Benchmarks

                | Model | Score |
                | ----- | ----: |
                | Alpha | 91 |
                | Beta  | 87 |

                The old claim was ~~closed models win~~ wrong. Details at https://example.com/report
                and in the [methods](#methods) section.

                ### Methods

                We compared the published scores.

                [^1]: The report was published in July.
                """.formatted(NASTY_TITLE.replace("'", "''")));
        write(project, "seeds/undated.md", """
                ---
                title: A note without a date
                ---
                This note has no date and is listed last.
                """);
        assertThat(project.resolve("templates")).doesNotExist();

        result = Build.run(BuildRequest.of(project));
        site = project.resolve("site");
    }

    @Test
    void buildSucceedsWithOnlyTheExpectedWarnings() {
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
        assertThat(result.succeeded()).as(result.summary()).isTrue();
        assertThat(result.articles()).isEqualTo(4);
        assertThat(result.pages()).isEqualTo(TestSites.pages(site).size());
        assertThat(result.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("article.undated");
            assertThat(d.where().path()).isEqualTo("seeds/undated.md");
        });
        assertThat(TestSites.snapshot(site).keySet()).filteredOn(p -> p.startsWith("search/terms/"))
                .as("the search index's shards").isNotEmpty().allMatch(p -> p.matches("search/terms/0-\\d+\\.js"));
        assertThat(TestSites.snapshot(site).keySet()).filteredOn(p -> !p.startsWith("issues/") && !p.startsWith("tags/")
                && !p.startsWith("archive/") && !p.startsWith("search/terms/")).containsExactlyInAnyOrder("index.html", "assets/style.css",
                "assets/search.js", "search/index.html", "search/index.js", "search/docs/0.js", "404.html", "assets/favicon.svg", "assets/timeline.js",
                "articles/" + SEED_SLUG + "/index.html",
                zhPath(),
                "articles/en-article/index.html", "articles/undated/index.html",
                "search/text/articles/" + SEED_SLUG + ".js", "search/text/articles/zh-article.js",
                "search/text/articles/en-article.js", "search/text/articles/undated.js",
                "feed.xml", "sitemap.xml", "robots.txt");
        assertThat(site.resolve("tags/開源模型/feed.xml")).exists();
        assertThat(site.resolve("archive/index.html")).exists();
        assertThat(TestSites.snapshot(site).keySet()).filteredOn(p -> p.startsWith("archive/"))
                .as("the archive's front page and a page per month").containsExactlyInAnyOrder("archive/index.html",
                        "archive/2025/09/index.html", "archive/2025/08/index.html", "archive/2025/07/index.html");
    }

    /** The Chinese article's slug comes from its file name. */
    private static String zhPath() {
        return "articles/zh-article/index.html";
    }

    @Test
    void indexListsDatedArticlesNewestFirstThenUndated() {
        Document index = TestSites.page(site, "index.html");
        List<String> titles = index.select(".card-title a").eachText();
        assertThat(titles).containsExactly("深度求索发布新的开源模型", SEED_TITLE, NASTY_TITLE,
                "A note without a date");
        assertThat(index.select("section[aria-labelledby=undated] .card-title").eachText())
                .containsExactly("A note without a date");
        assertThat(index.select("section.issue .card-title").eachText())
                .containsExactly("深度求索发布新的开源模型", SEED_TITLE, NASTY_TITLE);
        assertThat(index.select(".card-title a").eachAttr("href")).containsExactly(
                zhPath(), "articles/" + SEED_SLUG + "/index.html", "articles/en-article/index.html",
                "articles/undated/index.html");
        assertThat(index.select("section.issue time").eachAttr("datetime"))
                .containsExactly("2025-09-01", "2025-08-21", "2025-07-01");
    }

    @Test
    void everyLinkIsRelativeAndResolvesToAFileAndFragment() {
        List<String> external = TestSites.assertLinksResolve(site, ORIGIN);
        assertThat(external).contains("https://example.com/report", "https://www.economist.com/");
        // Make sure the checker saw the kinds of links we care about.
        Document en = TestSites.page(site, "articles/en-article/index.html");
        assertThat(en.select("link[rel=stylesheet]").attr("href")).isEqualTo("../../assets/style.css");
        assertThat(en.select("a[href^=#]").eachAttr("href")).contains("#methods").anyMatch(h -> h.startsWith("#fn"));
    }

    @Test
    void externalLinksGetNoopener() {
        Document en = TestSites.page(site, "articles/en-article/index.html");
        Element report = en.selectFirst("a[href=https://example.com/report]");
        assertThat(report).isNotNull();
        assertThat(report.attr("rel")).contains("noopener").contains("noreferrer");
    }

    @Test
    void pagesCarryTheSiteLanguageAndArticlesTheirOwn() {
        TestSites.pages(site).forEach((path, doc) ->
                assertThat(doc.selectFirst("html").attr("lang")).as(path).isEqualTo("zh-Hans"));
        assertThat(articleLang("articles/" + SEED_SLUG + "/index.html")).isEqualTo("zh-Hant");
        assertThat(articleLang("articles/en-article/index.html")).isEqualTo("en");
        assertThat(articleLang(zhPath())).isEqualTo("zh-Hans");
        Document index = TestSites.page(site, "index.html");
        assertThat(index.select("li.card").eachAttr("lang")).containsExactly("zh-Hans", "zh-Hant", "en", "en");
    }

    private static String articleLang(String page) {
        Element article = TestSites.page(site, page).selectFirst("main article");
        assertThat(article).as(page).isNotNull();
        return article.attr("lang");
    }

    @Test
    void titlesWithMarkupCharactersAreEscapedText() throws IOException {
        Document en = TestSites.page(site, "articles/en-article/index.html");
        Element h1 = en.selectFirst("h1.article-title");
        assertThat(h1.text()).isEqualTo(NASTY_TITLE);
        assertThat(h1.children()).isEmpty();
        assertThat(en.title()).startsWith(NASTY_TITLE);
        assertThat(en.select("b")).isEmpty();
        Element card = TestSites.page(site, "index.html").select(".card-title a").get(2);
        assertThat(card.text()).isEqualTo(NASTY_TITLE);
        assertThat(card.children()).isEmpty();
        String raw = Files.readString(site.resolve("articles/en-article/index.html"), StandardCharsets.UTF_8);
        assertThat(raw).contains("&lt;b&gt;not bold&lt;/b&gt;").doesNotContain("<b>");
    }

    @Test
    void markdownExtensionsAreRendered() {
        Element body = TestSites.page(site, "articles/en-article/index.html").selectFirst("main .body");
        assertThat(body.select("table th").eachText()).containsExactly("Model", "Score");
        assertThat(body.select("table td").eachText()).contains("Alpha", "91", "Beta", "87");
        assertThat(body.select("del, s").text()).isEqualTo("closed models win");
        assertThat(body.select("h2").eachText()).containsExactly("Benchmarks");
        assertThat(body.selectFirst("h3#methods")).isNotNull();
        assertThat(body.select("sup a[href^=#fn]")).hasSize(1);
        assertThat(body.text()).contains("The report was published in July.");
    }

    @Test
    void chineseLinesAreJoinedWithoutASpace() {
        Element body = TestSites.page(site, zhPath()).selectFirst("main .body");
        assertThat(body.select("p").first().wholeText()).isEqualTo("深度求索今天发布了新的开源模型，性能接近顶尖的专有模型。");
        Element byline = TestSites.page(site, zhPath()).selectFirst(".byline");
        assertThat(byline.select(".author").text()).contains("张三");
        assertThat(byline.select(".source").text()).contains("新华社");
    }

    @Test
    void seedPageShowsBylineApproximateDateCaptionsRightsAndDamage() {
        Document page = TestSites.page(site, "articles/" + SEED_SLUG + "/index.html");
        Element main = page.selectFirst("main");
        assertThat(main.selectFirst("h1.article-title").text()).isEqualTo(SEED_TITLE);
        assertThat(main.select(".byline .author").text()).contains("阮佳琪");
        assertThat(main.select(".byline .source").text()).contains("觀察者網");
        Element date = main.selectFirst(".byline .date-approximate");
        assertThat(date).as("approximate date marker").isNotNull();
        assertThat(date.select(".approx").text()).isNotBlank();
        assertThat(date.selectFirst("time").attr("datetime")).isEqualTo("2025-08-21");

        assertThat(main.select("figure.caption-only figcaption").eachText()).containsExactly(CAPTION_1, CAPTION_2);
        assertThat(main.select("p").eachText()).doesNotContain(CAPTION_1, CAPTION_2);

        assertThat(main.select(".rights").text()).isEqualTo("本文系觀察者網獨家稿件，未經授權，不得轉載。");
        assertThat(main.select(".body").text()).doesNotContain("不得轉載");
        assertThat(main.select("mark.damaged")).hasSize(2);
        assertThat(main.select(".damage-note")).hasSize(1);
    }

    @Test
    void platformDisclaimersAppearNowhere() {
        Map<String, byte[]> files = TestSites.snapshot(site);
        files.forEach((path, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).as(path).doesNotContain("特別聲明", "特别声明", "Notice: The content above",
                    "網易號", "网易号");
        });
    }

    /**
     * A date past the year 9999 (front matter may give one as an instant) gets its month's page like
     * any other: the month's label is made from the month's numbers, not parsed back as a date.
     */
    @Test
    void anArticleDatedPastTheYear9999IsBuiltIntoTheArchive(@TempDir Path far) {
        write(far, "seeds/far.md", """
                ---
                title: Far future
                date: +12345-10-01T00:00Z
                ---
                Text.
                """);

        BuildResult result = Build.run(new BuildRequest(far, far.resolve("site"), false, false,
                Optional.empty(), Optional.empty()));

        assertThat(result.succeeded()).as(result.summary()).isTrue();
        Document month = TestSites.page(far.resolve("site"), "archive/12345/10/index.html");
        assertThat(month.select("h1").text()).isEqualTo("October +12345");
        assertThat(month.select(".article-links a").eachText()).containsExactly("Far future");
    }

    @Test
    void defaultThemeComesFromTheClasspathWhenTheProjectHasNoTemplates() throws IOException {
        try (InputStream css = Build.class.getResourceAsStream(Theme.BUILTIN + "assets/style.css")) {
            assertThat(css).as("packaged default theme").isNotNull();
            assertThat(site.resolve("assets/style.css")).hasBinaryContent(css.readAllBytes());
        }
        assertThat(project.resolve("templates")).doesNotExist();
        assertThat(TestSites.page(site, "index.html").select("footer.site-footer").text()).contains("Kaiyuan");
    }
}

package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default theme's Pebble port ({@code templates/pebble/}) must produce the same site as the
 * FreeMarker theme: the same files, and every page the same DOM (see {@link SiteParity}). The
 * seeds cover every optional part of the pages: approximate and missing dates, a derived title,
 * a damage notice, rights, tags, sources with and without an address, Chinese and English
 * articles under an English and a Traditional Chinese interface, and an empty site. With the
 * repository's knowledge base ({@code seeds/data/}) the sites also have the timeline nav link, a
 * page per organization, model and person, the timeline and its filtered views, and quotes,
 * events and mentions on the article pages. The English site has a page size of 2, so the home
 * page and a tag (under a Chinese slug) come in several pages, the weekly issues link to their
 * neighbours and an issue larger than a page is kept whole; with a base URL its tag pages link
 * their feeds. The last test proves the checker can fail: a change to one engine's theme alone
 * is reported.
 */
class EngineParityTest {
    @TempDir
    Path tmp;

    @Test
    void englishInterfaceSiteIsTheSameInBothEngines() throws IOException {
        Path project = RepositoryProject.copyKnowledgeBase(withMoreWeeks(articlesProject(tmp.resolve("en"))));
        TestSites.write(project, "kaiyuan.yaml", """
                title: Kaiyuan
                language: en
                page_size: 2
                base_url: https://kaiyuan.invalid/digest/
                """);

        Path freemarker = build(project, "freemarker");
        Path pebble = build(project, "pebble");

        assertCoversEveryOptionalPart(freemarker);
        assertCoversTheKnowledgePages(freemarker);
        assertCoversTheListPages(freemarker);
        assertThat(SiteParity.files(pebble)).isEqualTo(SiteParity.files(freemarker))
                .contains("index.html", "assets/style.css", "articles/guancha-china-open-models-economist/index.html",
                        "timeline/index.html", "orgs/openai/index.html", "models/llama/index.html",
                        "page/2/index.html", "page/3/index.html", "issues/2025-w34/index.html", "archive/index.html", "archive/2025/08/index.html",
                        "tags/index.html", "tags/開源模型/index.html", "tags/開源模型/page/1/index.html",
                        "tags/開源模型/feed.xml");
        assertThat(SiteParity.differences(freemarker, "freemarker", pebble, "pebble")).isEmpty();
    }

    @Test
    void traditionalChineseInterfaceSiteIsTheSameInBothEngines() throws IOException {
        Path project = RepositoryProject.copyKnowledgeBase(articlesProject(tmp.resolve("zh")));
        TestSites.write(project, "kaiyuan.yaml", """
                title: 開源週報
                description: 中國開源模型的新聞 <摘要> & "評論"
                language: zh-Hant
                """);
        // An article titled like the site: the page title is not "X · X".
        TestSites.write(project, "seeds/050_same-title.md", """
                ---
                title: 開源週報
                date: 2025-07-01
                ---
                與網站同名的文章。
                """);

        Path freemarker = build(project, "freemarker");
        Path pebble = build(project, "pebble");

        Document home = page(freemarker, "index.html");
        assertThat(home.select("p.tagline").text()).isEqualTo("中國開源模型的新聞 <摘要> & \"評論\"");
        assertThat(page(freemarker, "articles/050-same-title/index.html").title()).isEqualTo("開源週報");
        assertThat(page(freemarker, "timeline/index.html").select(".filters [aria-current=page]").text())
                .isEqualTo("全部");
        assertThat(SiteParity.files(pebble)).isEqualTo(SiteParity.files(freemarker));
        assertThat(SiteParity.differences(freemarker, "freemarker", pebble, "pebble")).isEmpty();
    }

    @Test
    void emptySiteIsTheSameInBothEngines() throws IOException {
        Path project = tmp.resolve("empty");
        Files.createDirectories(project.resolve("seeds"));

        Path freemarker = build(project, "freemarker");
        Path pebble = build(project, "pebble");

        assertThat(page(freemarker, "index.html").select("p.empty")).hasSize(1);
        assertThat(SiteParity.files(pebble)).isEqualTo(SiteParity.files(freemarker))
                .containsExactly("404.html", "archive/index.html", "assets/favicon.svg", "assets/search.js",
                        "assets/style.css", "assets/timeline.js", "index.html",
                        "robots.txt", "search/docs/0.js", "search/index.html", "search/index.js", "search/terms/0-0.js");
        assertThat(SiteParity.differences(freemarker, "freemarker", pebble, "pebble")).isEmpty();
    }

    @Test
    void parityCheckReportsThePagesWhenOnlyOneEnginesThemeChanges() throws IOException {
        Path project = articlesProject(tmp.resolve("edited"));
        RepositoryProject.copyTree(Path.of("templates"), project.resolve("templates"));
        Path before = build(project, "pebble", "pebble-before");
        assertThat(SiteParity.differences(build(project, "freemarker"), "freemarker", before, "pebble"))
                .as("the copied default theme is still at parity").isEmpty();

        Path port = project.resolve("templates/pebble/article.peb");
        String original = Files.readString(port, StandardCharsets.UTF_8);
        String edited = original.replace("<div class=\"body\">",
                "<p class=\"only-in-pebble\">marker</p>\n<div class=\"body\">");
        assertThat(edited).isNotEqualTo(original);
        Files.writeString(port, edited, StandardCharsets.UTF_8);

        Path freemarker = build(project, "freemarker");
        Path pebble = build(project, "pebble");

        List<String> articlePages = SiteParity.files(freemarker).stream().filter(f -> f.startsWith("articles/")).toList();
        List<String> problems = SiteParity.differences(freemarker, "freemarker", pebble, "pebble");
        assertThat(problems).hasSameSizeAs(articlePages).allSatisfy(p -> assertThat(p)
                .matches("articles/[^:]+/index\\.html: at /html\\[1]/body\\[1]/main\\[1]/article\\[0]/div\\[\\d+]: "
                        + "freemarker has <div \\{class=body}>, pebble has <p \\{class=only-in-pebble}>"));
        assertThat(problems).noneMatch(p -> p.startsWith("index.html"));
    }

    /** A project with the real seed and one article for each optional part of the pages. */
    private static Path articlesProject(Path project) {
        RepositoryProject.copySeed(project);
        TestSites.write(project, "seeds/010_zh.md", """
                ---
                title: 开源模型的一周
                date: 2025-09-01
                author: 张三
                source: 新华社
                rights: © 2025 新华社
                lang: zh-Hans
                ---
                本周，**DeepSeek** 发布了新模型。详见[链接](https://example.com/a?b=1&c=2)。

                - 第一点
                - 第二点
                """);
        TestSites.write(project, "seeds/020_en.md", """
                ---
                title: "Open weights & the \\"race\\" <fast>"
                date: 2025-08-30
                author: Jane Doe
                tags: [open models, DeepSeek, "R&D <lab>"]
                source: {name: The Economist, url: "https://www.economist.com/x?a=1&b=2"}
                summary: A summary with <angle> & "quotes".
                ---
                Open models are catching up. This is a paragraph with *emphasis*.

                Another paragraph.
                """);
        TestSites.write(project, "seeds/030_undated.md", """
                ---
                title: An undated note
                ---
                Text without a date.
                """);
        // No sidecar and no heading: the title is derived from the opening.
        TestSites.write(project, "seeds/040_derived.txt", """
                这是一篇没有标题的文章，标题由正文开头派生而来。

                第二段内容在这里。
                """);
        return project;
    }

    /**
     * Four more dated articles sharing the seed's tag 開源模型: two in the seed's week (an issue of
     * three, more than a page), one a week earlier and one across the year boundary (2025-W01).
     */
    private static Path withMoreWeeks(Path project) throws IOException {
        TestSites.write(project, "seeds/060_same-week.md", """
                ---
                title: 同一周的第二篇
                date: 2025-08-19
                tags: [開源模型, open models]
                lang: zh-Hant
                ---
                同一周。
                """);
        TestSites.write(project, "seeds/061_same-week.md", """
                ---
                title: Same week, third article
                date: 2025-08-24
                tags: [開源模型]
                summary: The Sunday of ISO week 34.
                ---
                Sunday.
                """);
        TestSites.write(project, "seeds/062_week-before.md", """
                ---
                title: The week before
                date: 2025-08-12
                date_inferred: true
                tags: [開源模型, open models]
                ---
                A week earlier.
                """);
        TestSites.write(project, "seeds/063_new-year.md", """
                ---
                title: New year
                date: 2024-12-30
                tags: [open models]
                ---
                Monday of 2025-W01.
                """);
        return project;
    }

    /** Fails the test unless the list pages show their optional parts: pagers, issue links, tags. */
    private static void assertCoversTheListPages(Path site) throws IOException {
        Document home = page(site, "index.html");
        assertThat(home.select(".site-nav a").eachAttr("href"))
                .containsExactly("archive/index.html", "search/index.html", "tags/index.html", "timeline/index.html");
        assertThat(home.select(".pager a[rel=next]").attr("href")).isEqualTo("page/2/index.html");
        assertThat(home.select(".pager a[rel=prev]")).isEmpty();
        Document middle = page(site, "page/2/index.html");
        assertThat(middle.select(".pager a").eachAttr("href"))
                .containsExactly("../../index.html", "../../page/3/index.html");
        assertThat(middle.select("section.issue")).isNotEmpty();
        assertThat(middle.select("#undated")).isEmpty();
        Document big = page(site, "issues/2025-w34/index.html");
        assertThat(big.select(".cards li")).hasSize(3);
        assertThat(big.select(".pager a").eachAttr("rel")).containsExactly("prev", "next");
        assertThat(page(site, "issues/2025-w01/index.html").select(".pager a").eachAttr("rel"))
                .containsExactly("prev");
        Document archive = page(site, "archive/index.html");
        assertThat(archive.select("section.year h2").eachText()).containsExactly("2025", "2024");
        assertThat(archive.select("#undated + ul li")).hasSize(2);
        assertThat(archive.select(".issue-links li").size()).isGreaterThan(3);
        List<String> months = archive.select(".month-links a").eachAttr("href");
        assertThat(months).hasSizeGreaterThan(2).allMatch(href -> href.matches("\\.\\./archive/\\d{4}/\\d{2}/index\\.html"));
        List<Document> monthPages = new ArrayList<>();
        for (String href : months) {
            monthPages.add(page(site, href.substring("../".length())));
        }
        assertThat(monthPages).anyMatch(month -> !month.select(".article-links .date-approximate").isEmpty());
        assertThat(monthPages.get(1).select(".pager a").eachAttr("rel")).containsExactly("prev", "next");
        assertThat(monthPages.get(1).select(".up-link a").attr("href")).isEqualTo("../../../archive/index.html");
        assertThat(page(site, "tags/index.html").select(".tag-cloud .count")).isNotEmpty();
        Document tag = page(site, "tags/開源模型/page/1/index.html");
        assertThat(tag.select(".pager a").eachAttr("rel")).containsExactly("prev");
        assertThat(tag.select(".feed-link a").attr("href")).isEqualTo("../../../../tags/開源模型/feed.xml");
    }

    /** Fails the test unless the knowledge pages show every optional part the port has to get right. */
    private static void assertCoversTheKnowledgePages(Path site) throws IOException {
        assertThat(page(site, "index.html").select(".site-nav a[href=timeline/index.html]")).hasSize(1);
        Document seed = page(site, "articles/guancha-china-open-models-economist/index.html");
        assertThat(seed.select(".quotes blockquote footer a")).isNotEmpty();
        assertThat(seed.select(".events li time[datetime=2025-08]")).isNotEmpty();
        assertThat(seed.select(".entity-list .entity-orgs, .entity-list .entity-models, .entity-list .entity-people")
                .eachAttr("class")).contains("entity-orgs", "entity-models", "entity-people");
        Document org = page(site, "orgs/openai/index.html");
        assertThat(org.select(".facts dd a[href^=https]")).hasSize(1);
        assertThat(org.select(".releases .release-open .mark").text()).contains("●");
        assertThat(org.select(".releases .release-closed .mark").text()).contains("○");
        assertThat(org.select(".releases .mentioned a")).isNotEmpty();
        assertThat(org.select(".article-links li")).isNotEmpty();
        Document person = page(site, "people/ruan-jiaqi/index.html");
        assertThat(person.select(".releases")).isEmpty();
        assertThat(person.select(".aliases .alias")).hasSize(1);
        assertThat(person.select("p.empty")).hasSize(1);
        Document family = page(site, "models/llama/index.html");
        assertThat(family.select(".releases li").size()).isGreaterThan(1);
        assertThat(family.select(".aliases .alias").size()).isGreaterThan(1);
        Document timeline = page(site, "timeline/index.html");
        assertThat(timeline.select(".filters [aria-current=page]")).hasSize(1);
        assertThat(timeline.select("section.year").size()).isGreaterThan(1);
        assertThat(timeline.select("h3.month").size()).isGreaterThan(timeline.select("section.year").size());
        assertThat(timeline.select("figure.chart svg")).hasSize(1);
        assertThat(timeline.select(".chart-data tbody tr")).isNotEmpty();
        assertThat(timeline.select(".exports a")).isNotEmpty();
        assertThat(page(site, "timeline/open/index.html").select(".releases .release-closed")).isEmpty();
        assertThat(page(site, "timeline/country/cn/index.html").select(".filters [aria-current=page]").text())
                .isEqualTo("CN");
    }

    /** Fails the test unless the pages show every optional part the port has to get right. */
    private static void assertCoversEveryOptionalPart(Path site) throws IOException {
        Document home = page(site, "index.html");
        assertThat(home.select("section.issue")).isNotEmpty();
        assertThat(home.select("#undated")).hasSize(1);
        Document seed = page(site, "articles/guancha-china-open-models-economist/index.html");
        assertThat(seed.select(".byline .date-approximate time[datetime=2025-08-21]")).hasSize(1);
        assertThat(seed.select("p.damage-note")).hasSize(1);
        assertThat(seed.select(".byline .source a")).isEmpty();
        assertThat(seed.select(".tag-list li")).hasSize(4);
        Document zh = page(site, "articles/010-zh/index.html");
        assertThat(zh.select("p.rights").text()).isEqualTo("© 2025 新华社");
        assertThat(zh.select(".tags")).isEmpty();
        Document en = page(site, "articles/020-en/index.html");
        assertThat(en.select(".byline .source a").attr("href")).isEqualTo("https://www.economist.com/x?a=1&b=2");
        assertThat(en.select(".tag-list li").eachText()).containsExactly("open models", "DeepSeek", "R&D <lab>");
        Document undated = page(site, "articles/030-undated/index.html");
        assertThat(undated.select(".byline time, .byline .date")).isEmpty();
        assertThat(undated.select(".byline .source")).isEmpty();
        Document derived = page(site, "articles/040-derived/index.html");
        assertThat(derived.select("p.derived-note")).hasSize(1);
        assertThat(derived.select(".article-footer")).isEmpty();
    }

    private Path build(Path project, String engine) {
        return build(project, engine, engine);
    }

    private Path build(Path project, String engine, String outName) {
        Path out = project.resolveSibling(project.getFileName() + "-" + outName);
        BuildResult result = Build.run(new BuildRequest(project, out, false, false, Optional.empty(),
                Optional.of(engine)));
        assertThat(result.succeeded()).as("%s build: %s", engine, result.diagnostics()).isTrue();
        return out;
    }

    private static Document page(Path site, String path) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(path), StandardCharsets.UTF_8));
    }
}

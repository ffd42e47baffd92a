package dev.kaiyuan.build;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest's list pages in a built site: the home page in pages of whole weekly issues, a page
 * per ISO week with newer/older links, the archive by year and a page per month, the tag index and a tag's
 * pages under a Chinese slug, numbered from the oldest. Seven dated articles over five ISO weeks,
 * across the year boundary (2024-12-30 and 2025-01-02 are both in 2025-W01, 2024-12-29 in 2024-W52),
 * and an undated one; page size 3. Built with both engines, which must agree.
 */
class DigestSiteTest {
    static final String ORIGIN = "https://kaiyuan.invalid/";
    static final String OPEN = "开放权重";

    @TempDir
    static Path project;
    static Path site;
    static Path pebbleSite;

    @BeforeAll
    static void buildProject() {
        write(project, "kaiyuan.yaml", """
                title: Week by week
                language: en
                page_size: 3
                """);
        article("a1", "Fifteenth of January", "2025-01-15", "[open weights, " + OPEN + "]");
        article("a2", "Thirteenth of January", "2025-01-13", "[" + OPEN + "]");
        article("a3", "Eighth of January", "2025-01-08", "[" + OPEN + ", DeepSeek]");
        article("a4", "Second of January", "2025-01-02", "[" + OPEN + "]");
        article("a5", "Thirtieth of December", "2024-12-30", "[" + OPEN + ", DeepSeek]");
        article("a6", "Twenty-ninth of December", "2024-12-29", "[open weights, " + OPEN + "]");
        article("a7", "Twentieth of November", "2024-11-20", "[DeepSeek, " + OPEN + "]");
        write(project, "seeds/u.md", """
                ---
                title: No date at all
                slug: u
                tags: [open weights]
                ---
                Undated.
                """);
        site = build("freemarker");
        pebbleSite = build("pebble");
    }

    private static void article(String slug, String title, String date, String tags) {
        write(project, "seeds/" + slug + ".md", """
                ---
                title: %s
                date: %s
                slug: %s
                tags: %s
                ---
                Published on %s.
                """.formatted(title, date, slug, tags, date));
    }

    private static Path build(String engine) {
        Path out = project.resolveSibling(project.getFileName() + "-" + engine);
        BuildResult result = Build.run(new BuildRequest(project, out, false, false, Optional.empty(),
                Optional.of(engine)));
        assertThat(result.succeeded()).as("%s build: %s", engine, result.diagnostics()).isTrue();
        assertThat(result.articles()).isEqualTo(8);
        return out;
    }

    private static Document page(String path) {
        assertThat(site.resolve(path)).as(path).isRegularFile();
        return TestSites.page(site, path);
    }

    /** Issue id → card titles of the issues on one home page, in page order. */
    private static Map<String, List<String>> issuesOn(Document home) {
        Map<String, List<String>> issues = new LinkedHashMap<>();
        for (Element section : home.select("section.issue")) {
            issues.put(section.selectFirst("h2").id(), section.select(".card-title a").eachText());
        }
        return issues;
    }

    @Test
    void firstHomePageShowsTheNewestIssueFirstWithItsArticlesInOrder() {
        Document home = page("index.html");

        assertThat(issuesOn(home)).containsExactly(
                Map.entry("issue-2025-w03", List.of("Fifteenth of January", "Thirteenth of January")),
                Map.entry("issue-2025-w02", List.of("Eighth of January")));
        Element newest = home.selectFirst("section.issue h2");
        assertThat(newest.selectFirst("a").text()).isEqualTo("Week 3, 2025");
        assertThat(newest.selectFirst("a").attr("href")).isEqualTo("issues/2025-w03/index.html");
        assertThat(newest.select(".issue-dates").text()).isEqualTo("13–19 January 2025");
        assertThat(home.select("section.issue").first().select("time").eachAttr("datetime"))
                .containsExactly("2025-01-15", "2025-01-13");
        assertThat(home.select("#undated + ul .card-title").eachText()).containsExactly("No date at all");
        assertThat(home.select(".site-nav a").eachAttr("href")).containsExactly("archive/index.html", "search/index.html", "tags/index.html");
        assertThat(home.select(".archive-link a").attr("href")).isEqualTo("archive/index.html");
    }

    @Test
    void homePagesLinkToTheirNeighboursAndEndAtTheLastPage() {
        Document first = page("index.html");
        Document second = page("page/2/index.html");
        Document third = page("page/3/index.html");

        assertThat(first.select(".pager .pager-position").text()).isEqualTo("1 / 3");
        assertThat(first.select(".pager a[rel=prev]")).isEmpty();
        assertThat(first.select(".pager a[rel=next]").attr("href")).isEqualTo("page/2/index.html");
        assertThat(second.select(".pager .pager-position").text()).isEqualTo("2 / 3");
        assertThat(second.select(".pager a[rel=prev]").attr("href")).isEqualTo("../../index.html");
        assertThat(second.select(".pager a[rel=next]").attr("href")).isEqualTo("../../page/3/index.html");
        assertThat(third.select(".pager .pager-position").text()).isEqualTo("3 / 3");
        assertThat(third.select(".pager a[rel=prev]").attr("href")).isEqualTo("../../page/2/index.html");
        assertThat(third.select(".pager a[rel=next]")).isEmpty();
        assertThat(site.resolve("page/1")).doesNotExist();
        assertThat(site.resolve("page/4")).doesNotExist();
        // Later pages: no undated list, and links from two folders down.
        assertThat(second.select("#undated")).isEmpty();
        assertThat(second.select("link[rel=stylesheet]").attr("href")).isEqualTo("../../assets/style.css");
        assertThat(issuesOn(second)).containsExactly(
                Map.entry("issue-2025-w01", List.of("Second of January", "Thirtieth of December")),
                Map.entry("issue-2024-w52", List.of("Twenty-ninth of December")));
        assertThat(issuesOn(third)).containsExactly(Map.entry("issue-2024-w47", List.of("Twentieth of November")));
    }

    @Test
    void noIssueIsSplitAcrossHomePagesAndEveryIssueIsOnOne() {
        List<String> seen = new ArrayList<>();
        for (String path : List.of("index.html", "page/2/index.html", "page/3/index.html")) {
            Map<String, List<String>> issues = issuesOn(page(path));
            issues.forEach((id, titles) -> {
                String week = id.substring("issue-".length());
                assertThat(titles).as("%s on %s", week, path)
                        .isEqualTo(page("issues/" + week + "/index.html").select(".card-title a").eachText());
            });
            assertThat(issues.values().stream().mapToInt(List::size).sum()).as(path).isLessThanOrEqualTo(3);
            seen.addAll(issues.keySet());
        }
        assertThat(seen).containsExactly("issue-2025-w03", "issue-2025-w02", "issue-2025-w01", "issue-2024-w52",
                "issue-2024-w47");
    }

    @Test
    void everyIsoWeekHasAnIssuePageLinkedToTheWeeksBeforeAndAfter() {
        List<String> weeks = List.of("2025-w03", "2025-w02", "2025-w01", "2024-w52", "2024-w47");
        assertThat(TestSites.snapshot(site).keySet().stream().filter(p -> p.startsWith("issues/")))
                .containsExactlyInAnyOrderElementsOf(weeks.stream().map(w -> "issues/" + w + "/index.html").toList());
        for (int i = 0; i < weeks.size(); i++) {
            Document issue = page("issues/" + weeks.get(i) + "/index.html");
            String newer = i > 0 ? "../../issues/" + weeks.get(i - 1) + "/index.html" : "";
            String older = i + 1 < weeks.size() ? "../../issues/" + weeks.get(i + 1) + "/index.html" : "";
            assertThat(issue.select(".pager a[rel=prev]").attr("href")).as(weeks.get(i)).isEqualTo(newer);
            assertThat(issue.select(".pager a[rel=next]").attr("href")).as(weeks.get(i)).isEqualTo(older);
        }
        Document newYear = page("issues/2025-w01/index.html");
        assertThat(newYear.select("h1").text()).isEqualTo("Week 1, 2025");
        assertThat(newYear.title()).isEqualTo("Week 1, 2025 · Week by week");
        assertThat(newYear.select(".issue-dates").text()).isEqualTo("30 December 2024 – 5 January 2025");
        assertThat(newYear.select(".card time").eachAttr("datetime")).containsExactly("2025-01-02", "2024-12-30");
        assertThat(newYear.select(".card-title a").eachAttr("href"))
                .containsExactly("../../articles/a4/index.html", "../../articles/a5/index.html");
        Document lastOf2024 = page("issues/2024-w52/index.html");
        assertThat(lastOf2024.select("h1").text()).isEqualTo("Week 52, 2024");
        assertThat(lastOf2024.select(".issue-dates").text()).isEqualTo("23–29 December 2024");
        assertThat(lastOf2024.select(".card-title a").eachText()).containsExactly("Twenty-ninth of December");
    }

    @Test
    void archiveListsEveryMonthUnderItsYearWithItsCountAndTheUndatedApart() {
        Document archive = page("archive/index.html");

        assertThat(archive.select("section.year > h2").eachText()).containsExactly("2025", "2024");
        assertThat(archive.select(".month-links a").eachText()).containsExactly("January 2025", "December 2024",
                "November 2024");
        assertThat(archive.select(".month-links a").eachAttr("href")).containsExactly(
                "../archive/2025/01/index.html", "../archive/2024/12/index.html", "../archive/2024/11/index.html");
        assertThat(archive.select(".month-links .count").eachText()).containsExactly("4", "2", "1");
        assertThat(archive.select("#y2024 ~ .month-links li").eachAttr("id")).containsExactly("m2024-12", "m2024-11");
        assertThat(archive.select("section[aria-labelledby=undated] li").eachText()).containsExactly("No date at all");
        assertThat(archive.select("section[aria-labelledby=undated] a").attr("href")).isEqualTo("../articles/u/index.html");
        assertThat(archive.select(".issue-links a").eachText()).containsExactly("Week 3, 2025", "Week 2, 2025",
                "Week 1, 2025", "Week 52, 2024", "Week 47, 2024");
        assertThat(archive.select(".issue-links a").first().attr("href")).isEqualTo("../issues/2025-w03/index.html");
        // the articles themselves are on their months' pages
        assertThat(archive.select(".article-links a")).hasSize(1);
    }

    @Test
    void eachMonthOfTheArchiveListsItsArticlesNewestFirstWithTheMonthsAroundIt() {
        Document january = page("archive/2025/01/index.html");
        assertThat(january.title()).startsWith("January 2025");
        assertThat(january.select("h1").text()).isEqualTo("January 2025");
        assertThat(january.select(".up-link a").attr("href")).isEqualTo("../../../archive/index.html");
        assertThat(january.select(".article-links a").eachText()).containsExactly("Fifteenth of January",
                "Thirteenth of January", "Eighth of January", "Second of January");
        assertThat(january.select(".article-links a").first().attr("href"))
                .isEqualTo("../../../articles/a1/index.html");
        assertThat(january.select(".pager a[rel=prev]")).isEmpty();
        assertThat(january.select(".pager a[rel=next]").attr("href")).isEqualTo("../../../archive/2024/12/index.html");

        // The calendar decides the archive, not the ISO week: 2024-12-30 is in 2025-W01 but December 2024.
        Document december = page("archive/2024/12/index.html");
        assertThat(december.select(".article-links a").eachText()).containsExactly("Thirtieth of December",
                "Twenty-ninth of December");
        assertThat(december.select(".article-links time").eachAttr("datetime")).containsExactly("2024-12-30",
                "2024-12-29");
        assertThat(december.select(".pager a[rel=prev]").attr("href")).isEqualTo("../../../archive/2025/01/index.html");
        assertThat(december.select(".pager a[rel=next]").attr("href")).isEqualTo("../../../archive/2024/11/index.html");

        Document november = page("archive/2024/11/index.html");
        assertThat(november.select(".article-links a").eachText()).containsExactly("Twentieth of November");
        assertThat(november.select(".pager a[rel=next]")).isEmpty();
    }

    @Test
    void tagIndexCountsEveryArticleUnderEachTag() {
        Document tags = page("tags/index.html");
        Map<String, String> counts = new LinkedHashMap<>();
        for (Element li : tags.select(".tag-cloud li")) {
            counts.put(li.selectFirst("a").text(), li.selectFirst(".count").text());
        }

        assertThat(counts).containsOnly(Map.entry(OPEN, "7"), Map.entry("open weights", "3"),
                Map.entry("DeepSeek", "3"));
        assertThat(tags.select(".tag-cloud a").eachAttr("href")).contains("../tags/" + OPEN + "/index.html",
                "../tags/open-weights/index.html", "../tags/deepseek/index.html");
    }

    @Test
    void aTagsPagesAreNumberedFromItsOldestArticleAndItsFirstPageHoldsTheRest() {
        Document first = page("tags/" + OPEN + "/index.html");
        Document oldest = page("tags/" + OPEN + "/page/1/index.html");

        // Seven articles, pages of three: page 1 holds the oldest three, the first page the newest four.
        assertThat(first.select("h1").text()).isEqualTo("Tags " + OPEN);
        assertThat(first.select(".card-title a").eachText()).containsExactly("Fifteenth of January",
                "Thirteenth of January", "Eighth of January", "Second of January");
        assertThat(first.select(".pager a[rel=next]").attr("href")).isEqualTo("../../tags/" + OPEN + "/page/1/index.html");
        assertThat(first.select(".pager a[rel=prev]")).isEmpty();
        assertThat(first.select(".pager .pager-position").text()).isEqualTo("2–15 January 2025");
        assertThat(oldest.select(".card-title a").eachText()).containsExactly("Thirtieth of December",
                "Twenty-ninth of December", "Twentieth of November");
        assertThat(oldest.select(".card-title a").eachAttr("href")).containsExactly("../../../../articles/a5/index.html",
                "../../../../articles/a6/index.html", "../../../../articles/a7/index.html");
        assertThat(oldest.select(".pager a[rel=prev]").attr("href")).isEqualTo("../../../../tags/" + OPEN + "/index.html");
        assertThat(oldest.select(".pager a[rel=next]")).isEmpty();
        assertThat(oldest.select(".pager .pager-position").text()).isEqualTo("20 November – 30 December 2024");
        assertThat(site.resolve("tags/" + OPEN + "/page/2")).doesNotExist();
        assertThat(site.resolve("tags/" + OPEN + "/page/0")).doesNotExist();
        // Exactly a page's worth: one page, no pager. No base_url: no feed link.
        Document openWeights = page("tags/open-weights/index.html");
        assertThat(openWeights.select(".card")).hasSize(3);
        assertThat(openWeights.select(".pager")).isEmpty();
        assertThat(openWeights.select(".feed-link")).isEmpty();
        assertThat(site.resolve("tags/open-weights/page")).doesNotExist();
    }

    @Test
    void everyLinkOnEveryPageResolves() {
        List<String> external = TestSites.assertLinksResolve(site, ORIGIN);

        assertThat(external).isEmpty();
        // The checker met the Chinese tag paths: from the tag index and both ways between the tag's pages.
        assertThat(TestSites.pages(site).values().stream().flatMap(d -> d.select("a[href*=" + OPEN + "]").stream())
                .map(a -> a.attr("href"))).contains("../tags/" + OPEN + "/index.html",
                        "../../tags/" + OPEN + "/page/1/index.html", "../../../../tags/" + OPEN + "/index.html");
    }

    @Test
    void pebblePortBuildsTheSameSite() throws IOException {
        assertThat(SiteParity.files(pebbleSite)).isEqualTo(SiteParity.files(site));
        assertThat(SiteParity.differences(site, "freemarker", pebbleSite, "pebble")).isEmpty();
        assertThat(Files.isRegularFile(pebbleSite.resolve("tags/" + OPEN + "/page/1/index.html"))).isTrue();
    }
}

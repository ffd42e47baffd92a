package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.render.freemarker.FreemarkerEngine;
import dev.kaiyuan.render.pebble.PebbleEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default theme ({@code templates/*.ftlh}) and its Pebble port ({@code templates/pebble/})
 * give byte-identical markup for view records built by hand — including values no build produces
 * today (a display date without an ISO date, a source address that is not http(s), a source with
 * an address but no name), so the port stays right if the view records or readers change. Built
 * sites are compared as DOM in {@code EngineParityTest}.
 */
class DefaultThemeTemplatesParityTest {
    /** The helpers' inputs, with the site, as the data model of a one-line wrapper template. */
    public record HelperCase(SiteView site, String iso, String display, boolean approximate, String contextLang,
            int minutes) {
    }

    private static final SiteView ENGLISH = new SiteView("Kaiyuan", "", "en", Labels.forLanguage("en"), "", "");
    private static TemplateEngine freemarker;
    private static TemplateEngine pebble;

    @BeforeAll
    static void engines(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("helpers.ftlh"), "<#import \"layout.ftlh\" as layout>"
                + "<@layout.date iso=iso display=display approximate=approximate contextLang=contextLang/>"
                + "<@layout.readingTime minutes=minutes contextLang=contextLang/>", StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("helpers.peb"), "{% import \"macros.peb\" %}"
                + "{{ date(site, iso, display, approximate, contextLang) }}"
                + "{{ readingTime(site, minutes, contextLang) }}", StandardCharsets.UTF_8);
        freemarker = new FreemarkerEngine(List.of(tmp, Path.of("templates")));
        pebble = new PebbleEngine(List.of(tmp, Path.of("templates", "pebble")));
    }

    static Stream<HelperCase> helperCases() {
        List<HelperCase> cases = new ArrayList<>();
        for (String siteLang : List.of("en", "zh-Hans")) {
            SiteView site = new SiteView("Kaiyuan", "", siteLang, Labels.forLanguage(siteLang), "timeline/index.html", "tags/index.html");
            for (String iso : List.of("", "2025-08-21")) {
                for (String display : List.of("", "2025年8月21日", "<b>&\"</b>")) {
                    for (boolean approximate : List.of(false, true)) {
                        for (String contextLang : List.of("", "en", "zh-Hant")) {
                            for (int minutes : List.of(0, 5)) {
                                cases.add(new HelperCase(site, iso, display, approximate, contextLang, minutes));
                            }
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    private static IssueView issue(ArticleCard... cards) {
        return new IssueView("2025-w34", "Week 34, 2025", "18–24 August 2025", "issues/2025-w34/index.html",
                List.of(cards));
    }

    @ParameterizedTest
    @MethodSource("helperCases")
    void helpersGiveTheSameMarkup(HelperCase helperCase) throws RenderException {
        String expected = freemarker.render("helpers", helperCase);
        if (!helperCase.iso().isEmpty()) {
            assertThat(expected).contains("<time", "datetime=\"2025-08-21\"");
        }
        if (helperCase.minutes() > 0) {
            assertThat(expected).contains("class=\"reading-time\"", ">5 ");
        }

        assertThat(pebble.render("helpers", helperCase)).isEqualTo(expected);
    }

    static Stream<ArticlePage> articlePages() {
        List<ArticlePage> pages = new ArrayList<>();
        List<String> urls = List.of("", "https://e.com/?a=1&b=2", "HTTP://E.COM/", "http:/e.com", "ftp://e.com",
                "javascript:alert(1)");
        for (String sourceName : List.of("", "The Economist")) {
            for (String sourceUrl : urls) {
                for (boolean rich : List.of(false, true)) {
                    for (String lang : List.of("en", "zh-Hant")) {
                        pages.add(new ArticlePage(ENGLISH, "../../", article(sourceName, sourceUrl, rich, lang)));
                    }
                }
            }
        }
        return pages.stream();
    }

    /** {@code rich}: every optional field set (with markup to escape); otherwise all empty. */
    private static ArticleView article(String sourceName, String sourceUrl, boolean rich, String lang) {
        return new ArticleView(rich ? "Kaiyuan" : "A <title> & \"quotes\"", rich, lang,
                rich ? "2025-08-21" : "", rich ? "21 August 2025" : "", rich, rich ? "A <b>uthor" : "",
                sourceName, sourceUrl, rich ? List.of("open", "<tag>") : List.of(), rich ? "S & <s>" : "",
                "<p>Body &amp; <em>text</em></p>\n", List.of(), rich ? "© <r>" : "", rich ? 3 : 0, rich ? 2 : 0,
                rich ? List.of(new EntityLink("orgs", "Open<AI>", "orgs/openai/index.html"),
                        new EntityLink("people", "Sam Altman", "people/sam-altman/index.html")) : List.of(),
                rich ? List.of(new QuoteView("“Quoted” & <said>", "Sam <Altman>", "people/sam-altman/index.html"))
                        : List.of(),
                rich ? EVENTS : List.of(),
                rich ? "<svg class=\"timeline-strip\" viewBox=\"0 0 10 10\" role=\"img\" aria-label=\"t\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>" : "");
    }

    /** One event of each precision, one naming two entities and one naming none. */
    private static final List<EventView> EVENTS = List.of(
            new EventView("2025-08-01", "8月", "month", "OpenAI在8月推出了gpt-oss-120b。",
                    List.of(new EntityLink("models", "gpt-oss-120b", "models/gpt-oss-120b/index.html"),
                            new EntityLink("models", "gpt-<oss>-20b", "models/gpt-oss-20b/index.html"))),
            new EventView("2025-08-05", "2025年8月5日", "day", "…", List.of(
                    new EntityLink("orgs", "OpenAI", "orgs/openai/index.html"))),
            new EventView("2019-01-01", "2019年", "year", "…", List.of()),
            new EventView("2010-01-01", "2010年代 & <more>", "decade", "…", List.of(
                    new EntityLink("models", "BERT", "models/bert/index.html"))));

    /** Pages with only one of the knowledge parts, so each is seen without its neighbours. */
    static Stream<ArticlePage> knowledgeArticlePages() {
        ArticleView rich = article("The Economist", "https://e.com/", true, "zh-Hant");
        ArticleView quotesOnly = withKnowledge(rich, List.of(), rich.quotes(), List.of());
        ArticleView eventsOnly = withKnowledge(rich, List.of(), List.of(), rich.events());
        ArticleView mentionsOnly = withKnowledge(rich, List.of(new EntityLink("models", "DeepSeek-V4 (V4-Pro, V4-Flash; preview)",
                "models/deepseek-v4/index.html"), new EntityLink("people", "Ali 'Farhadi'", "people/ali-farhadi/index.html")),
                List.of(), List.of());
        SiteView chinese = new SiteView("開源週報", "", "zh-Hans", Labels.forLanguage("zh-Hans"), "timeline/index.html", "tags/index.html");
        return Stream.of(new ArticlePage(chinese, "../../", rich), new ArticlePage(ENGLISH, "../../", quotesOnly),
                new ArticlePage(chinese, "../../", eventsOnly), new ArticlePage(chinese, "../../", mentionsOnly));
    }

    private static ArticleView withKnowledge(ArticleView a, List<EntityLink> mentions, List<QuoteView> quotes,
            List<EventView> events) {
        return new ArticleView(a.title(), a.titleDerived(), a.lang(), a.dateIso(), a.dateDisplay(),
                a.dateApproximate(), a.author(), a.sourceName(), a.sourceUrl(), a.tags(), a.summary(), a.bodyHtml(),
                a.captions(), a.rights(), a.readingMinutes(), a.damageCount(), mentions, quotes, events,
                a.timelineStrip());
    }

    @ParameterizedTest
    @MethodSource("articlePages")
    void articlePagesGiveTheSameMarkup(ArticlePage page) throws RenderException {
        String expected = freemarker.render("article", page);
        assertThat(expected).contains("<p>Body &amp; <em>text</em></p>").doesNotContain("<title>A <");

        assertThat(pebble.render("article", page)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("knowledgeArticlePages")
    void articleQuotesEventsAndMentionsGiveTheSameMarkup(ArticlePage page) throws RenderException {
        String expected = freemarker.render("article", page);
        assertThat(expected).contains("<nav class=\"site-nav\">\n<a href=\"../../archive/index.html\">");
        if (page.site().timelineUrl().isEmpty()) {
            assertThat(expected).doesNotContain("timeline/index.html");
        } else {
            assertThat(expected).contains("<a href=\"../../timeline/index.html\">");
        }
        if (!page.article().events().isEmpty()) {
            // <time> is only as precise as the text; a decade has no <time> form.
            assertThat(expected).contains("<time datetime=\"2025-08\">8月</time>",
                    "<time datetime=\"2025-08-05\">", "<time datetime=\"2019\">2019年</time>",
                    "<span class=\"date\">2010年代 &amp; &lt;more&gt;</span>");
        }

        assertThat(pebble.render("article", page)).isEqualTo(expected);
    }

    private static final ArticleCard FULL = new ArticleCard("articles/a/index.html", "A <card>", "zh-Hant",
            "2025-08-21", "2025年8月21日", true, "觀察者網", "Summary & <more>", 5);
    private static final ArticleCard BARE = new ArticleCard("articles/b/index.html", "B", "", "", "", false, "", "", 0);
    private static final ArticleCard EXACT = new ArticleCard("articles/c/index.html", "Open \"weights\" & <co>", "en",
            "2025-08-19", "19 August 2025", false, "The <Economist>", "", 2);
    private static final ArticleCard DISPLAY_ONLY = new ArticleCard("articles/d/index.html", "八月", "zh-Hans", "",
            "2025年8月", true, "", "", 0);

    private static IssueView issue(String id, String label, String dateRange, ArticleCard... cards) {
        return new IssueView(id, label, dateRange, "issues/" + id + "/index.html", List.of(cards));
    }

    /** Three issues, the last across a year boundary, with a Chinese label and markup to escape. */
    private static final List<IssueView> ISSUES = List.of(
            issue("2025-w34", "Week 34, 2025", "18–24 August 2025", FULL, EXACT),
            issue("2025-w33", "2025年第33周", "2025年8月11日至17日", BARE),
            issue("2025-w01", "Week <1> & \"one\"", "30 December 2024 – 5 January 2025", DISPLAY_ONLY, EXACT, BARE));

    static Stream<HomePage> homePages() {
        SiteView described = new SiteView("Kaiyuan", "News <&> \"digest\"", "zh-Hans", Labels.forLanguage("zh-Hans"), "timeline/index.html", "tags/index.html");
        return Stream.of(
                new HomePage(ENGLISH, "", List.of(), List.of(), Pager.SINGLE),
                new HomePage(described, "", List.of(), List.of(), Pager.SINGLE),
                new HomePage(ENGLISH, "", List.of(issue(FULL, BARE)), List.of(), Pager.SINGLE),
                new HomePage(described, "", List.of(), List.of(BARE, FULL), Pager.SINGLE),
                new HomePage(described, "", List.of(issue(FULL)), List.of(BARE), Pager.SINGLE),
                // Several issues on the first of three pages, with undated articles.
                new HomePage(ENGLISH_WITH_TIMELINE, "", ISSUES, List.of(BARE, DISPLAY_ONLY),
                        new Pager("1 / 3", "", "page/2/index.html")),
                // The middle page: both neighbours; the last page: only the newer one.
                new HomePage(CHINESE, "../../", ISSUES.subList(1, 3), List.of(), new Pager("2 / 3", "index.html",
                        "page/3/index.html")),
                new HomePage(TAGS_ONLY, "../../", ISSUES.subList(2, 3), List.of(), new Pager("3 / 3",
                        "page/2/index.html", "")));
    }

    static Stream<SearchPage> searchPages() {
        SiteView traditional = new SiteView("開源週報", "", "zh-Hant", Labels.forLanguage("zh-Hant"), "", "");
        return Stream.of(new SearchPage(ENGLISH, "../"), new SearchPage(traditional, "../"));
    }

    /** The search page's own markup, its {@code <main>}; the layout around it is compared by the other pages. */
    @ParameterizedTest
    @MethodSource("searchPages")
    void searchPagesGiveTheSameMarkup(SearchPage page) throws RenderException {
        String expected = main(freemarker.render("search", page));
        assertThat(expected).contains("<form class=\"search-form\" role=\"search\"", "name=\"q\"",
                "<script src=\"../search/index.js\"></script>", "<script src=\"../assets/search.js\"></script>");

        assertThat(main(pebble.render("search", page))).isEqualTo(expected);
    }

    private static String main(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    }

    @ParameterizedTest
    @MethodSource("homePages")
    void homePagesGiveTheSameMarkup(HomePage page) throws RenderException {
        String expected = freemarker.render("index", page);
        assertThat(expected).contains("<a href=\"" + page.root() + "archive/index.html\">");
        if (!page.pager().previousUrl().isEmpty() || !page.pager().nextUrl().isEmpty()) {
            assertThat(expected).contains("<nav class=\"pager\"", "<span class=\"pager-position\">"
                    + page.pager().position() + "</span>");
        } else {
            assertThat(expected).doesNotContain("class=\"pager\"");
        }

        assertThat(pebble.render("index", page)).isEqualTo(expected);
    }

    /** A site with a tag index but no timeline. */
    private static final SiteView TAGS_ONLY = new SiteView("Kaiyuan", "", "en", Labels.forLanguage("en"), "",
            "tags/index.html");

    static Stream<IssuePage> issuePages() {
        return Stream.of(
                // The newest issue: only an older one; the oldest: only a newer one; one in between.
                new IssuePage(ENGLISH_WITH_TIMELINE, "../../", ISSUES.get(0), "issues/2025-w33/index.html", ""),
                new IssuePage(CHINESE, "../../", ISSUES.get(2), "", "issues/2025-w33/index.html"),
                new IssuePage(TAGS_ONLY, "../../", ISSUES.get(1), "issues/2025-w01/index.html",
                        "issues/2025-w34/index.html"),
                // The only issue: no pager at all.
                new IssuePage(ENGLISH, "../../", ISSUES.get(1), "", ""));
    }

    @ParameterizedTest
    @MethodSource("issuePages")
    void issuePagesGiveTheSameMarkup(IssuePage page) throws RenderException {
        String expected = freemarker.render("issue", page);
        assertThat(expected).doesNotContain("<1>", "<card>");
        if (page.olderUrl().isEmpty() && page.newerUrl().isEmpty()) {
            assertThat(expected).doesNotContain("class=\"pager\"");
        } else {
            assertThat(expected).contains("<nav class=\"pager\"");
        }

        assertThat(pebble.render("issue", page)).isEqualTo(expected);
    }

    private static final List<IssueLink> ISSUE_LINKS = ISSUES.stream()
            .map(i -> new IssueLink(i.id(), i.label(), i.dateRange(), i.url())).toList();

    static Stream<ArchivePage> archivePages() {
        List<ArchiveYear> years = List.of(
                new ArchiveYear("2025", List.of(
                        new ArchiveMonth("2025-08", "August 2025", "archive/2025/08/index.html", 2),
                        new ArchiveMonth("2025-01", "2025年1月 <one>", "archive/2025/01/index.html", 1))),
                new ArchiveYear("2024", List.of(
                        new ArchiveMonth("2024-12", "December 2024", "archive/2024/12/index.html", 1))));
        return Stream.of(
                // Years and months, undated articles and the issues.
                new ArchivePage(ENGLISH_WITH_TIMELINE, "../", years, List.of(BARE, FULL), ISSUE_LINKS),
                // Dated articles only, under a Chinese interface, one issue.
                new ArchivePage(CHINESE, "../", years.subList(1, 2), List.of(), ISSUE_LINKS.subList(0, 1)),
                // Undated articles only: no years, no issues.
                new ArchivePage(TAGS_ONLY, "../", List.of(), List.of(BARE), List.of()),
                // An empty site.
                new ArchivePage(ENGLISH, "../", List.of(), List.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("archivePages")
    void archivePagesGiveTheSameMarkup(ArchivePage page) throws RenderException {
        String expected = freemarker.render("archive", page);
        assertThat(expected).contains("<h1 class=\"page-title\">").doesNotContain("<one>", "<card>");

        assertThat(pebble.render("archive", page)).isEqualTo(expected);
    }

    static Stream<ArchiveMonthPage> archiveMonthPages() {
        return Stream.of(
                // A month between two others, its articles dated, approximate, by display only.
                new ArchiveMonthPage(ENGLISH_WITH_TIMELINE, "../../../", "2025-01", "January <2025>",
                        List.of(FULL, EXACT, DISPLAY_ONLY), "archive/2024/12/index.html", "archive/2025/08/index.html"),
                // The newest month, under a Chinese interface.
                new ArchiveMonthPage(CHINESE, "../../../", "2025-08", "2025年8月", List.of(EXACT),
                        "archive/2025/01/index.html", ""),
                // The only month.
                new ArchiveMonthPage(ENGLISH, "../../../", "2024-12", "December 2024", List.of(EXACT), "", ""));
    }

    @ParameterizedTest
    @MethodSource("archiveMonthPages")
    void archiveMonthPagesGiveTheSameMarkup(ArchiveMonthPage page) throws RenderException {
        String expected = freemarker.render("archive-month", page);
        assertThat(expected).contains("<h1 class=\"page-title\">").doesNotContain("<2025>", "<card>");
        if (page.olderUrl().isEmpty() && page.newerUrl().isEmpty()) {
            assertThat(expected).doesNotContain("<nav class=\"pager\"");
        } else {
            assertThat(expected).contains("<nav class=\"pager\"");
        }

        assertThat(pebble.render("archive-month", page)).isEqualTo(expected);
    }

    static Stream<TagsPage> tagsPages() {
        return Stream.of(
                new TagsPage(TAGS_ONLY, "../", List.of(new TagLink("open models", "tags/open-models/index.html", 12),
                        new TagLink("开放权重", "tags/开放权重/index.html", 3),
                        new TagLink("R&D <lab>", "tags/r-d-lab/index.html", 1))),
                new TagsPage(CHINESE, "../", List.of(new TagLink("DeepSeek", "tags/deepseek/index.html", 2))));
    }

    @ParameterizedTest
    @MethodSource("tagsPages")
    void tagsPagesGiveTheSameMarkup(TagsPage page) throws RenderException {
        String expected = freemarker.render("tags", page);
        assertThat(expected).contains("<ul class=\"tag-cloud\">", "<span class=\"count\">").doesNotContain("<lab>");

        assertThat(pebble.render("tags", page)).isEqualTo(expected);
    }

    static Stream<TagPage> tagPages() {
        return Stream.of(
                // A page between two others, with the tag's feed.
                new TagPage(TAGS_ONLY, "../../../../", "开放权重", List.of(FULL, EXACT, DISPLAY_ONLY),
                        new Pager("18–24 August 2025", "tags/开放权重/index.html", "tags/开放权重/page/1/index.html"),
                        "tags/开放权重/feed.xml"),
                // The same page without a feed (no base_url); a name to escape.
                new TagPage(CHINESE, "../../../../", "R&D <lab>", List.of(FULL, EXACT, DISPLAY_ONLY),
                        new Pager("2025年8月18日至24日 <&>", "tags/r-d-lab/page/3/index.html",
                                "tags/r-d-lab/page/1/index.html"), ""),
                // The first and the last page, with and without a feed; the last without a date to show.
                new TagPage(ENGLISH_WITH_TIMELINE, "../../", "open models", List.of(EXACT, BARE),
                        new Pager("1 August 2025", "", "tags/open-models/page/1/index.html"), "tags/open-models/feed.xml"),
                new TagPage(ENGLISH, "../../../../", "open models", List.of(BARE),
                        new Pager("", "tags/open-models/index.html", ""), ""),
                // A single page.
                new TagPage(ENGLISH, "../../", "DeepSeek", List.of(FULL), Pager.SINGLE, ""));
    }

    @ParameterizedTest
    @MethodSource("tagPages")
    void tagPagesGiveTheSameMarkup(TagPage page) throws RenderException {
        String expected = freemarker.render("tag", page);
        assertThat(expected).doesNotContain("<lab>", "<&>");
        if (!page.pager().position().isEmpty()) {
            assertThat(expected).contains("<span class=\"pager-position\">"
                    + page.pager().position().replace("<&>", "&lt;&amp;&gt;") + "</span>");
        } else {
            assertThat(expected).doesNotContain("pager-position");
        }
        if (!page.feedUrl().isEmpty()) {
            assertThat(expected).contains("<p class=\"feed-link\"><a href=\"" + page.root() + page.feedUrl() + "\"");
        }

        assertThat(pebble.render("tag", page)).isEqualTo(expected);
    }

    private static final SiteView CHINESE = new SiteView("开源周报", "中国开源模型", "zh-Hans",
            Labels.forLanguage("zh-Hans"), "timeline/index.html", "tags/index.html");

    private static ReleaseView release(String id, String name, boolean open, String dateIso, String org,
            String orgUrl, String country, String license, String parameters, List<EntityLink> articles) {
        return release(id, name, open, dateIso, org, orgUrl, country, license, parameters, articles, "");
    }

    private static ReleaseView release(String id, String name, boolean open, String dateIso, String org,
            String orgUrl, String country, String license, String parameters, List<EntityLink> articles, String more) {
        return new ReleaseView(id, name, "models/" + id + "/index.html", org, orgUrl, country, dateIso,
                dateIso.isEmpty() ? "" : dateIso.replace('-', '/'), open, open ? "open-unrestricted" : "api",
                license, parameters, false, articles, more);
    }

    private static final EntityLink SEED_ARTICLE = new EntityLink("articles", "《經濟學人》：中國正以開源模型悄然趕超美國",
            "articles/guancha/index.html");

    /**
     * Every optional part of a release row: with and without date, organization link, country,
     * license, parameters, articles, and more articles than the row lists.
     */
    private static final List<ReleaseView> RELEASES = List.of(
            release("gpt-oss-120b", "gpt-oss-120b", true, "2025-08-05", "OpenAI", "orgs/openai/index.html", "US",
                    "Apache-2.0", "117B / 5.1B", List.of(SEED_ARTICLE)),
            release("gpt-5", "GPT-5", false, "2025-08-07", "OpenAI", "orgs/openai/index.html", "US", "proprietary", "",
                    List.of(SEED_ARTICLE, new EntityLink("articles", "Second <one>", "articles/two/index.html")),
                    "等 1,234 篇 <more>"),
            release("deepseek-v4", "DeepSeek-V4 (V4-Pro, V4-Flash; preview)", true, "", "Unknown Lab", "", "", "",
                    "", List.of()));

    static Stream<EntityPage> entityPages() {
        ArticleCard approximate = new ArticleCard("articles/guancha/index.html", "《經濟學人》", "zh-Hant", "2025-08-21",
                "2025年8月21日", true, "觀察者網", "", 5);
        ArticleCard exact = new ArticleCard("articles/en/index.html", "Open weights", "en", "2025-08-30",
                "30 August 2025", false, "", "", 2);
        ArticleCard undated = new ArticleCard("articles/note/index.html", "A note", "", "", "", false, "", "", 0);
        List<FactView> orgFacts = List.of(new FactView("国家/地区", "US", ""),
                new FactView("URL", "https://openai.com/?a=1&b=2", "https://openai.com/?a=1&b=2"));
        return Stream.of(
                // An organization with its releases, facts with a link, and articles that mention it, on
                // the first of its pages.
                new EntityPage(CHINESE, "../../", "orgs", "openai", "OpenAI", List.of(), orgFacts, RELEASES,
                        List.of(approximate, exact, undated), new Pager("2025年8月1日至30日", "",
                                "orgs/openai/page/2/index.html")),
                // A later page of the same: articles only, both neighbours.
                new EntityPage(CHINESE, "../../../../", "orgs", "openai", "OpenAI", List.of(), List.of(), List.of(),
                        List.of(exact, undated), new Pager("2025年8月30日", "orgs/openai/index.html",
                                "orgs/openai/page/1/index.html")),
                // A person: no releases, no articles, several aliases; a site without a timeline.
                new EntityPage(new SiteView("Kaiyuan", "", "en", Labels.forLanguage("en"), "", ""), "../../", "people",
                        "ali-farhadi", "Ali Farhadi", List.of("阿里·法哈迪", "A. Farhadi"),
                        List.of(new FactView("Role", "CEO", ""), new FactView("Organization", "Ai2", "")),
                        List.of(), List.of(), Pager.SINGLE),
                // A model family: its members as releases, one alias, an English interface.
                new EntityPage(ENGLISH_WITH_TIMELINE, "../../", "models", "gpt-oss", "gpt-oss", List.of("GPT-OSS"),
                        List.of(new FactView("Organization", "OpenAI", ""), new FactView("Source",
                                "https://github.com/openai/gpt-oss", "https://github.com/openai/gpt-oss")),
                        RELEASES.subList(0, 1), List.of(exact), Pager.SINGLE),
                // Markup and quotes in every printed value.
                new EntityPage(CHINESE, "../../", "models", "x", "A <b>old</b> & \"quoted\" 'name'",
                        List.of("<alias>", "&amp;"), List.of(new FactView("<label>", "value & <more>", ""),
                                new FactView("部分核实", "license listed as 'other' on \"HF\"", ""),
                                new FactView("Source", "https://e.com/?q=<x>&y=\"1\"", "https://e.com/?q=<x>&y=\"1\"")),
                        List.of(release("x", "<script>alert(1)</script>", false, "2025-01-01", "Org & <Co>",
                                "orgs/x/index.html", "<CN>", "'MIT' & more", "1B < 2B",
                                List.of(new EntityLink("articles", "A \"title\" & <b>", "articles/a/index.html")))),
                        List.of(new ArticleCard("articles/a/index.html", "A <title> & 'quote'", "zh-Hant", "", "八月",
                                true, "", "", 0)), Pager.SINGLE));
    }

    private static final SiteView ENGLISH_WITH_TIMELINE = new SiteView("Kaiyuan", "Open models", "en",
            Labels.forLanguage("en"), "timeline/index.html", "");

    @ParameterizedTest
    @MethodSource("entityPages")
    void entityPagesGiveTheSameMarkup(EntityPage page) throws RenderException {
        String expected = freemarker.render("entity", page);
        assertThat(expected).contains("<h1 class=\"article-title\">").doesNotContain("<script>", "<b>old");
        if (!page.releases().isEmpty()) {
            assertThat(expected).contains("<ol class=\"releases\">", "class=\"release-name\" href=\"../../models/");
        }
        if (!page.pager().nextUrl().isEmpty()) {
            assertThat(expected).contains("<a rel=\"next\" href=\"" + page.root() + page.pager().nextUrl() + "\">");
        } else {
            assertThat(expected).doesNotContain("class=\"pager\"");
        }

        assertThat(pebble.render("entity", page)).isEqualTo(expected);
    }

    private static final List<EntityLink> FILTERS = List.of(
            new EntityLink("timeline", "全部", "timeline/index.html"),
            new EntityLink("timeline", "开放权重", "timeline/open/index.html"),
            new EntityLink("timeline", "闭源", "timeline/closed/index.html"),
            new EntityLink("timeline", "CN", "timeline/country/cn/index.html"),
            new EntityLink("timeline", "<US> & co", "timeline/country/us/index.html"));

    private static final List<TimelineYear> YEARS = List.of(
            new TimelineYear("2019", List.of(new TimelineMonth("2019-11", "2019年11月", RELEASES.subList(0, 1)))),
            new TimelineYear("2025", List.of(new TimelineMonth("2025-01", "January <2025>", RELEASES.subList(2, 3)),
                    new TimelineMonth("2025-08", "2025年8月", RELEASES.subList(0, 2)))));

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 240\" role=\"img\""
            + " aria-labelledby=\"chart-title\"><title id=\"chart-title\">Releases &amp; more</title>"
            + "<rect x=\"0\" y=\"10\" width=\"20\" height=\"30\" class=\"cn\"/></svg>";

    static Stream<TimelinePage> timelinePages() {
        List<ChartRowView> rows = List.of(new ChartRowView("2025 Q1", 3, 2, 1, 0, 6),
                new ChartRowView("2025 Q3", 12, 4, 0, 1, 17));
        List<EntityLink> exports = List.of(new EntityLink("files", "CSV", "timeline/releases.csv"),
                new EntityLink("files", "JSON", "timeline/releases.json"),
                new EntityLink("files", "Timeline<JS> & co", "timeline/timelinejs.json"));
        return Stream.of(
                // Everything, no chart or exports; the first filter is the current page.
                new TimelinePage(CHINESE, "../", "时间线", "timeline/index.html", FILTERS, YEARS, 4, "", List.of(),
                        List.of()),
                // One country, with the chart, its data and the exports.
                new TimelinePage(CHINESE, "../../../", "时间线 · CN", "timeline/country/cn/index.html", FILTERS,
                        YEARS.subList(1, 2), 3, SVG, rows, exports),
                // Exports without a chart; the current filter's name needs escaping.
                new TimelinePage(ENGLISH_WITH_TIMELINE, "../../../", "Timeline · <US> & co",
                        "timeline/country/us/index.html", FILTERS, YEARS, 4, "", List.of(), exports.subList(0, 1)),
                // A chart with no rows, and a view with no releases at all.
                new TimelinePage(ENGLISH_WITH_TIMELINE, "../../", "Timeline · Closed", "timeline/closed/index.html",
                        FILTERS, List.of(), 0, SVG, List.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("timelinePages")
    void timelinePagesGiveTheSameMarkup(TimelinePage page) throws RenderException {
        String expected = freemarker.render("timeline", page);
        assertThat(expected).contains("<span aria-current=\"page\">").doesNotContain("<US>", "<2025>");
        if (!page.chartSvg().isEmpty()) {
            assertThat(expected).contains(SVG);
        }

        assertThat(pebble.render("timeline", page)).isEqualTo(expected);
    }
}

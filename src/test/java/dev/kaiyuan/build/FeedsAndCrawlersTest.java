package dev.kaiyuan.build;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.Severity;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds and crawler files of a whole build ("Publishing"): the site's Atom feed, a tag feed and an
 * organization feed parsed back with Rome field by field, the sitemap checked against the pages
 * really written, robots.txt, a build without a base URL, and byte-identical feeds across builds.
 */
class FeedsAndCrawlersTest {
    static final String BASE = "https://example.org/digest/";
    static final String TITLE = "Feed Test Digest";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String SEED_SLUG = "guancha-china-open-models-economist";
    /** Older fillers, so that more dated articles exist than a feed carries. */
    static final int FILLERS = 21;

    @TempDir
    static Path project;
    @TempDir
    static Path outputs;
    static BuildResult result;
    static Path site;

    @BeforeAll
    static void buildProject() {
        write(project, "kaiyuan.yaml", """
                title: %s
                description: Open-model news
                language: en
                timezone: Asia/Shanghai
                """.formatted(TITLE));
        RepositoryProject.copyKnowledgeBase(RepositoryProject.copySeed(project));
        write(project, "seeds/week36.md", """
                ---
                title: 深度求索发布新模型
                date: 2025-09-03
                tags: [Open Models, DeepSeek]
                author: 张三
                source: 新华社
                summary: 'DeepSeek <b>ships</b> & "opens" weights'
                ---
                深度求索今天发布了新的开源模型，性能接近顶尖的专有模型。
                """);
        write(project, "seeds/week35.md", """
                ---
                title: Open weights catch up
                date: 2025-08-27
                lang: en
                tags: Open Models
                source: {name: The Economist, url: "https://www.economist.com/"}
                ---
                Open models are catching up with proprietary ones, says a new report.
                """);
        write(project, "seeds/undated.md", """
                ---
                title: A note without a date
                tags: [Open Models]
                ---
                This note has no date.
                """);
        for (int i = 1; i <= FILLERS; i++) {
            write(project, "seeds/filler-%02d.md".formatted(i), """
                    ---
                    title: Filler %02d
                    date: 2024-01-%02d
                    lang: en
                    ---
                    An older note.
                    """.formatted(i, i));
        }
        result = build("site", Optional.of(BASE));
        site = outputs.resolve("site");
    }

    static BuildResult build(String out, Optional<String> baseUrl) {
        return Build.run(new BuildRequest(project, outputs.resolve(out), false, false, baseUrl, Optional.empty()));
    }

    static String read(Path dir, String relative) {
        try {
            return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static SyndFeed feed(String relative) throws Exception {
        return new SyndFeedInput().build(new StringReader(read(site, relative)));
    }

    static Document xml(String relative) {
        return Jsoup.parse(read(site, relative), "", Parser.xmlParser());
    }

    static Date midnight(String day) {
        return Date.from(LocalDate.parse(day).atStartOfDay(ZONE).toInstant());
    }

    static String articleUrl(String slug) {
        return BASE + "articles/" + slug + "/";
    }

    /** The output file an absolute URL under the base names (percent-encoding undone). */
    static Path fileOf(String url) {
        assertThat(url).startsWith(BASE);
        String path = URI.create(url).getPath().substring(URI.create(BASE).getPath().length());
        return site.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
    }

    static List<String> hrefs(List<SyndLink> links, String rel) {
        return links.stream().filter(l -> rel.equals(l.getRel())).map(SyndLink::getHref).toList();
    }

    @Test
    void buildSucceedsWithoutTheBaseUrlWarning() {
        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        assertThat(result.diagnostics()).extracting(Diagnostic::code).doesNotContain("publish.no-base-url");
    }

    @Test
    void siteFeedHeaderNamesTheSiteWithAbsoluteLinksAndTheNewestArticleDate() throws Exception {
        SyndFeed feed = feed("feed.xml");

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).isEqualTo(BASE);
        assertThat(feed.getTitle()).isEqualTo(TITLE);
        assertThat(feed.getDescription()).isEqualTo("Open-model news");
        assertThat(hrefs(feed.getLinks(), "self")).containsExactly(BASE + "feed.xml");
        assertThat(hrefs(feed.getLinks(), "alternate")).containsExactly(BASE);
        assertThat(feed.getPublishedDate()).as("atom:updated").isEqualTo(midnight("2025-09-03"));
        Element root = xml("feed.xml").selectFirst("feed");
        assertThat(root.attr("xmlns")).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(root.attr("xml:lang")).isEqualTo("en");
        assertThat(root.selectFirst("> updated").text()).isEqualTo("2025-09-02T16:00:00Z");
    }

    @Test
    void siteFeedCarriesTheNewestTwentyDatedArticlesNewestFirst() throws Exception {
        List<SyndEntry> entries = feed("feed.xml").getEntries();

        assertThat(entries).hasSize(20);
        assertThat(entries.subList(0, 3)).extracting(SyndEntry::getUri)
                .containsExactly(articleUrl("week36"), articleUrl("week35"), articleUrl(SEED_SLUG));
        assertThat(entries.get(3).getTitle()).isEqualTo("Filler 21");
        assertThat(entries.get(19).getTitle()).isEqualTo("Filler 05");
        assertThat(entries).extracting(SyndEntry::getPublishedDate)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(entries).extracting(SyndEntry::getTitle).doesNotContain("A note without a date");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getUri()).startsWith(BASE + "articles/").endsWith("/");
            assertThat(e.getLink()).isEqualTo(e.getUri());
            assertThat(e.getUpdatedDate()).isEqualTo(e.getPublishedDate());
            assertThat(fileOf(e.getLink())).isRegularFile();
        });
    }

    @Test
    void entriesCarryDateSummaryAuthorCategoriesAndLanguage() throws Exception {
        SyndFeed feed = feed("feed.xml");
        SyndEntry week36 = feed.getEntries().get(0);
        SyndEntry week35 = feed.getEntries().get(1);
        SyndEntry filler = feed.getEntries().get(3);

        assertThat(week36.getTitle()).isEqualTo("深度求索发布新模型");
        assertThat(week36.getPublishedDate()).isEqualTo(midnight("2025-09-03"));
        assertThat(week36.getDescription().getType()).isEqualTo("text");
        assertThat(week36.getDescription().getValue()).isEqualTo("DeepSeek <b>ships</b> & \"opens\" weights");
        assertThat(week36.getAuthors()).extracting(SyndPerson::getName).containsExactly("张三");
        assertThat(week36.getCategories()).extracting(SyndCategory::getName).containsExactly("Open Models", "DeepSeek");
        assertThat(week35.getAuthors()).as("source name stands in for a missing author")
                .extracting(SyndPerson::getName).containsExactly("The Economist");
        assertThat(week35.getPublishedDate()).isEqualTo(midnight("2025-08-27"));
        assertThat(filler.getAuthors()).isEmpty();
        assertThat(feed.getAuthors()).as("feed-level author for entries without one")
                .extracting(SyndPerson::getName).containsExactly(TITLE);
        assertThat(filler.getCategories()).isEmpty();

        Document raw = xml("feed.xml");
        List<Element> entries = raw.select("feed > entry");
        assertThat(entries.get(0).attr("xml:lang")).isEqualTo("zh-Hans");
        assertThat(entries.get(1).attr("xml:lang")).isEqualTo("en");
        assertThat(entries.get(2).attr("xml:lang")).isEqualTo("zh-Hant");
        assertThat(entries.get(0).selectFirst("published").text()).isEqualTo("2025-09-02T16:00:00Z");
        assertThat(read(site, "feed.xml")).contains("DeepSeek &lt;b&gt;ships&lt;/b&gt; &amp; \"opens\" weights");
    }

    @Test
    void tagFeedHasTheTagsDatedArticles() throws Exception {
        SyndFeed feed = feed("tags/open-models/feed.xml");

        assertThat(feed.getTitle()).isEqualTo(TITLE + " · Open Models");
        assertThat(feed.getUri()).isEqualTo(BASE + "tags/open-models/");
        assertThat(hrefs(feed.getLinks(), "self")).containsExactly(BASE + "tags/open-models/feed.xml");
        assertThat(hrefs(feed.getLinks(), "alternate")).containsExactly(BASE + "tags/open-models/");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
                .containsExactly(articleUrl("week36"), articleUrl("week35"));
        assertThat(feed.getPublishedDate()).isEqualTo(midnight("2025-09-03"));
        assertThat(feed("tags/deepseek/feed.xml").getEntries()).extracting(SyndEntry::getUri)
                .containsExactly(articleUrl("week36"), articleUrl(SEED_SLUG));
    }

    @Test
    void tagFeedUrlsArePercentEncodedWhenTheSlugIsNotAscii() throws Exception {
        String encoded = BASE + "tags/%E9%96%8B%E6%BA%90%E6%A8%A1%E5%9E%8B/";
        SyndFeed feed = feed("tags/開源模型/feed.xml");

        assertThat(feed.getTitle()).isEqualTo(TITLE + " · 開源模型");
        assertThat(feed.getUri()).isEqualTo(encoded);
        assertThat(hrefs(feed.getLinks(), "self")).containsExactly(encoded + "feed.xml");
        assertThat(fileOf(encoded + "feed.xml")).isRegularFile();
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly(articleUrl(SEED_SLUG));
    }

    @Test
    void organizationFeedsListTheArticlesMentioningThem() throws Exception {
        SyndFeed openai = feed("orgs/openai/feed.xml");

        assertThat(openai.getTitle()).isEqualTo(TITLE + " · OpenAI");
        assertThat(openai.getUri()).isEqualTo(BASE + "orgs/openai/");
        assertThat(hrefs(openai.getLinks(), "alternate")).containsExactly(BASE + "orgs/openai/");
        assertThat(fileOf(BASE + "orgs/openai/")).isRegularFile();
        assertThat(hrefs(openai.getLinks(), "self")).containsExactly(BASE + "orgs/openai/feed.xml");
        assertThat(openai.getEntries()).extracting(SyndEntry::getUri).containsExactly(articleUrl(SEED_SLUG));
        assertThat(openai.getPublishedDate()).isEqualTo(midnight("2025-08-21"));
        assertThat(feed("orgs/deepseek/feed.xml").getEntries()).extracting(SyndEntry::getUri)
                .containsExactly(articleUrl("week36"), articleUrl(SEED_SLUG));
        assertThat(site.resolve("orgs/baidu/feed.xml")).as("an organization no article mentions").doesNotExist();
        assertThat(site.resolve("orgs/baidu/index.html")).isRegularFile();
    }

    @Test
    void sitemapListsEveryPageOnceAtItsCanonicalAbsoluteAddress() {
        Document sitemap = xml("sitemap.xml");
        Element urlset = sitemap.selectFirst("urlset");

        assertThat(read(site, "sitemap.xml")).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        assertThat(urlset.attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        List<String> locs = sitemap.select("urlset > url > loc").eachText();
        assertThat(locs).doesNotHaveDuplicates().allSatisfy(loc -> {
            assertThat(loc).startsWith(BASE).doesNotContain("index.html");
            assertThat(fileOf(loc)).isRegularFile();
        });
        List<String> written = TestSites.snapshot(site).keySet().stream().filter(p -> p.endsWith(".html"))
                .filter(p -> !p.equals("404.html")).sorted().toList();
        List<String> listed = new ArrayList<>();
        locs.forEach(loc -> listed.add(site.relativize(fileOf(loc)).toString().replace('\\', '/')));
        assertThat(listed).isEqualTo(written);
        assertThat(locs).contains(BASE, articleUrl("week36"), BASE + "orgs/openai/", BASE + "timeline/");
    }

    @Test
    void sitemapGivesArticlePagesTheirDayAsLastmod() {
        Map<String, String> lastmod = new java.util.TreeMap<>();
        for (Element url : xml("sitemap.xml").select("urlset > url")) {
            Element mod = url.selectFirst("lastmod");
            if (mod != null) {
                lastmod.put(url.selectFirst("loc").text(), mod.text());
            }
        }
        assertThat(lastmod.values()).allSatisfy(d -> assertThat(d).matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(lastmod).containsEntry(articleUrl("week36"), "2025-09-03")
                .containsEntry(articleUrl(SEED_SLUG), "2025-08-21")
                .containsEntry(articleUrl("filler-01"), "2024-01-01")
                .doesNotContainKey(BASE).doesNotContainKey(articleUrl("undated"));
        assertThat(lastmod.keySet()).allSatisfy(loc -> assertThat(loc).startsWith(BASE + "articles/"));
        assertThat(lastmod).hasSize(3 + FILLERS);
    }

    @Test
    void robotsAllowEverythingAndNameTheSitemap() {
        assertThat(read(site, "robots.txt")).isEqualTo("User-agent: *\nAllow: /\n\nSitemap: " + BASE + "sitemap.xml\n");
    }

    @Test
    void withoutBaseUrlThereAreNoFeedsNorSitemapAndOneWarning() {
        BuildResult plain = build("plain", Optional.empty());
        Path out = outputs.resolve("plain");

        assertThat(plain.succeeded()).isTrue();
        assertThat(TestSites.snapshot(out).keySet()).noneMatch(p -> p.endsWith(".xml"))
                .contains("index.html", "robots.txt");
        assertThat(read(out, "robots.txt")).isEqualTo("User-agent: *\nAllow: /\n");
        List<Diagnostic> warnings = plain.diagnostics().stream()
                .filter(d -> d.code().equals("publish.no-base-url")).toList();
        assertThat(warnings).hasSize(1);
        Diagnostic warning = warnings.get(0);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.where().path()).isEqualTo("kaiyuan.yaml");
        assertThat(warning.title()).isEqualTo("no base_url: feeds, sitemap and canonical links are left out");
        assertThat(warning.hint()).isEqualTo("set base_url in kaiyuan.yaml or pass --base-url https://…");
        assertThat(plain.warnings()).isEqualTo(result.warnings() + 1);
    }

    @Test
    void feedsAndCrawlerFilesAreByteIdenticalAcrossBuilds() {
        Locale locale = Locale.getDefault();
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            // A different JVM locale and zone must not leak into dates or text.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            assertThat(build("again", Optional.of(BASE)).succeeded()).isTrue();
        } finally {
            Locale.setDefault(locale);
            java.util.TimeZone.setDefault(zone);
        }
        Map<String, byte[]> first = TestSites.snapshot(site);
        Map<String, byte[]> second = TestSites.snapshot(outputs.resolve("again"));
        List<String> published = first.keySet().stream()
                .filter(p -> p.endsWith(".xml") || p.equals("robots.txt")).toList();

        assertThat(published).contains("feed.xml", "sitemap.xml", "robots.txt", "tags/open-models/feed.xml",
                "orgs/openai/feed.xml");
        assertThat(second.keySet()).containsAll(published);
        assertThat(published).allSatisfy(p -> assertThat(second.get(p)).as(p).isEqualTo(first.get(p)));
    }
}

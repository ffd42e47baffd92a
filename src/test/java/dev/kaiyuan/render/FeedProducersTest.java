package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.ArticleDate;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.ReadingTime;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.model.Source;
import dev.kaiyuan.model.SourceRef;
import dev.kaiyuan.model.TagGroup;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The feed, sitemap and robots.txt producers on hand-made site models. */
class FeedProducersTest {
    static final String BASE = "https://example.org/sub/";
    static final SiteConfig WITH_BASE = SiteConfig.defaults().withBaseUrl(BASE);

    static Article article(String slug, Optional<LocalDate> day, String title, List<String> tags) {
        return new Article(SourceRef.file("seeds/" + slug + ".md"), slug, title, false, day.map(ArticleDate::exact),
                "en", Optional.of(Source.named("Outlet")), Optional.empty(), tags, "Summary of " + slug,
                "<p>Body</p>", List.of(), Optional.empty(), List.of(), ReadingTime.of(0, 2), "UTF-8", false, "Body");
    }

    static Article dated(String slug, String day) {
        return article(slug, Optional.of(LocalDate.parse(day)), "Title " + slug, List.of());
    }

    static List<RenderedPage> produce(SiteModel site, SiteConfig config, List<RenderedPage> pages,
            DiagnosticSink sink) {
        SiteContext context = new SiteContext(site, config, Labels.forLanguage("en"),
                pages.stream().map(RenderedPage::path).toList());
        List<RenderedPage> files = new ArrayList<>();
        PageRenderer.publishingProducers().forEach(p -> files.addAll(p.produce(context, sink)));
        return files;
    }

    static Map<String, String> byPath(List<RenderedPage> files) {
        Map<String, String> map = new java.util.TreeMap<>();
        files.forEach(f -> map.put(f.path(), f.html()));
        return map;
    }

    static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    @Test
    void absoluteUrlsDropIndexHtmlAndPercentEncode() {
        assertThat(SiteUrls.absolute(BASE, "index.html")).isEqualTo(BASE);
        assertThat(SiteUrls.absolute(BASE, "articles/a-b/index.html")).isEqualTo(BASE + "articles/a-b/");
        assertThat(SiteUrls.absolute(BASE, "feed.xml")).isEqualTo(BASE + "feed.xml");
        assertThat(SiteUrls.absolute(BASE, "tags/x/myindex.html")).isEqualTo(BASE + "tags/x/myindex.html");
        assertThat(SiteUrls.absolute(BASE, "a b/開&.html")).isEqualTo(BASE + "a%20b/%E9%96%8B%26.html");
    }

    @Test
    void withoutBaseUrlOnlyRobotsIsWrittenAndOneWarningForAllProducers() {
        DiagnosticSink sink = new DiagnosticSink();
        SiteModel site = new SiteModel(List.of(dated("a", "2025-01-02")), List.of());

        Map<String, String> files = byPath(produce(site, SiteConfig.defaults(),
                List.of(new RenderedPage("index.html", "<p>")), sink));

        assertThat(files).containsOnlyKeys("robots.txt");
        assertThat(files.get("robots.txt")).isEqualTo("User-agent: *\nAllow: /\n");
        assertThat(sink.sorted()).extracting(Diagnostic::code).containsExactly("publish.no-base-url");
        assertThat(sink.warningCount()).isEqualTo(1);
    }

    @Test
    void charactersXmlCannotCarryAreDroppedAndTheFeedStillParses() throws Exception {
        Article nasty = article("nasty", Optional.of(LocalDate.of(2025, 3, 4)), "Bell\u0007 & <tag> \uFFFE end",
                List.of("ta\u0000g"));
        SiteModel site = new SiteModel(List.of(nasty), List.of());

        String xml = byPath(produce(site, WITH_BASE, List.of(), new DiagnosticSink())).get("feed.xml");
        SyndEntry entry = parse(xml).getEntries().get(0);

        assertThat(entry.getTitle()).isEqualTo("Bell & <tag>  end");
        assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactly("tag");
        assertThat(entry.getAuthors()).extracting(SyndPerson::getName).containsExactly("Outlet");
        assertThat(xml).doesNotContain("\r").endsWith("</feed>\n");
    }

    @Test
    void collectionsWithoutDatedArticlesGetNoFeed() {
        Article undated = article("u", Optional.empty(), "Undated", List.of("Lonely"));
        Article a = article("a", Optional.of(LocalDate.of(2025, 1, 2)), "A", List.of("Busy"));
        TagGroup lonely = new TagGroup("Lonely", "lonely", List.of(undated));
        TagGroup busy = new TagGroup("Busy", "busy", List.of(a));
        SiteModel site = new SiteModel(List.of(a), List.of(undated), List.of(), List.of(busy, lonely),
                Gazetteer.EMPTY, Map.of());

        Map<String, String> files = byPath(produce(site, WITH_BASE, List.of(), new DiagnosticSink()));

        assertThat(files).containsKeys("feed.xml", "tags/busy/feed.xml").doesNotContainKey("tags/lonely/feed.xml");
        assertThat(AtomFeedProducer.tagFeed(busy, WITH_BASE)).isEqualTo("tags/busy/feed.xml");
        assertThat(AtomFeedProducer.tagFeed(lonely, WITH_BASE)).isEmpty();
        assertThat(AtomFeedProducer.tagFeed(busy, SiteConfig.defaults())).isEmpty();

        SiteModel onlyUndated = new SiteModel(List.of(), List.of(undated));
        assertThat(byPath(produce(onlyUndated, WITH_BASE, List.of(), new DiagnosticSink())))
                .containsOnlyKeys("robots.txt", "sitemap.xml");
    }

    @Test
    void feedUpdatedIsTheNewestArticleDayInTheConfiguredZone() throws Exception {
        SiteConfig tokyo = WITH_BASE.withTitle("T").withLanguage("ja").withZone(java.time.ZoneId.of("Asia/Tokyo"));
        SiteModel site = new SiteModel(List.of(dated("new", "2025-06-30"), dated("old", "2024-02-29")), List.of());

        String xml = byPath(produce(site, tokyo, List.of(), new DiagnosticSink())).get("feed.xml");

        assertThat(xml).contains("<updated>2025-06-29T15:00:00Z</updated>", "<published>2024-02-28T15:00:00Z</published>")
                .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">");
        assertThat(parse(xml).getEntries()).extracting(SyndEntry::getUri)
                .containsExactly(BASE + "articles/new/", BASE + "articles/old/");
    }

    @Test
    void sitemapSkipsThe404PageAndNonHtmlFilesAndSortsByPath() {
        List<RenderedPage> pages = List.of(new RenderedPage("timeline/index.html", ""),
                new RenderedPage("articles/a/index.html", ""), new RenderedPage("404.html", ""),
                new RenderedPage("timeline/releases.csv", ""), new RenderedPage("index.html", ""));
        SiteModel site = new SiteModel(List.of(dated("a", "2025-01-02")), List.of());

        String sitemap = byPath(produce(site, WITH_BASE, pages, new DiagnosticSink())).get("sitemap.xml");

        assertThat(sitemap).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url>
                    <loc>https://example.org/sub/articles/a/</loc>
                    <lastmod>2025-01-02</lastmod>
                  </url>
                  <url>
                    <loc>https://example.org/sub/</loc>
                  </url>
                  <url>
                    <loc>https://example.org/sub/timeline/</loc>
                  </url>
                </urlset>
                """);
    }
}

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

    private static final SiteView ENGLISH = new SiteView("Kaiyuan", "", "en", Labels.forLanguage("en"), "");
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
            SiteView site = new SiteView("Kaiyuan", "", siteLang, Labels.forLanguage(siteLang), "timeline/index.html");
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
                rich ? List.of(new EventView("2025-08-01", "8月", "month", "OpenAI在8月推出了gpt-oss-120b。",
                        List.of(new EntityLink("models", "gpt-oss-120b", "models/gpt-oss-120b/index.html"))))
                        : List.of());
    }

    @ParameterizedTest
    @MethodSource("articlePages")
    void articlePagesGiveTheSameMarkup(ArticlePage page) throws RenderException {
        String expected = freemarker.render("article", page);
        assertThat(expected).contains("<p>Body &amp; <em>text</em></p>").doesNotContain("<title>A <");

        assertThat(pebble.render("article", page)).isEqualTo(expected);
    }

    static Stream<HomePage> homePages() {
        ArticleCard full = new ArticleCard("articles/a/index.html", "A <card>", "zh-Hant", "2025-08-21",
                "2025年8月21日", true, "觀察者網", "Summary & <more>", 5);
        ArticleCard bare = new ArticleCard("articles/b/index.html", "B", "", "", "", false, "", "", 0);
        SiteView described = new SiteView("Kaiyuan", "News <&> \"digest\"", "zh-Hans", Labels.forLanguage("zh-Hans"), "timeline/index.html");
        return Stream.of(
                new HomePage(ENGLISH, "", List.of(), List.of()),
                new HomePage(described, "", List.of(), List.of()),
                new HomePage(ENGLISH, "", List.of(full, bare), List.of()),
                new HomePage(described, "", List.of(), List.of(bare, full)),
                new HomePage(described, "", List.of(full), List.of(bare)));
    }

    @ParameterizedTest
    @MethodSource("homePages")
    void homePagesGiveTheSameMarkup(HomePage page) throws RenderException {
        String expected = freemarker.render("index", page);

        assertThat(pebble.render("index", page)).isEqualTo(expected);
    }
}

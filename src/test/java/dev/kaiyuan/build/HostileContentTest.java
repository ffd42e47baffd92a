package dev.kaiyuan.build;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.ArticleDate;
import dev.kaiyuan.model.ReadingTime;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.model.Source;
import dev.kaiyuan.model.SourceRef;
import dev.kaiyuan.render.PageRenderer;
import dev.kaiyuan.render.RenderedPage;
import dev.kaiyuan.render.freemarker.FreemarkerEngine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeds are scraped from the web and must be treated as hostile: whatever they contain, no
 * generated page may run script, load frames or plugins, restyle the page, or link to
 * {@code javascript:} / {@code data:} URLs; markup in metadata is shown as text.
 */
class HostileContentTest {
    static final String HOSTILE_TITLE = "<script>alert(1)</script>";
    static final String HOSTILE_AUTHOR = "<img src=x onerror=alert(1)>";

    static final String HOSTILE_MARKDOWN = """
            ---
            title: "<script>alert(1)</script>"
            author: '<img src=x onerror=alert(1)>'
            source: {name: "<b onmouseover=alert(1)>Evil</b>"}
            tags: ["<script>alert(2)</script>", "<a href='javascript:alert(3)'>t</a>", plain]
            summary: "<svg onload=alert(4)>"
            date: 2025-07-01
            ---
            Intro paragraph survives.

            <script>alert(1)</script>

            <img src=x onerror=alert(1)>

            [click](javascript:alert(1)) and [spaced](  JaVaScRiPt:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

            <a href="JaVaScRiPt:alert(1)">mixed case</a> <a href=" javascript:alert(1)">spaced</a> <a href="jav&#x09;ascript:alert(1)">tab</a> <a href="vbscript:msgbox(1)">vb</a>

            <iframe src="https://evil.example/"></iframe>

            <svg onload=alert(1)><circle r=1></circle></svg>

            <style>body{display:none}</style>

            <object data="x.swf"></object><embed src="x.swf">

            <form action="https://evil.example/"><input name=q><button formaction="javascript:alert(1)">go</button></form>

            <p onclick="alert(1)" style="position:fixed;top:0">styled</p>

            <base href="https://evil.example/">

            <meta http-equiv="refresh" content="0;url=javascript:alert(1)">

            ![img](javascript:alert(1))

            <a href="data:text/html,<script>alert(1)</script>">data link</a>

            <math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>

            <noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>

            <div><a href="https://example.com/ok">a fine link</a> and [protocol-relative](//evil.example/proto)</div>

            [protocol-relative too](//evil.example/proto2)
            """;

    static final String HOSTILE_TEXT = """
            A raw scraped article whose opening line is long enough to be a normal paragraph.
            This line has <script>alert(1)</script> inside it and goes on for a while longer.
            Another line <img src=x onerror=alert(1)> with more words after it to be prose text.
            The last line is plain and ends the article with a full stop.
            """;

    /** A saved web page full of active content. */
    static final String HOSTILE_HTML_PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Saved page</title>
            <script>alert('head')</script>
            <style>body{display:none}</style>
            <link rel="stylesheet" href="https://evil.example/x.css">
            <base href="https://evil.example/">
            </head>
            <body onload="alert('body')">
            <nav><a href="javascript:alert('nav')">Home</a></nav>
            <article>
            <h1>Saved page</h1>
            <p>Safe paragraph text from the saved page, long enough to count as the article body.</p>
            <p onmouseover="alert('p')">Another paragraph <a href="JaVaScRiPt:alert('a')">with a link</a>
            and <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a data link</a>.</p>
            <img src="x" onerror="alert('img')">
            <iframe src="https://evil.example/frame"></iframe>
            <object data="x.swf"></object><embed src="x.swf">
            <svg><script>alert('svg')</script></svg>
            <script>alert('body script')</script>
            <form action="javascript:alert('form')"><input></form>
            </article>
            </body>
            </html>
            """;

    @TempDir
    Path project;

    private BuildResult build() {
        BuildResult result = Build.run(BuildRequest.of(project));
        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        return result;
    }

    @Test
    void hostileMarkdownAndRawTextProduceInertPages() {
        write(project, "seeds/hostile.md", HOSTILE_MARKDOWN);
        write(project, "seeds/raw.txt", HOSTILE_TEXT);
        BuildResult result = build();
        assertThat(result.diagnostics()).as("removed markup is reported, not dropped silently")
                .anySatisfy(d -> {
                    assertThat(d.code()).isEqualTo("html.unsafe");
                    assertThat(d.where().path()).isEqualTo("seeds/hostile.md");
                });

        Map<String, Document> pages = TestSites.pages(project.resolve("site"));
        assertThat(pages).containsKeys("index.html", "articles/hostile/index.html", "articles/raw/index.html");
        pages.forEach(HostileContentTest::assertInert);

        Document page = pages.get("articles/hostile/index.html");
        Element h1 = page.selectFirst("h1.article-title");
        assertThat(h1.text()).isEqualTo(HOSTILE_TITLE);
        assertThat(h1.children()).isEmpty();
        assertThat(page.title()).startsWith(HOSTILE_TITLE);
        assertThat(page.select(".byline .author").text()).contains(HOSTILE_AUTHOR);
        assertThat(page.select(".byline .source").text()).contains("<b onmouseover=alert(1)>Evil</b>");
        assertThat(page.select(".tag").eachText()).containsExactly("<script>alert(2)</script>",
                "<a href='javascript:alert(3)'>t</a>", "plain");
        assertThat(page.select("meta[name=description]").attr("content")).isEqualTo("<svg onload=alert(4)>");
        assertThat(page.select("main .body").text()).contains("Intro paragraph survives.", "a fine link");
        assertThat(page.select("main .body a[href=https://example.com/ok]")).hasSize(1);
        List<Element> leaving = page.select("a[href]").stream()
                .filter(a -> a.attr("href").strip().matches("(?i)(https?:)?//.*")).toList();
        assertThat(leaving).extracting(a -> a.attr("href")).contains("https://example.com/ok",
                "https://evil.example/proto2");
        assertThat(leaving).allSatisfy(a -> assertThat(a.attr("rel").split(" "))
                .as(a.outerHtml()).contains("noopener", "noreferrer"));

        Element card = pages.get("index.html").selectFirst(".card-title a");
        assertThat(card.text()).isEqualTo(HOSTILE_TITLE);
        assertThat(card.children()).isEmpty();

        Document raw = pages.get("articles/raw/index.html");
        assertThat(raw.select("main .body p").eachText()).anySatisfy(p -> assertThat(p).contains("alert(1)"));
    }

    @Test
    void scriptUrlAsSourceIsAnErrorNamingTheValue() {
        write(project, "seeds/hostile.md", """
                ---
                title: Source with a script URL
                source: {name: x, url: "javascript:alert(1)"}
                date: 2025-07-01
                ---
                Body text.
                """);

        BuildResult result = Build.run(BuildRequest.of(project));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
            assertThat(d.where().toString()).isEqualTo("seeds/hostile.md:3:24");
            assertThat(d.title()).contains("http");
            assertThat(d.detail()).contains("javascript:alert(1)");
        });
        assertThat(project.resolve("site")).doesNotExist();
    }

    /** Defence in depth: should a non-web source URL ever reach the template, it is not a link. */
    @Test
    void templateNeverLinksANonWebSourceUrl() throws Exception {
        Article article = new Article(SourceRef.file("seeds/x.md"), "x", "Title", false,
                Optional.of(ArticleDate.exact(LocalDate.of(2025, 7, 1))), "en",
                Optional.of(new Source("Outlet", Optional.of(" JavaScript:alert(1)"))), Optional.empty(),
                List.of(), "Summary", "<p>Body</p>", List.of(), Optional.empty(), List.of(),
                ReadingTime.of(0, 2), "UTF-8", false, "Body");
        PageRenderer renderer = new PageRenderer(new FreemarkerEngine(List.of(Path.of("templates"))), name -> "templates/" + name);
        DiagnosticSink sink = new DiagnosticSink();

        List<RenderedPage> pages = renderer.render(new SiteModel(List.of(article), List.of()),
                SiteConfig.defaults(), sink).stream().filter(p -> p.path().endsWith(".html")).toList();

        assertThat(sink.sorted()).extracting(Diagnostic::code).isEmpty();
        assertThat(pages).extracting(RenderedPage::path).contains("index.html", "articles/x/index.html",
                "search/index.html");
        pages.forEach(p -> assertInert(p.path(), Jsoup.parse(p.html())));
        Document page = Jsoup.parse(pages.stream().filter(p -> p.path().equals("articles/x/index.html")).findFirst()
                .orElseThrow().html());
        assertThat(page.select(".byline .source").text()).contains("Outlet");
    }

    @Test
    void hostileSavedHtmlPageProducesAnInertPage() {
        write(project, "seeds/saved.html", HOSTILE_HTML_PAGE);
        write(project, "seeds/saved.meta.yaml", """
                title: Saved page
                date: 2025-07-02
                """);
        build();

        Map<String, Document> pages = TestSites.pages(project.resolve("site"));
        assertThat(pages).containsKeys("index.html", "articles/saved/index.html");
        pages.forEach(HostileContentTest::assertInert);
        Document page = pages.get("articles/saved/index.html");
        assertThat(page.select("main").text()).contains("Safe paragraph text from the saved page")
                .doesNotContain("alert(");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("../../assets/style.css");
        assertThat(page.select("base")).isEmpty();
    }

    /**
     * The safety rules every generated page must meet. The theme's search page is the one page with
     * script and a form of its own: exactly its two external scripts and its search form are allowed
     * there, nothing else, and nothing of the content (which reaches it only as index data).
     */
    static void assertInert(String path, Document page) {
        List<String> problems = new ArrayList<>();
        if (path.equals("search/index.html")) {
            page = page.clone();
            for (Element script : page.select("script[src=../search/index.js], script[src=../assets/search.js]")) {
                if (script.data().isEmpty() && script.attributesSize() == 1) {
                    script.remove();
                }
            }
            page.select("main #search > form.search-form[role=search]").remove();
        }
        if (!page.select("script").isEmpty()) {
            problems.add("<script> element: " + page.select("script").outerHtml());
        }
        for (Element el : page.getAllElements()) {
            for (Attribute attr : el.attributes()) {
                String name = attr.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    problems.add("event handler " + el.tagName() + "[" + name + "]");
                }
                if (List.of("href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href",
                        "background").contains(name) && isScriptUrl(attr.getValue())) {
                    problems.add("script URL " + el.tagName() + "[" + name + "=" + attr.getValue() + "]");
                }
            }
        }
        Element main = page.selectFirst("main");
        if (main == null) {
            problems.add("no <main>");
        } else {
            for (Element el : main.select("iframe, frame, frameset, object, embed, style, link, meta, base, "
                    + "form, input, button, svg, math")) {
                problems.add("<" + el.tagName() + "> inside main");
            }
            for (Element el : main.select("[style]")) {
                problems.add("style attribute on " + el.tagName() + " inside main");
            }
        }
        for (Element el : page.select("base, meta[http-equiv]")) {
            problems.add("<" + el.tagName() + "> " + el.outerHtml());
        }
        assertThat(problems).as("unsafe markup in %s", path).isEmpty();
    }

    /** Browsers ignore leading spaces and tabs/newlines inside the scheme, and case. */
    static boolean isScriptUrl(String value) {
        String squeezed = value.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
        return squeezed.startsWith("javascript:") || squeezed.startsWith("data:")
                || squeezed.startsWith("vbscript:");
    }
}

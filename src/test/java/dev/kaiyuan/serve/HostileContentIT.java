package dev.kaiyuan.serve;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Hostile seeds in a real browser: script tags, event handlers and {@code javascript:} links in
 * Markdown, in a saved HTML page and in front matter. Every payload tries to open a dialog and to
 * leave a mark in the page; none may succeed, on any page of the site, even when its links are clicked.
 */
@Timeout(120)
class HostileContentIT {
    static final String MARK = "var m=document.createElement('div');m.id='pwned';document.body.appendChild(m);"
            + "window.__pwned=1;alert('pwned')";

    @TempDir
    static Path project;
    static Chromium chromium;
    static Chromium.Served served;

    @BeforeAll
    static void serve() throws IOException {
        Chromium.requireInstalled();
        write(project, "seeds/markdown.md", """
                ---
                title: "<script>%1$s</script><img src=x onerror=\\"%1$s\\">"
                date: 2025-08-21
                author: "<svg onload=\\"%1$s\\"></svg>"
                summary: "<img src=x onerror=\\"%1$s\\"> summary"
                tags: ["<script>%1$s</script>", "normal"]
                source: "<iframe src=\\"javascript:%1$s\\"></iframe>"
                ---
                Hostile Markdown body.

                <script>%1$s</script>

                <img src="x" onerror="%1$s">

                <a href="javascript:%1$s">raw javascript link</a>

                [markdown javascript link](javascript:alert('pwned'))

                [entity javascript link](JaVaScRiPt:alert('pwned'))

                <div onmouseover="%1$s" style="height:300px">hover me</div>

                <iframe srcdoc="<script>parent.alert('pwned')</script>"></iframe>

                <svg><script>%1$s</script></svg>

                <form action="javascript:alert('pwned')"><button id="submit-me">send</button></form>

                <a href="data:text/html,<script>alert('pwned')</script>">data link</a>
                """.formatted(MARK));
        write(project, "seeds/saved-page.html", """
                <!doctype html>
                <html><head><title>Saved hostile page</title>
                <meta property="article:published_time" content="2025-08-20">
                <script>%1$s</script>
                <meta http-equiv="refresh" content="0;url=javascript:alert('pwned')">
                </head>
                <body onload="%1$s">
                <article>
                <h1>Saved hostile page</h1>
                <p>A saved page with hostile parts, long enough to count as the article's main text for the extractor.</p>
                <p><img src="x" onerror="%1$s"> <a href="javascript:%1$s">saved javascript link</a></p>
                <p style="background:url(javascript:alert('pwned'))">Styled paragraph with more words for the extractor.</p>
                <object data="javascript:alert('pwned')"></object><embed src="javascript:alert('pwned')">
                </article>
                </body></html>
                """.formatted(MARK));
        served = Chromium.Served.start(project);
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() {
        Chromium.closeAll(chromium, served);
    }

    private void assertNothingRan(String where) {
        // give handlers (onerror, onload) a moment to fire if anything let them through
        chromium.waitUpTo(Duration.ofSeconds(5)).until(d -> "complete".equals(chromium.js("return document.readyState")));
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(chromium.openDialog()).as("dialog on " + where).isEmpty();
        assertThat(chromium.driver.findElements(By.id("pwned"))).as("injected element on " + where).isEmpty();
        assertThat(chromium.js("return window.__pwned === undefined")).as("script ran on " + where).isEqualTo(true);
        assertThat(chromium.driver.findElements(By.cssSelector("main script, main iframe, main object, main embed, "
                + "main [onerror], main [onload], main [onmouseover], main a[href^='javascript' i], "
                + "main a[href^='data:' i], main form[action^='javascript' i]"))).as("active content on " + where).isEmpty();
    }

    @Test
    void noPageOfTheSiteRunsHostileContent() {
        List<String> pages = new ArrayList<>(List.of("", "articles/markdown/index.html", "tags/index.html",
                "archive/index.html", "archive/2025/08/index.html"));
        HttpResponse<String> saved = Http.get(URI.create(served.url("articles/saved-page/index.html")));
        assertThat(saved.statusCode()).as(served.log().toString()).isEqualTo(200);
        pages.add("articles/saved-page/index.html");
        // both articles are of August 2025: their titles are listed on that month's page
        assertThat(Http.get(URI.create(served.url("archive/2025/08/index.html"))).statusCode()).isEqualTo(200);
        for (String page : pages) {
            chromium.driver.get(served.url(page));
            assertNothingRan(page);
        }
    }

    @Test
    void clickingEveryLinkAndHoveringTheBodyRunsNothing() {
        chromium.driver.get(served.url("articles/markdown/index.html"));
        assertNothingRan("the article");
        List<WebElement> links = chromium.driver.findElements(By.cssSelector("main a[href]"));
        int count = links.size();
        for (int i = 0; i < count; i++) {
            chromium.driver.get(served.url("articles/markdown/index.html"));
            WebElement link = chromium.driver.findElements(By.cssSelector("main a[href]")).get(i);
            String href = link.getAttribute("href");
            if (href != null && href.startsWith("http") && !href.startsWith(served.url(""))) {
                continue; // an external link: the test machine has no network
            }
            chromium.js("arguments[0].click()", link);
            assertNothingRan("after clicking " + href);
        }
        chromium.driver.get(served.url("articles/markdown/index.html"));
        for (WebElement el : chromium.driver.findElements(By.cssSelector("main p, main div"))) {
            new org.openqa.selenium.interactions.Actions(chromium.driver).moveToElement(el).perform();
        }
        assertNothingRan("after hovering");
    }
}

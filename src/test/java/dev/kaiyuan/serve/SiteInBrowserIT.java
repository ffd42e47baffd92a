package dev.kaiyuan.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.build.Build;
import dev.kaiyuan.build.BuildRequest;
import dev.kaiyuan.build.BuildResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The repository's own site (its seeds, knowledge base and config, default theme) in headless
 * Chromium through {@code kaiyuan serve}: following real links, searching, and how the pages look
 * on a desktop and a phone.
 */
@Timeout(120)
class SiteInBrowserIT {
    @TempDir
    static Path project;
    static Chromium chromium;
    static Chromium.Served served;

    @BeforeAll
    static void serveTheRepositorysSite() throws IOException {
        Chromium.requireInstalled();
        copyTree(Path.of("seeds"), project.resolve("seeds"));
        Files.copy(Path.of("kaiyuan.yaml"), project.resolve("kaiyuan.yaml"));
        served = Chromium.Served.start(project);
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() {
        Chromium.closeAll(chromium, served);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private void click(WebElement link) {
        String before = chromium.driver.getCurrentUrl();
        link.click();
        chromium.waitUpTo(Duration.ofSeconds(10)).until(d -> !before.equals(d.getCurrentUrl()));
        chromium.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("footer")));
    }

    @Test
    void homeToArticleToEntityToTimelineByClickingLinks() {
        chromium.driver.get(served.url(""));
        assertThat(chromium.driver.getTitle()).as(served.log().toString()).contains("Kaiyuan");

        click(chromium.driver.findElement(By.cssSelector("main .card-title a[href*='articles/deepseek-r1/']")));
        assertThat(chromium.driver.getCurrentUrl()).endsWith("/articles/deepseek-r1/index.html");
        assertThat(chromium.driver.findElement(By.cssSelector("main h1")).getText()).contains("DeepSeek-R1");

        click(chromium.driver.findElement(By.cssSelector("main a.entity[href*='orgs/deepseek/']")));
        assertThat(chromium.driver.getCurrentUrl()).endsWith("/orgs/deepseek/index.html");
        assertThat(chromium.driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("DeepSeek");
        assertThat(chromium.driver.findElements(By.cssSelector("main .releases li"))).isNotEmpty();

        click(chromium.driver.findElement(By.cssSelector("header .site-nav a[href$='timeline/index.html']")));
        assertThat(chromium.driver.getCurrentUrl()).endsWith("/timeline/index.html");
        List<WebElement> releases = chromium.driver.findElements(By.cssSelector("main .releases li"));
        assertThat(releases).hasSizeGreaterThan(20);
        assertThat(chromium.driver.findElement(By.cssSelector("main")).getText()).contains("DeepSeek-R1");
        assertThat(chromium.openDialog()).isEmpty();
    }

    @Test
    void theSearchPageFindsTheSeedArticleForChineseQueries() {
        for (String query : List.of("深度求索", "开源")) {
            chromium.driver.get(served.url(""));
            List<WebElement> searchLinks = chromium.driver.findElements(
                    By.cssSelector("header .site-nav a[href$='search/index.html']"));
            if (searchLinks.isEmpty()) {
                chromium.driver.get(served.url("search/index.html"));
            } else {
                click(searchLinks.get(0));
            }
            WebElement box = chromium.driver.findElement(By.id("search-q"));
            box.sendKeys(query);
            box.submit();
            WebElement hit = chromium.waitUpTo(Duration.ofSeconds(10)).withMessage(() -> "results for " + query)
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                            ".search-list a[href*='articles/guancha-china-open-models-economist/']")));
            assertThat(chromium.driver.getCurrentUrl()).contains("search/index.html?q=");
            assertThat(hit.getText()).contains("經濟學人");
            assertThat(snippetHits()).as("the snippet, cut from the article's text script").isNotEmpty();
            assertThat(chromium.openDialog()).isEmpty();
        }
    }

    /** The marked words of the first result's snippet, once its text script has loaded (up to 10 s). */
    private List<String> snippetHits() {
        By marks = By.cssSelector(".search-list li:first-child .snippet mark.search-hit");
        chromium.waitUpTo(Duration.ofSeconds(10)).withMessage(() -> "a snippet with hits")
                .until(ExpectedConditions.presenceOfElementLocated(marks));
        return chromium.driver.findElements(marks).stream().map(WebElement::getText).toList();
    }

    /** Opened straight from disk (file://), the search page still loads its index and the results' texts. */
    @Test
    void theSearchPageWorksFromDiskSnippetsIncluded(@TempDir Path disk) {
        Path site = disk.resolve("site");
        BuildResult result = Build.run(new BuildRequest(project, site, false, false, Optional.empty(), Optional.empty()));
        assertThat(result.succeeded()).as(result.summary()).isTrue();

        chromium.driver.get(site.resolve("search/index.html").toUri() + "?q=" + "%E5%BC%80%E6%BA%90");

        chromium.waitUpTo(Duration.ofSeconds(10)).withMessage(() -> "results from file://")
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                        ".search-list a[href*='articles/guancha-china-open-models-economist/']")));
        assertThat(snippetHits()).contains("開源");
    }

    @Test
    void screenshotsAtDesktopAndPhoneWidthsAndNothingScrollsSidewaysOnAPhone() throws IOException {
        Path shots = Path.of(System.getProperty("kaiyuan.screenshots", "target/screenshots"));
        Files.createDirectories(shots);
        List<String[]> pages = List.of(new String[] {"home", ""},
                new String[] {"article", "articles/guancha-china-open-models-economist/index.html"},
                new String[] {"timeline", "timeline/index.html"}, new String[] {"archive", "archive/index.html"},
                new String[] {"archive-month", "archive/2025/08/index.html"});
        StringBuilder overflow = new StringBuilder();
        try {
            for (int width : new int[] {1280, 375}) {
                chromium.viewport(width, width == 375 ? 812 : 900);
                for (String[] page : pages) {
                    chromium.driver.get(served.url(page[1]));
                    chromium.waitUpTo(Duration.ofSeconds(10)).until(d -> "complete".equals(chromium.js("return document.readyState")));
                    chromium.js("return document.fonts.ready.then(() => true)");
                    long inner = ((Number) chromium.js("return window.innerWidth")).longValue();
                    assertThat(inner).as("viewport width").isEqualTo(width);
                    Path file = shots.resolve(page[0] + "-" + width + ".png");
                    Files.write(file, chromium.fullPageScreenshot());
                    assertThat(Files.size(file)).isGreaterThan(1000);
                    long scroll = ((Number) chromium.js("return document.documentElement.scrollWidth")).longValue();
                    if (width == 375 && scroll > inner) {
                        overflow.append(page[0]).append(": scrollWidth ").append(scroll).append(" > ").append(inner)
                                .append(" (widest: ").append(chromium.js(WIDEST)).append(")\n");
                    }
                }
            }
        } finally {
            chromium.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
        assertThat(overflow.toString()).as("pages that scroll sideways at 375 px").isEmpty();
    }

    /** Every label of an article's timeline strip is drawn inside the strip, none cut at its edges. */
    @Test
    void timelineStripLabelsStayInsideTheStrip() {
        chromium.driver.get(served.url("archive/index.html"));
        chromium.waitUpTo(Duration.ofSeconds(10)).until(d -> "complete".equals(chromium.js("return document.readyState")));
        @SuppressWarnings("unchecked")
        List<String> months = (List<String>) chromium.js("return [...document.querySelectorAll('.month-links a')]"
                + ".map(a => a.href)");
        // the undated articles are on the archive's front page, the others on their months' pages
        @SuppressWarnings("unchecked")
        List<String> articles = new ArrayList<>((List<String>) chromium.js("return [...document.querySelectorAll("
                + "'#undated + ul a[href*=\"articles/\"]')].map(a => a.href)"));
        for (String month : months) {
            chromium.driver.get(month);
            @SuppressWarnings("unchecked")
            List<String> listed = (List<String>) chromium.js("return [...document.querySelectorAll("
                    + "'.article-links a[href*=\"articles/\"]')].map(a => a.href)");
            articles.addAll(listed);
        }
        assertThat(articles).hasSizeGreaterThan(5);
        StringBuilder cut = new StringBuilder();
        int labels = 0;
        for (String article : articles) {
            chromium.driver.get(article);
            chromium.waitUpTo(Duration.ofSeconds(10)).until(d -> "complete".equals(chromium.js("return document.readyState")));
            chromium.js("return document.fonts.ready.then(() => true)");
            labels += ((Number) chromium.js("return document.querySelectorAll('svg.timeline-strip text').length"))
                    .intValue();
            cut.append(chromium.js(OUTSIDE_STRIP));
        }
        assertThat(labels).as("labels on the articles' strips").isGreaterThan(5);
        assertThat(cut.toString()).as("labels drawn past the strip's edges").isEmpty();
    }

    /** The labels of each strip on the page that reach past the strip's left or right edge. */
    static final String OUTSIDE_STRIP = """
            return [...document.querySelectorAll('svg.timeline-strip')].flatMap(svg => {
              const box = svg.getBoundingClientRect();
              return [...svg.querySelectorAll('text')]
                .filter(t => t.getBoundingClientRect().left < box.left - 0.5 || t.getBoundingClientRect().right > box.right + 0.5)
                .map(t => location.pathname + ': "' + t.textContent + '" from ' + Math.round(t.getBoundingClientRect().left - box.left)
                     + ' to ' + Math.round(t.getBoundingClientRect().right - box.left) + ' of ' + Math.round(box.width) + '\\n');
            }).join('');
            """;

    /** Names the elements that stick out on the right, to make a failure easy to fix. */
    static final String WIDEST = """
            const w = window.innerWidth;
            return [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > w + 0.5)
              .slice(0, 5)
              .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
                   + ' right=' + Math.round(e.getBoundingClientRect().right))
              .join(', ');
            """;
}

package dev.kaiyuan.serve;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Live reload in a real browser: edits appear by themselves; build errors show an overlay until fixed. */
@Timeout(120)
class LiveReloadIT {
    static final Duration QUICK = Duration.ofSeconds(2);
    static final String OVERLAY = "__kaiyuan-overlay";

    @TempDir
    static Path project;
    static Chromium chromium;
    static Chromium.Served served;
    static String articleTemplate;

    static String article(String body) {
        return "---\ntitle: 实时预览\ndate: 2025-08-21\nslug: live\n---\n" + body + "\n";
    }

    @BeforeAll
    static void serve() throws IOException {
        Chromium.requireInstalled();
        write(project, "seeds/live.md", article("第一版正文。"));
        write(project, "seeds/other.md", "---\ntitle: Other\ndate: 2025-08-20\n---\nAnother article.\n");
        articleTemplate = Files.readString(Path.of("templates/article.ftlh"), StandardCharsets.UTF_8);
        write(project, "templates/article.ftlh", articleTemplate);
        write(project, "templates/assets/style.css",
                Files.readString(Path.of("templates/assets/style.css"), StandardCharsets.UTF_8));
        served = Chromium.Served.start(project);
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() {
        Chromium.closeAll(chromium, served);
    }

    /** The seed as the tests start from, once the server serves it (a previous test may have changed it). */
    private void openArticle() {
        write(project, "seeds/live.md", article("第一版正文。"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Http.get(java.net.URI.create(served.url("articles/live/"))).body().contains("第一版正文。")) {
            assertThat(System.nanoTime()).as("the first version is served again").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        served.awaitQuiet();
        chromium.driver.get(served.url("articles/live/"));
        // the page is live once its event stream is connected
        chromium.waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(chromium.js("return window.__kaiyuanConnected === true")));
        chromium.js("window.__kaiyuanTestMarker = 'still the same page'");
    }

    private String mainText() {
        return chromium.driver.findElement(By.cssSelector("main")).getText();
    }

    @Test
    void anEditedSeedShowsUpWithinTwoSecondsWithoutAManualReload() {
        openArticle();
        assertThat(mainText()).contains("第一版正文。");

        write(project, "seeds/live.md", article("第二版正文：自动刷新。"));

        chromium.waitUpTo(QUICK).withMessage(() -> "new text within 2 s\n" + served.log())
                .until(d -> d.findElement(By.cssSelector("main")).getText().contains("第二版正文：自动刷新。"));
    }

    /**
     * Saving an article rebuilds its page at once and the rest after; a page that shows nothing of
     * the edit (another article) hears of both builds and stays as it is, scroll position and all.
     */
    @Test
    void aPageThatDoesNotShowTheEditedArticleIsNotReloaded() {
        openArticle();
        chromium.driver.get(served.url("articles/other/"));
        chromium.waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(chromium.js("return window.__kaiyuanConnected === true")));
        chromium.js("window.__kaiyuanTestMarker = 'still the same page'");
        long build = ((Number) chromium.js("return window.__kaiyuanBuild")).longValue();

        write(project, "seeds/live.md", article("第一版正文。\n\n结尾又加了一段。"));

        chromium.waitUpTo(Duration.ofSeconds(10)).withMessage(() -> served.log().toString()).until(d ->
                ((Number) chromium.js("return window.__kaiyuanBuild")).longValue() >= build + 2);
        assertThat(chromium.js("return window.__kaiyuanTestMarker")).as("not reloaded").isEqualTo("still the same page");
        assertThat(served.log().toString()).contains("Refreshed articles/live/index.html");
        assertThat(Http.get(java.net.URI.create(served.url("articles/live/"))).body()).contains("结尾又加了一段。");
    }

    /** A tab at an address that has no page yet shows the 404 page, and the page once it exists. */
    @Test
    void aMissingPageTurnsIntoThePageOnceItsArticleIsAdded() throws IOException {
        openArticle();
        // no trailing slash: the address is not the page's own, only its 404 tells the tab to reload
        chromium.driver.get(served.url("articles/later"));
        chromium.waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(chromium.js("return window.__kaiyuanConnected === true")));
        try {
            write(project, "seeds/later.md", "---\ntitle: 后来写的\ndate: 2025-08-22\nslug: later\n---\n后来才写的文章。\n");

            chromium.waitUpTo(Duration.ofSeconds(10)).withMessage(() -> served.log().toString())
                    .until(d -> d.findElement(By.cssSelector("main")).getText().contains("后来才写的文章。"));
        } finally {
            Files.deleteIfExists(project.resolve("seeds/later.md"));
        }
    }

    /** Browsers open about six connections to one server; ten tabs must all stay live all the same. */
    @Test
    void tenTabsAllReloadAndStillLoadPages() {
        String first = chromium.driver.getWindowHandle();
        java.util.List<String> tabs = new java.util.ArrayList<>(java.util.List.of(first));
        try {
            openArticle();
            for (int i = 1; i < 10; i++) {
                chromium.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
                tabs.add(chromium.driver.getWindowHandle());
                chromium.driver.get(served.url("articles/live/"));
                assertThat(mainText()).as("tab %d loads", i).contains("实时预览");
            }
            write(project, "seeds/live.md", article("十个标签页都更新了。"));
            for (String tab : tabs) {
                chromium.driver.switchTo().window(tab);
                chromium.waitUpTo(Duration.ofSeconds(5)).withMessage(() -> "tab " + tab + "\n" + served.log())
                        .until(d -> d.findElement(By.cssSelector("main")).getText().contains("十个标签页都更新了。"));
            }
        } finally {
            for (String tab : tabs.subList(1, tabs.size())) {
                chromium.driver.switchTo().window(tab).close();
            }
            chromium.driver.switchTo().window(first);
        }
    }

    @Test
    void aTemplateErrorShowsTheOverlayAndTheFixRemovesIt() {
        openArticle();

        write(project, "templates/article.ftlh", articleTemplate.replaceFirst("(<h1[^>]*>)", "$1\\${noSuchVariable}"));
        WebElement overlay = chromium.waitUpTo(Duration.ofSeconds(5)).withMessage(() -> served.log().toString())
                .until(d -> d.findElements(By.id(OVERLAY)).stream().findFirst().orElse(null));
        assertThat(overlay.getText()).contains("templates/article.ftlh:", "noSuchVariable", "hint:");
        assertThat(mainText()).as("the last good page stays underneath").contains("实时预览");

        write(project, "templates/article.ftlh", articleTemplate);
        chromium.waitUpTo(Duration.ofSeconds(5)).withMessage(() -> served.log().toString())
                .until(d -> d.findElements(By.id(OVERLAY)).isEmpty());
        assertThat(mainText()).contains("实时预览");
    }

    @Test
    void theOverlayShowsMessagesAsTextNeverAsMarkup() {
        openArticle();

        write(project, "seeds/live.md", "---\ntitle: <img src=x onerror=\"window.__pwned=1\">\ndraft: <b>maybe</b>\n---\nx\n");
        WebElement overlay = chromium.waitUpTo(Duration.ofSeconds(5)).withMessage(() -> served.log().toString())
                .until(d -> d.findElements(By.id(OVERLAY)).stream().findFirst().orElse(null));
        assertThat(overlay.getText()).contains("seeds/live.md:3", "<b>maybe</b>");
        assertThat(overlay.findElements(By.cssSelector("b, img"))).isEmpty();
        assertThat(chromium.js("return window.__pwned === undefined")).isEqualTo(true);

        write(project, "seeds/live.md", article("第一版正文。"));
        chromium.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElements(By.id(OVERLAY)).isEmpty());
    }

    @Test
    void aStylesheetChangeIsSwappedInWithoutReloadingThePage() throws IOException {
        openArticle();
        String css = Files.readString(project.resolve("templates/assets/style.css"), StandardCharsets.UTF_8);

        write(project, "templates/assets/style.css", css + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n");

        chromium.waitUpTo(Duration.ofSeconds(5)).withMessage(() -> served.log().toString()).until(d ->
                "rgb(1, 2, 3)".equals(chromium.js("return getComputedStyle(document.body).outlineColor")));
        assertThat(chromium.js("return window.__kaiyuanTestMarker")).as("no full reload").isEqualTo("still the same page");
        write(project, "templates/assets/style.css", css);
    }
}

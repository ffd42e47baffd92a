package dev.kaiyuan.serve;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromedriver}, never
 * a downloaded browser or driver (the driver's path is given, and Selenium Manager runs offline).
 * {@code -Dkaiyuan.chromium} and {@code -Dkaiyuan.chromedriver} name others; a Google Chrome with
 * its driver already installed (as on GitHub's runners, {@code $CHROMEWEBDRIVER}) is used when
 * Debian's is absent. Missing Chromium skips the tests with a message saying how to install it,
 * except with {@code CI=true}, where it fails them: CI must really run them.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = find("kaiyuan.chromium", "/usr/bin/chromium", "/usr/bin/google-chrome",
            "/usr/bin/google-chrome-stable");
    static final Path DRIVER = find("kaiyuan.chromedriver", "/usr/bin/chromedriver",
            System.getenv().getOrDefault("CHROMEWEBDRIVER", "/nonexistent") + "/chromedriver",
            "/usr/local/bin/chromedriver");

    /** The system property's path if set, else the first candidate that is an executable, else the first. */
    private static Path find(String property, String... candidates) {
        String given = System.getProperty(property);
        if (given != null) {
            return Path.of(given);
        }
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return Path.of(candidates[0]);
    }

    final ChromeDriver driver;
    private final Path profile;
    private final ChromeDriverService service;

    private Chromium(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Skips (or, in CI, fails) the calling test class when Chromium or its driver is missing. */
    static void requireInstalled() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "browser tests need Chromium at " + BROWSER + " and ChromeDriver at " + DRIVER
                + "; install them with: apt-get install -y chromium chromium-driver fonts-noto-cjk (.ci/run does)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + message);
        }
        System.err.println("SKIPPING browser tests: " + message);
        Assumptions.abort(message);
    }

    static Chromium start() {
        requireInstalled();
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("kaiyuan-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--window-size=1280,900", "--hide-scrollbars");
            // dialogs are left open, so that a test can see that one opened
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(10));
            return new Chromium(driver, service, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(50));
        // A live reload can replace the page between finding an element and reading it; look again.
        // Chromium reports some of those races as a plain "unknown error" (a node that no longer
        // belongs to the document); a real failure still ends the wait, with it as the cause.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    /** The text of an open dialog (alert, confirm, prompt), if one is open. */
    Optional<String> openDialog() {
        try {
            return Optional.of(driver.switchTo().alert().getText());
        } catch (NoAlertPresentException e) {
            return Optional.empty();
        }
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Sets the layout viewport to {@code width} CSS pixels (device metrics, so it is exact in headless mode). */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** A PNG of the whole page, not just the viewport. */
    byte[] fullPageScreenshot() {
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) (Map<?, ?>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 12_000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** Closes what a test class started, either of which may be null if starting failed. */
    static void closeAll(Chromium chromium, Served served) {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (served != null) {
                served.close();
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Chromium may still be closing a file; the OS temp cleaner takes the rest
        }
    }

    /** A preview of {@code project} on a free loopback port, its terminal output kept for failure messages. */
    record Served(Preview preview, StringWriter log) implements AutoCloseable {
        static Served start(Path project) throws IOException {
            StringWriter log = new StringWriter();
            PrintWriter out = new PrintWriter(log, true);
            return new Served(Preview.start(new Preview.Settings(project, "127.0.0.1", 0, false, Optional.empty(),
                    Optional.empty()), out, out), log);
        }

        String url(String sitePath) {
            return preview.url() + sitePath;
        }

        /**
         * Waits until no build has started for half a second: a save is refreshed at once and rebuilt
         * after 100 ms of quiet, and a page opened between the two reloads when it hears of the second.
         */
        void awaitQuiet() {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int count = preview.buildCount();
            long since = System.nanoTime();
            while (System.nanoTime() - since < Duration.ofMillis(500).toNanos()) {
                if (System.nanoTime() > deadline) throw new AssertionError("the preview kept building for 10 s\n" + log);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                int now;
                synchronized (preview) { // builds and refreshes hold it: this waits out a running one
                    now = preview.buildCount();
                }
                if (now != count) {
                    count = now;
                    since = System.nanoTime();
                }
            }
        }

        @Override
        public void close() {
            preview.close();
        }
    }
}

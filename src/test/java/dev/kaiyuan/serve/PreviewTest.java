package dev.kaiyuan.serve;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.build.Build;
import dev.kaiyuan.build.BuildRequest;
import dev.kaiyuan.build.BuildResult;
import dev.kaiyuan.output.MemorySiteWriter;
import dev.kaiyuan.postprocess.LiveReloadScript;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole preview on a small project: build into memory, watch, rebuild, serve, tell the pages. */
@Timeout(60)
class PreviewTest {
    static final Duration EVENT = Duration.ofSeconds(5);

    static String article(String title, String body) {
        return "---\ntitle: " + title + "\ndate: 2025-08-21\ntags: [open]\n---\n" + body + "\n";
    }

    @TempDir
    Path project;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    Preview preview;

    Preview start(Optional<String> baseUrl) throws Exception {
        return start(baseUrl, Preview.Holding.AUTO);
    }

    Preview start(Optional<String> baseUrl, Preview.Holding holding) throws Exception {
        write(project, "seeds/first.md", article("First article", "Open models keep getting better."));
        write(project, "seeds/second.md", article("Second article", "Another article about open weights."));
        preview = Preview.start(new Preview.Settings(project, "127.0.0.1", 0, false, baseUrl, Optional.empty(),
                holding), new PrintWriter(out, true), new PrintWriter(err, true));
        return preview;
    }

    @AfterEach
    void stop() {
        if (preview != null) {
            preview.close();
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + preview.port() + path);
    }

    Http.Events events() throws InterruptedException {
        Http.Events events = new Http.Events(uri("/__kaiyuan/events"));
        assertThat(events.await("hello", EVENT)).as("hello").isNotNull();
        return events;
    }

    @Test
    void servesTheBuiltSiteWithTheLiveReloadScriptAndPrintsTheBuild() throws Exception {
        start(Optional.empty());

        HttpResponse<String> home = Http.get(preview.url());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(home.body()).select("script[src=/__kaiyuan/reload.js]")).hasSize(1);
        assertThat(Http.get(uri("/articles/first/")).body()).contains("First article");
        assertThat(out.toString()).contains("Built 2 articles");
        assertThat(preview.url().toString()).isEqualTo("http://127.0.0.1:" + preview.port() + "/");
    }

    @Test
    void savingAnArticleServesItsPageAtOnceAndTheFullRebuildAgreesWithIt() throws Exception {
        start(Optional.empty());
        try (Http.Events events = events()) {
            write(project, "seeds/first.md", article("First article, edited", "Open models keep getting better."));

            // First the quick refresh: only the article's own page, and only readers of it reload.
            String quick = events.await("reload", EVENT);
            assertThat(quick).as("quick reload").isNotNull().contains("\"pages\":[\"/articles/first/index.html\"]");
            assertThat(out.toString()).contains("Refreshed articles/first/index.html in");
            String page = Http.get(uri("/articles/first/")).body();
            assertThat(page).contains("First article, edited");
            // Then the full rebuild: the home page lists the new title. The article's page it makes is
            // byte for byte the quick one, so it is not among the pages that reload.
            String full = events.await("reload", EVENT);
            assertThat(full).as("reload after the full rebuild").isNotNull().contains("\"/index.html\"")
                    .doesNotContain("/articles/first/");
            assertThat(Http.get(uri("/articles/first/")).body()).isEqualTo(page);
        }
        assertThat(Http.get(uri("/")).body()).contains("First article, edited");
        // The edited article's page changed; the other article's page, 404 and search were reused.
        assertThat(out.toString()).containsPattern("Rebuilt [1-9]\\d* pages? in \\d+ ms \\([1-9]\\d* reused\\)");
    }

    @Test
    void aSaveWithTheConfigDeletedWaitsForTheFullRebuild() throws Exception {
        write(project, "kaiyuan.yaml", "title: Old title\n");
        start(Optional.empty());
        try (Http.Events events = events()) {
            Files.delete(project.resolve("kaiyuan.yaml"));
            write(project, "seeds/first.md", article("First article", "Body, edited."));

            assertThat(events.await("reload", EVENT)).as("reload").isNotNull();
            assertThat(out.toString()).doesNotContain("Refreshed");
            assertThat(Http.get(uri("/articles/first/")).body()).contains("Body, edited.").doesNotContain("Old title");
        }
    }

    @Test
    void aPageReportsTheBuildItComesFrom() throws Exception {
        start(Optional.empty());
        HttpResponse<String> page = Http.get(uri("/articles/first/"));
        assertThat(page.headers().firstValue("Server-Timing")).contains("kaiyuan;desc=\"1\"");
        try (Http.Events events = events()) {
            write(project, "seeds/first.md", article("First article", "Edited once."));
            assertThat(events.await("reload", EVENT)).contains("\"build\":2");
        }
        assertThat(Http.get(uri("/articles/first/")).headers().firstValue("Server-Timing"))
                .contains("kaiyuan;desc=\"2\"");
        assertThat(Http.get(uri("/no/such/page/")).headers().firstValue("Server-Timing")).isPresent();
    }

    @Test
    void aNewArticleWaitsForTheFullRebuild() throws Exception {
        start(Optional.empty());
        try (Http.Events events = events()) {
            write(project, "seeds/third.md", article("Third article", "A new one."));

            String reload = events.await("reload", EVENT);
            assertThat(reload).as("reload").isNotNull();
            assertThat(out.toString()).doesNotContain("Refreshed").contains("Rebuilt");
        }
        assertThat(Http.get(uri("/articles/third/")).body()).contains("Third article");
    }

    @Test
    void aBrokenSeedSendsErrorAndTheLastGoodPageStaysServedUntilTheFix() throws Exception {
        start(Optional.empty());
        try (Http.Events events = events()) {
            write(project, "seeds/first.md", "---\ntitle: First article\ndraft: maybe\n---\nBroken now.\n");

            String error = events.await("error", EVENT);
            assertThat(error).as("error event").isNotNull()
                    .contains("\"file\":\"seeds/first.md\"", "\"line\":3", "\"severity\":\"error\"", "\"hint\":");
            HttpResponse<String> page = Http.get(uri("/articles/first/"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Open models keep getting better.").doesNotContain("Broken now");
            assertThat(err.toString()).contains("seeds/first.md:3:8: error:");
            assertThat(out.toString()).contains("Build failed in", "still serving the last good site");

            write(project, "seeds/first.md", article("First article", "Fixed again."));
            assertThat(events.await("reload", EVENT)).as("reload after the fix").isNotNull();
        }
        assertThat(Http.get(uri("/articles/first/")).body()).contains("Fixed again.");
    }

    /**
     * The preview keeps unchanged pages from the site it serves: after a quick refresh, a build
     * with errors and the fix, every file it serves is the one a build from nothing makes.
     */
    @Test
    void afterARefreshABrokenBuildAndTheFixEveryFileServedIsAsABuildFromNothingMakesIt() throws Exception {
        start(Optional.empty());
        editRefreshBreakAndFixThenCompareWithABuildFromNothing();
        assertThat(project.resolve(".kaiyuan")).doesNotExist();
    }

    /** The same with the site's files held on disk, as a large site's are: and stopping deletes them. */
    @Test
    void aSiteHeldOnDiskServesWhatABuildFromNothingMakesAndStoppingDeletesIt() throws Exception {
        start(Optional.empty(), Preview.Holding.DISK);
        List<Path> folders;
        try (Stream<Path> listed = Files.list(project.resolve(".kaiyuan"))) {
            folders = listed.toList();
        }
        assertThat(folders).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).startsWith("serve-"));
        assertThat(out.toString()).contains("Holding the site's files in .kaiyuan" + File.separator + "serve-");
        // the pages' bytes went to the folder's pack file
        assertThat(Files.size(folders.get(0).resolve("000000.pack"))).isGreaterThan(20_000);

        editRefreshBreakAndFixThenCompareWithABuildFromNothing();
        // a browser gets the page as it is held, gzipped, from the folder
        HttpResponse<byte[]> gzipped = Http.getBytes(uri("/articles/second/"), "Accept-Encoding", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(Http.get(uri("/articles/second/")).body()).contains("Second article, edited");
        }

        preview.close();
        assertThat(folders.get(0)).doesNotExist();
    }

    /** A project where .kaiyuan/ cannot be made (a file has its name): the site is held in memory, with a note. */
    @Test
    void aSiteThatCannotBeHeldOnDiskIsHeldInMemory() throws Exception {
        Files.writeString(project.resolve(".kaiyuan"), "not a folder");
        start(Optional.empty(), Preview.Holding.DISK);

        assertThat(err.toString()).contains("note: cannot hold the site's files on disk", "holding them in memory");
        assertThat(Http.get(uri("/articles/first/")).body()).contains("First article");
        assertThat(out.toString()).doesNotContain("Holding the site's files in");
    }

    private void editRefreshBreakAndFixThenCompareWithABuildFromNothing() throws Exception {
        try (Http.Events events = events()) {
            write(project, "seeds/first.md", article("First article, edited", "Open models keep getting better."));
            assertThat(events.await("reload", EVENT)).as("quick reload").isNotNull();
            assertThat(events.await("reload", EVENT)).as("reload after the full rebuild").isNotNull();
            write(project, "seeds/second.md", article("Second article, edited", "Another article about open weights."));
            write(project, "seeds/broken.md", "---\ntitle: Broken\ndraft: maybe\n---\nBroken.\n");
            assertThat(events.await("error", EVENT)).as("error event").isNotNull();
            Files.delete(project.resolve("seeds/broken.md"));
            assertThat(events.await("reload", EVENT)).as("reload after the fix").isNotNull();
        }
        MemorySiteWriter fromNothing = new MemorySiteWriter();
        BuildResult result = Build.run(new BuildRequest(project, project.resolve(".kaiyuan").resolve("cold"), false,
                false, Optional.empty(), Optional.empty()), fromNothing, List.of(new LiveReloadScript()));
        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        assertThat(fromNothing.snapshot()).containsKey("articles/second/index.html");
        fromNothing.snapshot().forEach((path, file) -> assertThat(Http.get(uri("/" + path)).body()).as(path)
                .isEqualTo(new String(file.bytes(), StandardCharsets.UTF_8)));
        assertThat(Http.get(uri("/articles/second/")).body()).contains("Second article, edited");
    }

    /** A quiet spell after a build asks for one collection (memory given back), not one every few seconds. */
    @Test
    void aQuietSpellAfterABuildAsksForOneCollection() throws Exception {
        start(Optional.empty());
        await(() -> preview.idleCollections() == 1, Preview.IDLE.multipliedBy(3));
        Thread.sleep(Preview.IDLE.plusSeconds(1).toMillis());
        assertThat(preview.idleCollections()).isEqualTo(1);

        int builds = preview.buildCount();
        write(project, "seeds/first.md", article("First article, edited", "Open models keep getting better."));
        await(() -> preview.buildCount() > builds, EVENT);
        assertThat(preview.idleCollections()).isEqualTo(1);
        await(() -> preview.idleCollections() == 2, Preview.IDLE.multipliedBy(3));
    }

    static void await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aPageOpenedWhileTheBuildIsBrokenGetsTheErrorWhenItConnects() throws Exception {
        start(Optional.empty());
        try (Http.Events events = events()) {
            write(project, "seeds/first.md", "---\ntitle: [unclosed\n---\nx\n");
            assertThat(events.await("error", EVENT)).isNotNull();
        }
        try (Http.Events late = new Http.Events(uri("/__kaiyuan/events"))) {
            assertThat(late.await("error", EVENT)).contains("seeds/first.md");
        }
    }

    @Test
    void aProjectThatDoesNotBuildAtFirstShowsItsErrorsUntilItDoes() throws Exception {
        write(project, "seeds/first.md", "---\ntitle: First\ndraft: maybe\n---\nx\n");
        preview = Preview.start(new Preview.Settings(project, "127.0.0.1", 0, false, Optional.empty(), Optional.empty()),
                new PrintWriter(out, true), new PrintWriter(err, true));

        HttpResponse<String> failing = Http.get(uri("/"));
        assertThat(failing.statusCode()).isEqualTo(503);
        assertThat(failing.body()).contains("seeds/first.md:3:8", "/__kaiyuan/reload.js").doesNotContain("<script>");
        try (Http.Events events = events()) {
            assertThat(events.await("error", EVENT)).contains("seeds/first.md");
            write(project, "seeds/first.md", article("First article", "Now it builds."));
            assertThat(events.await("reload", EVENT)).isNotNull();
        }
        assertThat(Http.get(uri("/articles/first/")).body()).contains("Now it builds.");
    }

    @Test
    void editingTheConfigRebuilds() throws Exception {
        write(project, "kaiyuan.yaml", "title: Old title\n");
        start(Optional.empty());
        try (Http.Events events = events()) {
            write(project, "kaiyuan.yaml", "title: New title\n");
            assertThat(events.await("reload", EVENT)).isNotNull();
        }
        assertThat(Http.get(uri("/")).body()).contains("New title");
    }

    @Test
    void aStylesheetOnlyChangeSendsCss() throws Exception {
        write(project, "templates/assets/style.css", "body { color: black }\n");
        start(Optional.empty());
        try (Http.Events events = events()) {
            write(project, "templates/assets/style.css", "body { color: navy }\n");

            assertThat(events.await("css", EVENT)).as("css event").isNotNull();
        }
        assertThat(Http.get(uri("/assets/style.css")).body()).contains("navy");
        assertThat(out.toString()).contains("Rebuilt 0 pages in", "1 other file changed");
    }

    @Test
    void aBurstOfSavesCausesOneRebuild() throws Exception {
        start(Optional.empty());
        int before = preview.buildCount();
        try (Http.Events events = events()) {
            for (int i = 0; i < 40; i++) {
                write(project, "seeds/burst/n" + i + ".md", article("Burst " + i, "Article number " + i + "."));
            }
            assertThat(events.await("reload", EVENT)).isNotNull();
            // nothing else follows: the burst was one build
            assertThat(events.namesWithin(Duration.ofMillis(600))).doesNotContain("reload");
        }
        assertThat(preview.buildCount() - before).isEqualTo(1);
        assertThat(Http.get(uri("/articles/n39/")).statusCode()).isEqualTo(200);
    }

    @Test
    void newFoldersAreWatchedAsTheyAppear() throws Exception {
        start(Optional.empty());
        try (Http.Events events = events()) {
            Files.createDirectories(project.resolve("seeds/2025/08"));
            events.namesWithin(Duration.ofMillis(400)); // the folder alone changes nothing
            write(project, "seeds/2025/08/deep.md", article("Deep article", "Found in a new folder."));
            assertThat(events.await("reload", EVENT)).isNotNull();
        }
        assertThat(Http.get(uri("/articles/deep/")).body()).contains("Found in a new folder.");
    }

    /** seeds/ kept elsewhere and linked in: edits there, and folders made there, are seen as in a plain seeds/. */
    @Test
    void aLinkedSeedsFolderIsWatchedWhereItLeads(@TempDir Path elsewhere) throws Exception {
        Files.createSymbolicLink(project.resolve("seeds"), elsewhere);
        start(Optional.empty());
        assertThat(Http.get(uri("/articles/first/")).body()).contains("First article");
        try (Http.Events events = events()) {
            write(elsewhere, "first.md", article("First article, edited elsewhere", "Open models."));
            assertThat(events.await("reload", EVENT)).as("reload after the edit").isNotNull();
            Files.createDirectories(elsewhere.resolve("2025"));
            events.namesWithin(Duration.ofMillis(400)); // the folder alone changes nothing
            write(elsewhere, "2025/deep.md", article("Deep article", "Found in a new folder."));
            assertThat(events.await("reload", EVENT)).as("reload after the new article").isNotNull();
        }
        assertThat(Http.get(uri("/articles/first/")).body()).contains("First article, edited elsewhere");
        assertThat(Http.get(uri("/articles/deep/")).body()).contains("Found in a new folder.");
    }

    /** seeds/ replaced by a link while the preview runs: the folder it leads to is watched from then on. */
    @Test
    void seedsReplacedByALinkAreWatchedWhereTheLinkLeads(@TempDir Path elsewhere) throws Exception {
        start(Optional.empty());
        write(elsewhere, "first.md", article("First article, kept elsewhere", "Open models."));
        try (Http.Events events = events()) {
            Path seeds = project.resolve("seeds");
            try (var files = Files.walk(seeds)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            Files.createSymbolicLink(seeds, elsewhere);
            assertThat(events.await("reload", EVENT)).as("reload after the swap").isNotNull();
            await(() -> Http.get(uri("/articles/first/")).body().contains("kept elsewhere"), EVENT);
            write(elsewhere, "first.md", article("First article, edited elsewhere", "Open models."));
            assertThat(events.await("reload", EVENT)).as("reload after an edit behind the link").isNotNull();
        }
        await(() -> Http.get(uri("/articles/first/")).body().contains("edited elsewhere"), EVENT);
    }

    /** A linked seeds/ pointed elsewhere (ln -sfn): the folder it led to before is not watched any more. */
    @Test
    void aSeedsLinkPointedElsewhereIsWatchedWhereItNowLeadsOnly(@TempDir Path first, @TempDir Path second)
            throws Exception {
        Path seeds = project.resolve("seeds");
        Files.createSymbolicLink(seeds, first);
        start(Optional.empty());
        write(second, "first.md", article("First article, from the second folder", "Open models."));
        write(second, "second.md", article("Second article", "Another article about open weights."));
        try (Http.Events events = events()) {
            Path swap = project.resolve("seeds.swap");
            Files.createSymbolicLink(swap, second);
            Files.move(swap, seeds, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertThat(events.await("reload", EVENT)).as("reload after the link moved").isNotNull();
            await(() -> Http.get(uri("/articles/first/")).body().contains("from the second folder"), EVENT);
            int before = preview.buildCount();
            write(first, "first.md", article("First article, edited where the link no longer leads", "Old."));
            assertThat(events.namesWithin(Duration.ofMillis(800))).doesNotContain("reload");
            assertThat(preview.buildCount()).isEqualTo(before);
        }
    }

    @Test
    void hiddenFilesAndEditorBackupsDoNotRebuild() throws Exception {
        start(Optional.empty());
        int before = preview.buildCount();
        write(project, "seeds/.first.md.swp", "swap");
        write(project, "seeds/first.md~", "backup");
        Thread.sleep(500);
        assertThat(preview.buildCount()).isEqualTo(before);
    }

    @Test
    void aBaseUrlWithAPathServesTheSiteUnderIt() throws Exception {
        write(project, "kaiyuan.yaml", "base_url: https://example.org/digest/\n");
        start(Optional.empty());

        assertThat(preview.url().getPath()).isEqualTo("/digest/");
        HttpResponse<String> top = Http.get(uri("/"));
        assertThat(top.statusCode()).isEqualTo(302);
        assertThat(top.headers().firstValue("Location")).hasValue("/digest/");
        assertThat(Http.get(uri("/digest/articles/first/")).body()).contains("First article");
        assertThat(Http.get(uri("/articles/first/")).statusCode()).isEqualTo(404);
    }

    @Test
    void theBaseUrlOptionWinsOverTheConfig() throws Exception {
        write(project, "kaiyuan.yaml", "base_url: https://example.org/digest/\n");
        start(Optional.of("https://example.org/preview/"));

        assertThat(Http.get(uri("/preview/")).statusCode()).isEqualTo(200);
        assertThat(Http.get(uri("/digest/")).statusCode()).isEqualTo(404);
    }

    @Test
    void concurrentRequestsDuringRebuildsAllGetCompletePages() throws Exception {
        start(Optional.empty());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread rebuilder = new Thread(() -> {
            for (int i = 0; running.get() && i < 200; i++) {
                write(project, "seeds/first.md", article("First article " + i, ("Paragraph " + i + ". ").repeat(200)));
                preview.rebuild();
            }
        });
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            rebuilder.start();
            List<Future<?>> done = Stream.<Future<?>>generate(() -> clients.submit(() -> {
                for (int n = 0; n < 50; n++) {
                    String path = n % 2 == 0 ? "/articles/first/" : "/";
                    HttpResponse<String> r = Http.get(uri(path));
                    Document doc = Jsoup.parse(r.body());
                    if (r.statusCode() != 200 || !r.body().stripTrailing().endsWith("</html>")
                            || doc.select("main").isEmpty()) {
                        problems.add(path + " → " + r.statusCode() + " " + r.body().length() + " chars");
                    }
                }
            })).limit(8).toList();
            for (Future<?> f : done) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            clients.shutdownNow();
            rebuilder.join(30_000);
        }
        assertThat(problems).isEmpty();
        assertThat(preview.buildCount()).isGreaterThan(2);
    }

    @Test
    void closingStopsTheServerAndLeavesNothingBehind() throws Exception {
        start(Optional.empty());
        List<Path> before;
        try (Stream<Path> files = Files.walk(project)) {
            before = files.sorted().toList();
        }
        int port = preview.port();
        preview.close();
        preview.close(); // twice is fine

        try (Stream<Path> files = Files.walk(project)) {
            assertThat(files.sorted().toList()).isEqualTo(before);
        }
        assertThat(project.resolve("site")).doesNotExist();
        assertThat(project.resolve(".kaiyuan")).doesNotExist();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close())
                .isInstanceOf(java.net.ConnectException.class);
    }
}

package dev.kaiyuan.serve;

import dev.kaiyuan.build.Build;
import dev.kaiyuan.build.ArticleRefresh;
import dev.kaiyuan.build.BuildCache;
import dev.kaiyuan.build.BuildFailure;
import dev.kaiyuan.build.BuildRequest;
import dev.kaiyuan.build.BuildResult;
import dev.kaiyuan.build.CachedBuild;
import dev.kaiyuan.config.ConfigLoader;
import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.enrich.Enricher;
import dev.kaiyuan.model.OutputFile;
import dev.kaiyuan.model.SourceRef;
import dev.kaiyuan.output.MemorySiteWriter;
import dev.kaiyuan.output.PackFolder;
import dev.kaiyuan.output.PackedFile;
import dev.kaiyuan.postprocess.LiveReloadScript;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A running preview: the build into memory, the watcher that rebuilds after changes, and the
 * server that serves the latest good build and tells open pages what happened. Every rebuild runs
 * every stage into memory, with the {@link BuildCache} of the build before, so only seeds, articles
 * and pages whose inputs changed are read, enriched and rendered again; what counts as "rebuilt" is
 * the pages whose bytes changed, and pages kept from the last site unrendered are "reused". Before
 * that rebuild, a saved article's own page is made from the last good build and served at once
 * ({@link #refresh}). Open pages reload only when they show something that changed. A failed build
 * changes nothing that is served: its errors go to the terminal and to an overlay in the pages.
 * Nothing is written to the project but, for a large site, the folder in {@code .kaiyuan/} that
 * holds its files' bytes ({@link Holding}), which stopping deletes.
 */
public final class Preview implements AutoCloseable {
    /** A saved file is a write and a rename; a pause this long after them starts the quick refresh. */
    static final Duration QUICK = Duration.ofMillis(10);
    /** Long enough to gather the burst of a {@code git checkout}, short enough not to be noticed. */
    static final Duration QUIET = Duration.ofMillis(100);
    /** A burst that never settles is rebuilt anyway after this long. */
    static final Duration LONGEST = Duration.ofSeconds(5);
    /** After a rebuild, this long without a change: the editor is reading, and memory can be given back. */
    static final Duration IDLE = Duration.ofSeconds(3);

    /**
     * Where the site's files are held while they are served. Gzipped, the pages of 100,000 articles
     * are about a gigabyte: in the heap they would take a third of what the preview needs there,
     * and every collection would trace them (BENCHMARKS.md, "Twentieth session").
     */
    public enum Holding {
        /** In memory below {@link #DISK_FROM} seed files, else on disk. */
        AUTO,
        /** In the heap. */
        MEMORY,
        /** In a folder of the project's {@code .kaiyuan/}, deleted when the preview stops ({@link PackFolder}). */
        DISK;

        /** From this many seed files {@link #AUTO} holds the site on disk: where the launcher gives {@code serve} G1. */
        public static final int DISK_FROM = 20_000;

        /** Whether the site of {@code project} is held on disk; {@link #AUTO} counts its seed files. */
        boolean onDisk(Path project) {
            if (this != AUTO) {
                return this == DISK;
            }
            Path seeds = project.resolve("seeds");
            if (!Files.isDirectory(seeds)) {
                return false;
            }
            // counted as the launcher counts: where a seeds/ that is a link leads, as the build reads
            // it, and outside hidden folders (a .git/), which the build does not read
            try {
                Path start = seeds.toRealPath();
                int[] count = {0};
                Files.walkFileTree(start, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return dir.equals(start) || !dir.getFileName().toString().startsWith(".")
                                ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        return attrs.isRegularFile() && ++count[0] >= DISK_FROM ? FileVisitResult.TERMINATE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
                return count[0] >= DISK_FROM;
            } catch (IOException e) {
                return false; // an unreadable folder: the build says what is wrong with it
            }
        }
    }

    /**
     * How to preview.
     *
     * @param bind    address to listen on; loopback unless the user asks otherwise
     * @param port    0 for any free port
     * @param baseUrl overrides the config's {@code base_url}; its path is the path the site is served under
     */
    public record Settings(Path project, String bind, int port, boolean drafts, Optional<String> baseUrl,
            Optional<String> engine, Holding holding) {
        public Settings {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(holding, "holding");
        }

        /** Settings that hold the site as {@link Holding#AUTO} decides. */
        public Settings(Path project, String bind, int port, boolean drafts, Optional<String> baseUrl,
                Optional<String> engine) {
            this(project, bind, port, drafts, baseUrl, engine, Holding.AUTO);
        }
    }

    private final Settings settings;
    private final Path project;
    private final BuildRequest request;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;
    private final MemorySiteWriter writer;
    /** Holds the site's bytes when it is held on disk; closed with the preview. */
    private final Optional<PackFolder> folder;
    private final AtomicReference<SiteSnapshot> site = new AtomicReference<>(SiteSnapshot.NONE);
    private final EventHub events = new EventHub(UUID.randomUUID().toString());
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicInteger idleCollections = new AtomicInteger();
    /** True while an idle collection runs. */
    private final AtomicBoolean collecting = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    /** What pages show while no build has succeeded: first "building", then the errors. */
    private volatile String failurePage = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Building · Kaiyuan</title><script src=\"" + LiveReloadScript.SCRIPT_PATH
            + "\" defer></script></head>\n<body><p>Building the site…</p></body></html>\n";
    private Set<String> shownWarnings = Set.of();
    private boolean failing;
    /** What the last build (good or failed) learnt; only {@link #rebuild} reads and replaces it. */
    private BuildCache cache = BuildCache.EMPTY;
    /** The last build's enricher, used again while the knowledge base stays as it is. */
    private Optional<Enricher> enricher = Optional.empty();
    /** How to re-make a saved article's page from the last good build; only {@link #rebuild} replaces it. */
    private Optional<ArticleRefresh> refresh = Optional.empty();
    private @Nullable ProjectWatcher watcher;
    private @Nullable PreviewServer server;

    private Preview(Settings settings, PrintWriter out, PrintWriter err, Clock clock, Optional<PackFolder> folder) {
        this.settings = settings;
        this.project = settings.project().toAbsolutePath().normalize();
        this.folder = folder;
        this.writer = folder.map(MemorySiteWriter::new).orElseGet(MemorySiteWriter::new);
        // The build checks its output folder even though this one is never written: name one that
        // cannot clash with anything (it is not created).
        this.request = new BuildRequest(project, project.resolve(".kaiyuan").resolve("serve-in-memory"),
                settings.drafts(), false, settings.baseUrl(), settings.engine(), Optional.of(clock));
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /**
     * Listens, watches, and builds once (printing the build's diagnostics and summary).
     *
     * @throws IOException when the address cannot be listened on (e.g. the port is taken)
     */
    public static Preview start(Settings settings, PrintWriter out, PrintWriter err) throws IOException {
        Path project = settings.project().toAbsolutePath().normalize();
        Optional<PackFolder> folder = Optional.empty();
        if (settings.holding().onDisk(project)) {
            try {
                folder = Optional.of(PackFolder.open(project.resolve(".kaiyuan")));
                print(out, "Holding the site's files in " + project.relativize(folder.get().path())
                        + (settings.holding() == Holding.AUTO ? " (" + Holding.DISK_FROM
                                + " seed files or more; --hold memory keeps them in memory)" : ""));
            } catch (IOException e) {
                print(err, "kaiyuan: note: cannot hold the site's files on disk (" + e.getMessage()
                        + "); holding them in memory");
            }
        }
        Preview preview = new Preview(settings, out, err, Clock.systemUTC(), folder);
        try {
            // Listen first, so that a taken port is reported at once, not after the first build;
            // watch before the first build, so that nothing saved during it is missed.
            preview.server = new PreviewServer(new InetSocketAddress(InetAddress.getByName(settings.bind()),
                    settings.port()), preview.site::get, () -> preview.failurePage, preview.events);
            preview.watcher = new ProjectWatcher(preview.project, QUICK, QUIET, LONGEST, IDLE,
                    new ProjectWatcher.Listener() {
                @Override
                public void changed(Set<Path> files) {
                    preview.refresh(files);
                }

                @Override
                public void settled() {
                    preview.rebuild();
                }

                @Override
                public void idle() {
                    preview.idle();
                }
            });
            preview.rebuild();
            return preview;
        } catch (IOException | RuntimeException e) {
            preview.close();
            throw e;
        }
    }

    /** The address of the site's home page, under its base path. */
    public URI url() {
        InetSocketAddress address = Objects.requireNonNull(server, "not started").address();
        InetAddress ip = address.getAddress();
        String host = ip.isAnyLocalAddress() ? "localhost"
                : ip instanceof Inet6Address ? "[" + ip.getHostAddress() + "]" : ip.getHostAddress();
        return URI.create("http://" + host + ":" + address.getPort() + SitePath.encode(site.get().basePath()));
    }

    public int port() {
        return Objects.requireNonNull(server, "not started").address().getPort();
    }

    /**
     * The project has been quiet since the last rebuild (waiting for it to finish): asks the JVM for
     * one collection, so that the heap the rebuild grew is given back while the editor reads. The
     * launcher runs the preview with the serial collector, whose full collection shrinks the heap
     * towards its free ratio (0.15-0.25 s at 10,000 articles); with G1 it has the collection run
     * concurrently ({@code -XX:+ExplicitGCInvokesConcurrent}), and G1 alone would keep the heap it
     * grew for as long as the preview runs (BENCHMARKS.md, "Seventeenth session" and "Nineteenth
     * session"). Once per quiet spell: a collection every few seconds would cost CPU for nothing.
     * It is asked for on a thread of its own, so a save meanwhile is refreshed and rebuilt as soon
     * as the collection lets it.
     */
    synchronized void idle() {
        if (closing.get() || !collecting.compareAndSet(false, true)) {
            return;
        }
        idleCollections.incrementAndGet();
        Thread collection = new Thread(() -> {
            try {
                System.gc();
            } finally {
                collecting.set(false);
            }
        }, "kaiyuan-idle-collection");
        collection.setDaemon(true);
        collection.start();
    }

    /** Collections asked for by {@link #idle} so far, for tests. */
    int idleCollections() {
        return idleCollections.get();
    }

    /** Builds run so far (good or failed), for tests and the debounce check. */
    int buildCount() {
        return builds.get();
    }

    /** Blocks until {@link #close} (e.g. from the Ctrl-C shutdown hook). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** One build into memory; swaps the site in when it succeeded and tells the open pages. */
    synchronized void rebuild() {
        if (closing.get()) {
            return;
        }
        long start = System.nanoTime();
        boolean first = builds.getAndIncrement() == 0;
        String base = basePath();
        CachedBuild built;
        try {
            built = Build.run(request, writer, List.of(new LiveReloadScript()), cache, enricher);
        } catch (RuntimeException e) {
            internalFailure(e, millis(start));
            return;
        } catch (OutOfMemoryError e) {
            // The site outgrew the heap: say so and keep serving the last good site, rather than
            // let the watcher thread die and the preview silently stop.
            cache = BuildCache.EMPTY;
            enricher = Optional.empty();
            Diagnostic problem = Diagnostic.error("memory", SourceRef.file("(build)"), "out of memory",
                    "the site needs more than the " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                            + " MiB of heap Java was given",
                    "restart the preview with more, e.g. KAIYUAN_JAVA_OPTS=-Xmx4g target/kaiyuan serve");
            failed(List.of(problem), List.of(problem), "Build failed in " + millis(start) + " ms: out of memory; "
                    + keeping());
            return;
        }
        cache = built.cache();
        enricher = Optional.of(built.enricher());
        BuildResult result = built.result();
        if (result.succeeded()) {
            refresh = built.refresh();
        }
        if (!result.succeeded()) {
            List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
            failed(result.diagnostics(), errors, "Build failed in " + millis(start) + " ms: "
                    + plural(result.errors(), "error") + "; " + keeping());
            return;
        }
        SiteSnapshot before = site.get();
        SiteSnapshot after = before.next(writer.snapshot(), base, clock.instant());
        SiteSnapshot.Changes changes = before.changesTo(after.files(), base);
        site.set(after);
        dropUnservedBytes(before, after);
        boolean recovered = failing;
        failing = false;
        printDiagnostics(result.diagnostics());
        print(out, first ? result.summary() : rebuilt(changes, built.reused(), millis(start)));
        if (!changes.none() || recovered) {
            Optional<List<String>> pages = recovered ? Optional.empty() : changes.pagesToReload();
            if (pages.isPresent()) {
                events.built(after.build(), urls(pages.get(), base));
            } else {
                events.built(after.build(), changes.stylesOnly() && !recovered);
            }
        }
        refresh.ifPresent(ArticleRefresh::prepare);
    }

    /**
     * The quick path after a save: when every file named is the seed of an article of the last good
     * build (or an editor's temporary file, gone again), those articles' pages are made at once from
     * that build and served, and only the tabs showing them reload; the full rebuild follows when
     * the burst settles and brings the rest up to date. Anything else waits for the full rebuild
     * (see {@link ArticleRefresh}), as does everything after a failed build.
     */
    synchronized void refresh(Set<Path> files) {
        if (closing.get() || failing || refresh.isEmpty() || !site.get().built()) {
            return;
        }
        long start = System.nanoTime();
        Optional<Map<String, OutputFile>> made;
        try {
            made = refresh.get().pages(files);
        } catch (RuntimeException e) {
            return; // the full rebuild reports it
        }
        if (made.isEmpty()) {
            return;
        }
        Map<String, OutputFile> pages = new TreeMap<>(made.get());
        SiteSnapshot before = site.get();
        SiteSnapshot after = before.with(pages, clock.instant());
        if (after == before) {
            return;
        }
        site.set(after);
        List<String> changed = pages.keySet().stream()
                .filter(path -> after.files().get(path) != before.files().get(path)).toList();
        print(out, "Refreshed " + String.join(", ", changed) + " in " + millis(start) + " ms; rebuilding the rest");
        events.built(after.build(), urls(changed, after.basePath()));
    }

    /**
     * With the site on disk: the bytes of files that neither the site now served nor the one
     * before it has can go (a request may still be sending a file of the one before).
     */
    private void dropUnservedBytes(SiteSnapshot before, SiteSnapshot after) {
        if (folder.isEmpty()) {
            return;
        }
        List<PackedFile> served = new ArrayList<>(before.files().size() + after.files().size());
        for (SiteSnapshot snapshot : List.of(before, after)) {
            for (SiteSnapshot.ServedFile file : snapshot.files().values()) {
                served.add(file.file());
            }
        }
        try {
            writer.keepBytesOnlyOf(served);
        } catch (IOException e) {
            print(err, "kaiyuan: note: cannot delete pack files no longer needed in "
                    + project.relativize(folder.get().path()) + ": " + e.getMessage());
        }
    }

    /** Site paths as the URL paths they are served at, under {@code base}. */
    private static List<String> urls(List<String> paths, String base) {
        return paths.stream().map(p -> base + p).toList();
    }

    /** {@code Rebuilt 3 pages in 41 ms (207 reused)}: pages whose bytes changed, and pages not rendered again. */
    private static String rebuilt(SiteSnapshot.Changes changes, int reused, long millis) {
        long pages = changes.pages();
        long others = changes.added().size() + changes.changed().size() - pages;
        return "Rebuilt " + plural((int) pages, "page") + " in " + millis + " ms (" + reused + " reused)"
                + (others > 0 ? ", " + plural((int) others, "other file") + " changed" : "")
                + (changes.removed().isEmpty() ? "" : ", " + changes.removed().size() + " removed");
    }

    private void internalFailure(RuntimeException e, long millis) {
        if (closing.get()) {
            return; // stopped mid-build: what failed is the stopping (e.g. its files deleted)
        }
        String stage = e instanceof BuildFailure f ? f.stage() : "build";
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        Diagnostic problem = Diagnostic.error("internal", SourceRef.file("(stage " + stage + ")"),
                "internal error", String.valueOf(cause),
                "a bug or an I/O failure; the last good site is still served; please report this");
        failed(List.of(problem), List.of(problem), "Build failed in " + millis + " ms: internal error in stage '"
                + stage + "'; " + keeping());
    }

    private String keeping() {
        return site.get().built() ? "still serving the last good site" : "pages show the errors until it builds";
    }

    private void failed(List<Diagnostic> all, List<Diagnostic> errors, String summary) {
        failing = true;
        printDiagnostics(all);
        print(out, summary);
        ErrorReport report = new ErrorReport(summary, errors);
        failurePage = failurePage(report);
        events.failed(report.json());
    }

    /** Errors every time; a warning only the first time it appears, so the terminal stays readable. */
    private void printDiagnostics(List<Diagnostic> diagnostics) {
        Set<String> warnings = new HashSet<>();
        StringBuilder text = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            String line = d.format();
            if (!d.isError()) {
                warnings.add(line);
                if (shownWarnings.contains(line)) {
                    continue;
                }
            }
            text.append(line).append('\n');
        }
        shownWarnings = warnings;
        if (!text.isEmpty()) {
            print(err, text.toString().stripTrailing());
        }
    }

    private static void print(PrintWriter to, String text) {
        synchronized (to) {
            to.println(text);
            to.flush();
        }
    }

    /** Shown instead of the site while no build has succeeded yet; it reloads itself when one does. */
    private static String failurePage(ErrorReport report) {
        StringBuilder page = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Build failed · Kaiyuan</title><script src=\"" + LiveReloadScript.SCRIPT_PATH
                + "\" defer></script></head>\n<body><h1>" + escape(report.summary()) + "</h1>\n<pre>");
        report.problems().forEach(d -> page.append(escape(d.format())).append("\n\n"));
        return page.append("</pre></body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The path of {@code base_url} ({@code --base-url}, else the config's), or "/" without one. */
    private String basePath() {
        Optional<String> url = settings.baseUrl().or(this::configBaseUrl);
        try {
            String path = url.map(u -> URI.create(u).getPath()).orElse("/");
            path = path == null || path.isEmpty() ? "/" : path;
            return path.endsWith("/") ? path : path + "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private Optional<String> configBaseUrl() {
        Path file = project.resolve(SiteConfig.FILE_NAME);
        try {
            return Files.isRegularFile(file) ? ConfigLoader.load(Files.readAllBytes(file),
                    SiteConfig.FILE_NAME, new DiagnosticSink()).baseUrl() : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the build reports what is wrong with the config
        }
    }

    private static void delete(PackFolder folder) {
        try {
            folder.close();
        } catch (IOException e) {
            // the next preview deletes it
        }
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Stops watching and serving; open event streams end. Safe to call more than once, from any thread. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (watcher != null) {
            watcher.close();
        }
        if (server != null) {
            server.close();
        }
        // not waiting for a rebuild that runs now (the first one of a large site takes minutes):
        // what it still writes is left for the next preview to delete
        folder.ifPresent(Preview::delete);
        closed.countDown();
    }
}

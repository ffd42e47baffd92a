package dev.kaiyuan.build;

import dev.kaiyuan.assemble.SiteAssembler;
import dev.kaiyuan.config.ConfigLoader;
import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.enrich.Enricher;
import dev.kaiyuan.ingest.ArticleReader;
import dev.kaiyuan.ingest.KnowledgeReader;
import dev.kaiyuan.model.Enrichment;
import dev.kaiyuan.model.EveryCore;
import dev.kaiyuan.model.Gazetteer;
import java.util.LinkedHashMap;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.ArticleBody;
import dev.kaiyuan.model.OutputFile;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.model.SourceRef;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.output.DiskSiteWriter;
import dev.kaiyuan.output.FileStamp;
import dev.kaiyuan.output.FolderStamp;
import dev.kaiyuan.output.MemorySiteWriter;
import dev.kaiyuan.output.SiteOutput;
import dev.kaiyuan.output.OutputFolder;
import dev.kaiyuan.output.SiteWriter;
import dev.kaiyuan.postprocess.EntityLinks;
import dev.kaiyuan.postprocess.HeadMetadata;
import dev.kaiyuan.postprocess.HtmlPostProcessor;
import dev.kaiyuan.postprocess.HtmlTransform;
import dev.kaiyuan.render.ArticlePages;
import dev.kaiyuan.render.PageRenderer;
import dev.kaiyuan.render.SiteFileProducer;
import dev.kaiyuan.render.SiteUrls;
import dev.kaiyuan.search.DocumentTerms;
import dev.kaiyuan.search.SearchIndexProducer;
import dev.kaiyuan.render.RenderedPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One build, stage by stage: config → load → read (decode, clean, parse) → assemble → render →
 * postprocess → write. Content problems become diagnostics and the site is written only when
 * there are none (no warnings either, with {@code strict}); a stage that breaks for any other
 * reason is reported as a {@link BuildFailure} naming the stage.
 */
public final class Build {
    private Build() {
    }

    /** A cold build into {@code request.out()} on disk, without any cache. */
    public static BuildResult run(BuildRequest request) {
        return run(request, new DiskSiteWriter(request.out()));
    }

    /**
     * The build of {@code kaiyuan build} and {@code check}: into {@code request.out()} on disk, reusing
     * what the last successful build kept in {@code PROJECT/.kaiyuan/} and, when this one succeeds,
     * keeping what the next may reuse. A build that fails before writing its site (any error in the
     * articles, templates or configuration) leaves both the site and the kept cache as they were; one
     * that fails while moving its changed files into place (an I/O error) leaves the cache as it was,
     * so the next build puts the site right. The output is the same as a cold build's.
     *
     * @param useCache false to neither read nor write the cache ({@code --no-cache})
     * @param notes    told, at most once per build, when the cache could not be read or kept
     */
    public static BuildResult run(BuildRequest request, boolean useCache, Consumer<String> notes) {
        if (!useCache) {
            return run(request);
        }
        Path project = request.project().toAbsolutePath().normalize();
        AtomicBoolean noted = new AtomicBoolean();
        Consumer<String> once = note -> {
            if (noted.compareAndSet(false, true)) {
                notes.accept(note);
            }
        };
        String variant = PersistentCache.variant(request);
        // The seeds are listed on a thread of their own while the cache is loaded: the cache's main
        // file is decoded on one core (at 10,000 articles the listing is a tenth of a rebuild).
        SeedListing listing = SeedListing.start(project);
        try (PersistentCache.Loaded loaded = Files.isDirectory(project)
                ? PersistentCache.load(project, variant, request.out(), once) : PersistentCache.Loaded.EMPTY) {
            return runWithCache(request, project, variant, loaded, listing, once);
        } finally {
            listing.awaitQuietly();
        }
    }

    /**
     * A disk build from {@code loaded} that keeps its cache when it succeeds. A build that cannot
     * read a part of the cache left in its files ({@link PersistentCache.Unreadable}: the file
     * changed under it) is done again from scratch, with a note: a cache only ever costs speed.
     * Nothing is committed before the end of a build, so the first attempt leaves the site as it was.
     */
    static BuildResult runWithCache(BuildRequest request, Path project, String variant, PersistentCache.Loaded loaded,
            Consumer<String> notes) {
        SeedListing listing = SeedListing.start(project);
        try {
            return runWithCache(request, project, variant, loaded, listing, notes);
        } finally {
            listing.awaitQuietly();
        }
    }

    private static BuildResult runWithCache(BuildRequest request, Path project, String variant,
            PersistentCache.Loaded loaded, SeedListing listing, Consumer<String> notes) {
        BuildCache last = loaded.cache();
        CachedBuild built;
        try {
            built = run(request, new DiskSiteWriter(request.out(), last.written().keySet(), last.folders()), List.of(),
                    last, Optional.empty(), Keep.DISK, Optional.of(listing));
        } catch (RuntimeException e) {
            Optional<PersistentCache.Unreadable> unreadable = causeOf(e, PersistentCache.Unreadable.class);
            if (unreadable.isEmpty()) {
                throw e;
            }
            notes.accept(unreadable.get().getMessage() + "; building from scratch");
            last = BuildCache.EMPTY;
            built = run(request, new DiskSiteWriter(request.out()), List.of(), last, Optional.empty(), Keep.DISK,
                    Optional.of(listing));
        }
        if (built.result().succeeded()) {
            PersistentCache.save(project, variant, request.out(), built.cache(), last, built.result().articles(),
                    notes);
        }
        return built.result();
    }

    private static <E extends Throwable> Optional<E> causeOf(Throwable thrown, Class<E> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    public static BuildResult run(BuildRequest request, SiteWriter writer) {
        return run(request, writer, List.of());
    }

    /**
     * As {@link #run(BuildRequest, SiteWriter)}, with {@code preview} transforms run on every page
     * after the published chain. Only {@code kaiyuan serve} passes any (its live-reload script), so
     * a published build never contains them.
     */
    public static BuildResult run(BuildRequest request, SiteWriter writer, List<HtmlTransform> preview) {
        return run(request, writer, preview, BuildCache.EMPTY, Keep.NOTHING).result();
    }

    /**
     * As {@link #run(BuildRequest, SiteWriter, List)}, reusing what {@code last} holds of earlier
     * builds. Every stage runs; reading, enrichment, rendering and post-processing skip the seeds,
     * articles and pages whose inputs did not change, so the output is the same as a cold build's.
     * For the preview server: {@code writer} is a {@link MemorySiteWriter}, whose last snapshot
     * holds the files that {@code last} recorded, and from which unchanged pages are kept.
     *
     * @return the result, and the cache to pass to the next build (also after a failed build)
     */
    public static CachedBuild run(BuildRequest request, MemorySiteWriter writer, List<HtmlTransform> preview,
            BuildCache last) {
        return run(request, writer, preview, last, Optional.empty(), Keep.MEMORY);
    }

    /**
     * As {@link #run(BuildRequest, MemorySiteWriter, List, BuildCache)}, taking {@code enricher}, the
     * last build's ({@link CachedBuild#enricher}), when it was made from the very knowledge base this
     * build uses, the one the cache kept: its entity automaton is made once per knowledge base, not
     * on every save (at 10,000 articles 20 MB of arrays, each large enough for the collector to
     * start a cycle for it).
     */
    public static CachedBuild run(BuildRequest request, MemorySiteWriter writer, List<HtmlTransform> preview,
            BuildCache last, Optional<Enricher> enricher) {
        return run(request, writer, preview, last, enricher, Keep.MEMORY);
    }

    /**
     * What a build keeps of its pages for the next one. Both kinds keep hashes of what each page
     * was made from and the stamp of the file it became, and a next build takes a page whose hashes
     * match from the output as it is ({@link SiteOutput#keep}); the output is a folder, or the
     * preview's memory.
     */
    enum Keep {
        /** Nothing: no next build will ask. */
        NOTHING,
        /**
         * In memory, for the preview server, whose site is in memory too: a build with errors still
         * takes what it can from that site, uncommitted, so that a broken seed does not make every
         * save render the whole site. (A page it made itself is in no committed site, so its stamp
         * would match nothing: {@link MemorySiteWriter}.)
         */
        MEMORY,
        /** Persisted, for disk builds ({@link PersistentCache}). */
        DISK
    }

    static CachedBuild run(BuildRequest request, SiteWriter writer, List<HtmlTransform> preview, BuildCache last,
            Keep keep) {
        return run(request, writer, preview, last, Optional.empty(), keep);
    }

    private static CachedBuild run(BuildRequest request, SiteWriter writer, List<HtmlTransform> preview,
            BuildCache last, Optional<Enricher> lastEnricher, Keep keep) {
        return run(request, writer, preview, last, lastEnricher, keep, Optional.empty());
    }

    private static CachedBuild run(BuildRequest request, SiteWriter writer, List<HtmlTransform> preview,
            BuildCache last, Optional<Enricher> lastEnricher, Keep keep, Optional<SeedListing> listing) {
        long start = System.nanoTime();
        DiagnosticSink sink = new DiagnosticSink();
        Path project = request.project().toAbsolutePath().normalize();
        // Taken before the seeds are listed: a seed modified after this has a later time
        // (SeedStamp). Only a disk build takes seeds by their stamps: it keeps its cache in
        // .kaiyuan/ anyway, while the preview leaves nothing in the project.
        long startNanos = listing.map(SeedListing::startNanos)
                .orElseGet(() -> keep == Keep.DISK ? fileSystemNow(project) : Long.MIN_VALUE);
        SiteConfig config = stage("config", () -> config(project, request, sink));
        // opened while the knowledge base and the articles are read
        ThemeOpening theme = ThemeOpening.start(project, config.engine());
        try {
            BuildCache cache = last.forConfig(config);
            // The knowledge base is read, and its enricher (an entity automaton) made, while the seeds
            // are listed and read, which need neither (at 10,000 articles the reading of the knowledge
            // base alone took 0.4 s of the build's own thread, one core left to the theme); the last
            // build's enricher is kept when it was made from this very knowledge base. What reading it
            // reports is held apart and reported when it is taken, after the seeds' (as the seed
            // listing's is): which diagnostics a build past the sink's limit keeps must not depend
            // on which thread got there first.
            DiagnosticSink knowledgeNotes = new DiagnosticSink(sink.limit());
            Background<Knowing> knowing = Background.start("kaiyuan-knowledge", "the knowledge base was read",
                    () -> {
                        Known known = knowledge(project, cache, knowledgeNotes);
                        Optional<Enricher> kept = lastEnricher.filter(e -> e.gazetteer() == known.gazetteer());
                        return new Knowing(known, kept.isPresent() ? kept.get() : new Enricher(known.gazetteer()));
                    });
            try {
                // Each seed's bytes are held only while it is read (90 MB at 10,000 articles, 900 MB at 100,000).
                Reads reads = stage("read", () -> read(project, stage("load", () -> io(() -> listing.isPresent()
                        ? listing.get().files(sink)
                        : ProjectFiles.seeds(project, new ArticleReader(config.zone(), ArticleBody.Packing.PLAIN)
                                .readers().extensions(), sink))), config, cache, startNanos, keep == Keep.MEMORY,
                        sink));
                List<Article> articles = reads.articles().stream().filter(a -> request.drafts() || !a.draft())
                        .toList();
                SiteAssembler assembler = new SiteAssembler();
                request.clock().ifPresent(clock -> assembler.warnDatedInTheFuture(articles, clock.instant(), sink));
                SiteModel assembled = stage("assemble", () -> assembler.assemble(articles, sink));
                Knowing knew = stage("knowledge", () -> io(knowing::take));
                sink.reportAll(knowledgeNotes);
                Known known = knew.known();
                Enricher enricher = knew.enricher();
                Enriching enriched = stage("enrich", () -> enrich(assembled, enricher, known.hash(), cache, sink));
                SiteModel site = enriched.site();
                OutputFolder.problem(project, request.out()).ifPresent(problem -> sink.report(Diagnostic.error(
                        "output.unsafe", SourceRef.file(request.out().toString()),
                        "refusing to replace the output folder", problem,
                        "choose an output folder of its own, e.g. site/")));
                Output output = new Output(writer, request.strict(), keep);
                Map<String, String> readHashes = new HashMap<>();
                reads.memo().forEach((path, read) -> readHashes.put(path, read.hash()));
                Rendered rendered = stage("render", () -> io(() -> render(project, theme, site, config, enricher,
                        preview, new PageReuse.ArticleKeys(readHashes, known.hash()), cache, output, sink)));
                long millis = (System.nanoTime() - start) / 1_000_000;
                BuildResult result = new BuildResult(sink.sorted(), sink.errorCount(), sink.warningCount(),
                        sink.dropped(), site.all().size(), rendered.htmlFiles(), millis, rendered.written());
                // A build that did not commit (it had errors) left the output as the last one that did:
                // what that build recorded of the output, and what its pages were rendered with, pass
                // on, so a page back as it was then (an edit undone) is kept again.
                // (the stages' maps are made for this cache, which takes them as they are)
                BuildCache next = rendered.written()
                        ? new BuildCache(Optional.of(config), BuildCache.handedOver(reads.memo()), known.memo(),
                                BuildCache.handedOver(enriched.memo()), rendered.inputs(),
                                BuildCache.handedOver(rendered.files()), rendered.folders(), rendered.search(),
                                rendered.postings())
                        : new BuildCache(Optional.of(config), BuildCache.handedOver(reads.memo()), known.memo(),
                                BuildCache.handedOver(enriched.memo()), cache.render(), cache.written(),
                                cache.folders(), rendered.search(), rendered.postings());
                // The preview's quick path for a saved article works from the last good build only.
                Optional<ArticleRefresh> refresh = keep == Keep.MEMORY && rendered.written()
                        ? rendered.articlePages().map(pages -> new ArticleRefresh(project, config, request.drafts(),
                                site, reads.seeds(), enricher, pages,
                                HtmlPostProcessor.forBuild(config.chinese()).followedBy(preview)))
                        : Optional.empty();
                return new CachedBuild(result, next, rendered.fresh(), rendered.reused(), refresh, enricher);
            } finally {
                knowing.awaitQuietly();
            }
        } finally {
            // a build that failed before it took the theme leaves no work of its own running
            theme.awaitQuietly();
        }
    }

    /**
     * Now, by the clock the project's file times are kept by: the time of a file written in
     * {@code .kaiyuan/} (a file server's clock may differ from this machine's; git compares with its
     * index file's time for the same reason). {@link Long#MIN_VALUE} when it cannot be written: then
     * no seed counts as settled, and every seed is read.
     */
    static long fileSystemNow(Path project) {
        if (!Files.isDirectory(project)) {
            return Long.MIN_VALUE;
        }
        try {
            Path clock = project.resolve(PersistentCache.FOLDER).resolve("clock");
            Files.createDirectories(clock.getParent());
            Files.write(clock, new byte[] {'\n'});
            return Files.getLastModifiedTime(clock).to(TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Where the pages go and what to keep of them: the writer, whether warnings fail, the cache kind. */
    private record Output(SiteWriter writer, boolean strict, Keep keep) {
        /** True when the build so far may be written: no errors, and no warnings when strict. */
        boolean writable(DiagnosticSink sink) {
            return !sink.hasErrors() && !(strict && sink.warningCount() > 0);
        }
    }

    private static SiteConfig config(Path project, BuildRequest request, DiagnosticSink sink) {
        Path file = project.resolve(SiteConfig.FILE_NAME);
        SiteConfig config = SiteConfig.defaults();
        if (Files.isRegularFile(file)) {
            try {
                config = ConfigLoader.load(Files.readAllBytes(file), SiteConfig.FILE_NAME, sink);
            } catch (IOException e) {
                sink.report(ProjectFiles.unreadable(SiteConfig.FILE_NAME, false, e));
            }
        }
        Optional<String> override = request.baseUrl()
                .flatMap(u -> ConfigLoader.baseUrl(u, SourceRef.file("--base-url"), sink));
        SiteConfig withUrl = override.map(config::withBaseUrl).orElse(config);
        return request.engine().map(withUrl::withEngine).orElse(withUrl);
    }

    /** The knowledge base, its key for later stages, and what to keep of it for the next build. */
    private record Known(Gazetteer gazetteer, String hash, Optional<BuildCache.Knowledge> memo) {
    }

    /** The knowledge base and the enricher made of it. */
    private record Knowing(Known known, Enricher enricher) {
    }

    /**
     * The knowledge base in seeds/data/, or an empty one when the project has none; read again only
     * when its files changed or it had diagnostics last time.
     */
    private static Known knowledge(Path project, BuildCache cache, DiagnosticSink sink) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path data = project.resolve(KnowledgeReader.ORGANIZATIONS).getParent();
        if (Files.isDirectory(data) && !(Files.isReadable(data) && Files.isExecutable(data))) {
            // its tables would look absent, and the site would be built without its knowledge base
            sink.report(ProjectFiles.denied(ProjectFiles.relative(project, data), true));
        }
        for (String path : List.of(KnowledgeReader.ORGANIZATIONS, KnowledgeReader.MODELS, KnowledgeReader.PEOPLE)) {
            Path file = project.resolve(path);
            if (Files.isRegularFile(file)) {
                try {
                    files.put(path, Files.readAllBytes(file));
                } catch (IOException e) {
                    // the rest of the knowledge base still serves the build's other diagnostics
                    sink.report(ProjectFiles.unreadable(path, false, e));
                }
            }
        }
        Hashes hash = new Hashes().add(BuildCache.ENRICH_VERSION);
        files.forEach((path, bytes) -> hash.add(path).add(bytes));
        String key = hash.hex();
        Optional<BuildCache.Knowledge> kept = cache.knowledge().filter(k -> k.hash().equals(key));
        if (kept.isPresent()) {
            return new Known(kept.get().gazetteer(), key, kept);
        }
        DiagnosticSink own = new DiagnosticSink(sink.limit());
        Gazetteer gazetteer = files.isEmpty() ? Gazetteer.EMPTY : new KnowledgeReader().read(files, own);
        sink.reportAll(own.sorted());
        return new Known(gazetteer, key, clean(own) ? Optional.of(new BuildCache.Knowledge(key, gazetteer))
                : Optional.empty());
    }

    /** The site with every article's enrichment, and what to keep of them for the next build. */
    private record Enriching(SiteModel site, Map<String, BuildCache.Enriched> memo) {
    }

    /**
     * One article's enrichment and the diagnostics it gave, or the kept one it repeats; kept for the
     * next build unless the article's own sink dropped some (they could not be reported again).
     */
    private record EnrichedOne(Enrichment enrichment, List<Diagnostic> diagnostics, boolean keep) {
    }

    /**
     * Articles are enriched in parallel (the enricher is thread-safe); results keep the site's order.
     * An article equal to one enriched with the same knowledge base last time is not enriched again;
     * the diagnostics enriching it gave are reported again.
     */
    private static Enriching enrich(SiteModel site, Enricher enricher, String knowledge, BuildCache cache,
            DiagnosticSink sink) {
        List<Article> all = site.all();
        List<EnrichedOne> results = EveryCore.map(all, a -> {
            BuildCache.Enriched kept = cache.enriched().get(a.origin().path());
            if (kept != null && kept.knowledgeHash().equals(knowledge) && kept.article().equals(a)) {
                return new EnrichedOne(kept.enrichment(), kept.diagnostics(), true);
            }
            DiagnosticSink own = new DiagnosticSink(sink.limit());
            Enrichment e = enricher.enrich(a, own);
            return new EnrichedOne(e, clean(own) ? List.of() : own.sorted(), own.dropped() == 0);
        });
        Map<String, Enrichment> enrichments = new LinkedHashMap<>();
        Map<String, BuildCache.Enriched> memo = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Article a = all.get(i);
            EnrichedOne one = results.get(i);
            sink.reportAll(one.diagnostics());
            enrichments.put(a.slug(), one.enrichment());
            if (one.keep()) {
                memo.put(a.origin().path(), new BuildCache.Enriched(a, knowledge, one.enrichment(), one.diagnostics()));
            }
        }
        return new Enriching(site.withKnowledge(enricher.gazetteer(), enrichments), memo);
    }

    /** The articles of the seeds in path order, every seed's path, and what to keep of them for the next build. */
    private record Reads(List<Article> articles, List<String> seeds, Map<String, BuildCache.Read> memo) {
    }

    /**
     * One seed's article and the diagnostics reading it gave, or the kept article it repeats;
     * {@code read} false for a seed too large to read (its error in the diagnostics); {@code stamp}
     * the seed's, when settled enough to be trusted next time.
     */
    private record ReadOne(String path, String hash, Optional<Article> article, List<Diagnostic> diagnostics,
            boolean read, Optional<BuildCache.SeedStamp> stamp) {
    }

    /**
     * Seeds are read from disk and parsed in parallel, one reader per worker thread (readers keep
     * per-instance caches); the list keeps the seeds' path order, so output does not depend on
     * scheduling. A seed whose bytes (and sidecar's) hash as last time, when it was read without
     * diagnostics, is not parsed again, and its bytes are let go at once; one whose stamp is still
     * the settled one it had then is not even read ({@link BuildCache.SeedStamp}). Each seed reports
     * into a sink of its own, so one seed's errors never count as another's.
     */
    private static Reads read(Path project, List<SeedFile> seeds, SiteConfig config, BuildCache cache,
            long startNanos, boolean preview, DiagnosticSink sink) {
        ArticleBody.Packing packing = preview ? ArticleBody.Packing.forPreview() : ArticleBody.Packing.forSite(seeds.size());
        ThreadLocal<ArticleReader> readers = ThreadLocal.withInitial(() -> new ArticleReader(config.zone(), packing));
        List<ReadOne> results = EveryCore.map(seeds, file -> {
            BuildCache.Read unchanged = cache.reads().get(file.path());
            // (a kept article whose body is held another way is read again, as its hash says)
            if (unchanged != null && unchanged.stamp().isPresent() && unchanged.stamp().equals(file.stamp())
                    && unchanged.article().map(a -> a.body().packing() == packing).orElse(true)) {
                return new ReadOne(file.path(), unchanged.hash(), unchanged.article(), List.of(), true,
                        unchanged.stamp());
            }
            Optional<BuildCache.SeedStamp> settled = file.stamp().filter(s -> s.settledBefore(startNanos));
            DiagnosticSink own = new DiagnosticSink(sink.limit());
            Optional<Seed> loaded = ProjectFiles.read(project, file, own);
            if (loaded.isEmpty()) {
                return new ReadOne(file.path(), "", Optional.empty(), own.sorted(), false, Optional.empty());
            }
            Seed seed = loaded.get();
            String path = seed.file().path();
            String hash = hash(seed, packing);
            BuildCache.Read kept = cache.reads().get(path);
            if (kept != null && kept.hash().equals(hash) && clean(own)) {
                return new ReadOne(path, hash, kept.article(), List.of(), true, settled);
            }
            Optional<Article> article = readers.get().read(seed.file(), seed.sidecar(), own);
            return new ReadOne(path, hash, article, clean(own) ? List.of() : own.sorted(), true, settled);
        });
        List<Article> articles = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        Map<String, BuildCache.Read> memo = new HashMap<>();
        for (ReadOne one : results) {
            sink.reportAll(one.diagnostics());
            if (!one.read()) {
                continue;
            }
            paths.add(one.path());
            one.article().ifPresent(articles::add);
            if (one.diagnostics().isEmpty()) {
                memo.put(one.path(), new BuildCache.Read(one.hash(), one.article(), one.stamp()));
            }
        }
        return new Reads(articles, paths, memo);
    }

    /** What a seed's article is made from: its bytes (and its sidecar's), the reader, how bodies are held. */
    private static String hash(Seed seed, ArticleBody.Packing packing) {
        Hashes hash = new Hashes().add(BuildCache.READER_VERSION).add(packing.name()).add(seed.file().path())
                .add(seed.file());
        seed.sidecar().ifPresent(s -> hash.add(s.path()).add(s));
        return hash.hex();
    }

    private static boolean clean(DiagnosticSink sink) {
        return sink.errorCount() == 0 && sink.warningCount() == 0;
    }

    /** What writing the pages left: the files' stamps, the folders', the page memo, whether the site was swapped in. */
    private record Emitted(Map<String, FileStamp> stamps, Map<String, FolderStamp> folders, PageReuse memo,
            boolean committed) {
    }

    /**
     * How the render stage went: whether the site was written, how many HTML files it has, what
     * every page was rendered with, every file of the site with the keys it may be kept by next
     * time, the folders, which pages were rendered and how many were kept, and the search index's
     * parts to keep.
     */
    private record Rendered(boolean written, int htmlFiles, Optional<BuildCache.RenderInputs> inputs,
            Map<String, BuildCache.Written> files,
            Map<String, FolderStamp> folders, List<String> fresh,
            int reused, Map<String, DocumentTerms> search, Optional<BuildCache.Postings> postings,
            Optional<ArticlePages> articlePages) {
    }

    /**
     * Renders the pages, then post-processes and writes them one by one as they come, in parallel.
     * A page whose template and view record hash as last build's (or the inputs its view is made
     * from), with the same theme files, knowledge base and preview transforms, is not rendered again;
     * a page whose HTML and head facts hash as last build's is not post-processed again; either is
     * taken from the output as it is, not written again (on disk: the output folder's file; in
     * memory: the preview's last site). The new site is committed only when the build has no errors
     * (nor warnings, when strict); otherwise it is thrown away, or never started.
     */
    private static Rendered render(Path project, ThemeOpening opening, SiteModel site, SiteConfig config,
            Enricher enricher, List<HtmlTransform> preview, PageReuse.ArticleKeys articleKeys, BuildCache cache,
            Output output, DiagnosticSink sink) throws IOException {
        String knowledge = articleKeys.knowledgeHash();
        Optional<ThemeOpening.Opened> opened = opening.take(sink);
        if (opened.isEmpty()) {
            return new Rendered(false, 0, Optional.empty(), Map.of(), Map.of(), List.of(), 0, Map.of(),
                    Optional.empty(), Optional.empty());
        }
        Theme theme = opened.get().theme();
        BuildCache.RenderInputs inputs = new BuildCache.RenderInputs(theme.fingerprint(), knowledge, preview);
        boolean same = cache.render().equals(Optional.of(inputs));
        List<SiteFileProducer> producers = new ArrayList<>(PageRenderer.publishingProducers());
        SearchReuse search = new SearchReuse(cache.search(), cache.postings(), knowledge,
                output.keep() != Keep.NOTHING);
        producers.add(new SearchIndexProducer(search));
        // a rebuild keeps most pages: the search index is made while they are laid out
        boolean rebuild = same && !cache.written().isEmpty();
        PageRenderer renderer = new PageRenderer(opened.get().engine(), name -> theme.displayName(project, name),
                producers, rebuild);
        Map<String, Path> assets = theme.assets();
        Map<String, String> keys = new ConcurrentHashMap<>();
        AtomicInteger htmlCount = new AtomicInteger();
        // Problems found before rendering mean nothing is written; template errors found while
        // rendering mean what was written is thrown away (the session is not committed).
        boolean writable = output.writable(sink);
        // the preview's site in memory is opened even when it will not be committed (see Keep.MEMORY)
        boolean emit = writable || output.keep() == Keep.MEMORY;
        // A page that cannot be post-processed or put stops the others from being worked on,
        // and is thrown once every page in flight is done, so nothing writes into a staging
        // folder that is being removed.
        AtomicReference<RuntimeException> broken = new AtomicReference<>();
        Emitted emitted = io(() -> {
            try (SiteOutput out = emit ? stage("write", () -> io(output.writer()::open)) : DISCARD) {
                // With last build's pages and the same theme, knowledge and config, a page whose
                // view is unchanged is kept from the old site without rendering it.
                Optional<PageReuse.LastSite> last = emit && output.keep() != Keep.NOTHING
                        ? Optional.of(new PageReuse.LastSite(same ? cache.written() : Map.of(), out, keys))
                        : Optional.empty();
                PageReuse memo = new PageReuse(last, Optional.of(articleKeys));
                Pages run = new Pages(same ? cache.written() : Map.of(), site, config, enricher,
                        HtmlPostProcessor.forBuild(config.chinese()).followedBy(preview), output.keep());
                // Each page is post-processed and put into the new site as soon as it is
                // rendered, on whichever thread rendered it, and then let go: the site's bytes
                // do not depend on the order pages are put in, and no list of every page's
                // HTML is ever held.
                renderer.render(site, config, sink, memo, page -> {
                    if (page.path().endsWith(".html")) {
                        htmlCount.incrementAndGet();
                    }
                    if (emit && !page.kept() && broken.get() == null) {
                        try {
                            io(() -> run.emit(page, out, keys));
                        } catch (RuntimeException e) {
                            broken.compareAndSet(null, e);
                        }
                    }
                });
                if (broken.get() != null) {
                    RuntimeException e = broken.get();
                    throw e instanceof BuildFailure f ? f : new BuildFailure("postprocess", e);
                }
                return stage("write", () -> io(() -> {
                    for (Map.Entry<String, Path> asset : assets.entrySet()) {
                        if (asset.getKey().endsWith(".html")) {
                            htmlCount.incrementAndGet();
                        }
                        if (emit) {
                            out.put(OutputFile.owning(asset.getKey(), Files.readAllBytes(asset.getValue())));
                        }
                    }
                    boolean commit = writable && output.writable(sink);
                    if (commit) {
                        out.commit();
                    }
                    return new Emitted(out.stamps(), out.folders(), memo, commit);
                }));
            }
        });
        PageReuse memo = emitted.memo();
        int html = htmlCount.get();
        if (!emit) {
            return new Rendered(false, html, Optional.of(inputs), Map.of(), Map.of(), memo.fresh(),
                    memo.reused(), search.after(), search.postings(), Optional.empty());
        }
        // every file of the new site, with the keys it may be kept by next time (none for an asset):
        // the next build's commit knows from them what a folder it need not list holds
        Map<String, BuildCache.Written> files = new HashMap<>(emitted.stamps().size() * 4 / 3 + 1);
        emitted.stamps().forEach((path, stamp) -> files.put(path,
                new BuildCache.Written(keys.getOrDefault(path, ""), memo.view(path), stamp)));
        return new Rendered(emitted.committed(), html, Optional.of(inputs), files,
                emitted.folders(), memo.fresh(), memo.reused(), search.after(), search.postings(),
                output.keep() == Keep.MEMORY ? Optional.of(renderer.articlePages(site, config)) : Optional.empty());
    }

    /** Takes the pages of a build that is not written (it has errors), keeping nothing. */
    private static final SiteOutput DISCARD = new SiteOutput() {
        @Override
        public void put(OutputFile file) {
        }

        @Override
        public void commit() {
            throw new IllegalStateException("a site with errors is never committed");
        }

        @Override
        public void close() {
        }
    };

    /**
     * Post-processing and writing of one build's pages, for any number of threads: last build's
     * files with their post-processing keys, and what post-processing needs.
     */
    private static final class Pages {
        private final Map<String, BuildCache.Written> written;
        private final Map<String, Article> bySlug = new HashMap<>();
        private final SiteConfig config;
        private final Enricher enricher;
        private final HtmlPostProcessor post;
        private final Keep keep;

        Pages(Map<String, BuildCache.Written> written, SiteModel site, SiteConfig config, Enricher enricher,
                HtmlPostProcessor post, Keep keep) {
            this.written = written;
            site.all().forEach(a -> bySlug.put(SiteModel.articlePath(a), a));
            this.config = config;
            this.enricher = enricher;
            this.post = post;
            this.keep = keep;
        }

        /**
         * Puts one page into the new site: data files as they are; HTML post-processed, or last
         * build's file (on disk or in memory) when its HTML and head facts did not change.
         */
        Void emit(RenderedPage page, SiteOutput out, Map<String, String> keys) throws IOException {
            String path = page.path();
            if (!path.endsWith(".html")) {
                // its producer made these bytes for this page alone
                out.put(OutputFile.owning(path, page.bytes()));
                if (keep != Keep.NOTHING) {
                    // recorded with the view key its producer gave (if any), so that the next
                    // build may keep the file unmade; a data file has no post-processing key
                    keys.put(path, "");
                }
                return null;
            }
            Optional<HeadMetadata.ArticleMeta> meta = Optional.ofNullable(bySlug.get(path)).map(Build::meta);
            if (keep != Keep.NOTHING) {
                String key = key(path, page.html(), meta);
                keys.put(path, key);
                BuildCache.Written last = written.get(path);
                if (last != null && last.key().equals(key) && out.keep(path, last.stamp())) {
                    return null;
                }
            }
            // the page's bytes are made here and handed over
            out.put(OutputFile.owning(path, post.processToUtf8(page.html(), transforms(path, meta, config, enricher))));
            return null;
        }

        /** What a finished page depends on besides the render inputs and config: path, HTML and head facts. */
        private static String key(String path, String html, Optional<HeadMetadata.ArticleMeta> meta)
                throws IOException {
            java.io.ByteArrayOutputStream facts = new java.io.ByteArrayOutputStream();
            CodecOutput data = CodecOutput.to(facts);
            new RecordCodec.Writer(data).write(meta);
            data.flush();
            return new Hashes().add(path).add(html).add(facts.toByteArray()).hex();
        }
    }

    /** The transforms of one page alone, run before the site's chain. */
    static List<HtmlTransform> transforms(String path, Optional<HeadMetadata.ArticleMeta> meta,
            SiteConfig config, Enricher enricher) {
        List<HtmlTransform> own = new ArrayList<>();
        if (path.startsWith("articles/")) {
            own.add(new EntityLinks(enricher.tagger()::tag, "../../"));
        }
        if (config.baseUrl().isPresent() && !path.equals("404.html")) {
            own.add(new HeadMetadata(SiteUrls.absolute(config.baseUrl().get(), path), config.title(), meta));
        }
        return own;
    }

    static HeadMetadata.ArticleMeta meta(Article a) {
        return new HeadMetadata.ArticleMeta(a.title(), a.summary(), a.date().map(d -> d.day().toString()).orElse(""),
                a.author().or(() -> a.source().map(s -> s.name())).orElse(""), a.lang(), a.tags());
    }

    private static <T> T stage(String name, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            throw e instanceof BuildFailure f ? f : new BuildFailure(name, e);
        }
    }

    /** An I/O step inside a stage. */
    interface IoStep<T> {
        T run() throws IOException;
    }

    private static <T> T io(IoStep<T> step) {
        try {
            return step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

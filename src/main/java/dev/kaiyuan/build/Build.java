package dev.kaiyuan.build;

import dev.kaiyuan.assemble.SiteAssembler;
import dev.kaiyuan.config.ConfigLoader;
import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.enrich.Enricher;
import dev.kaiyuan.ingest.ArticleReader;
import dev.kaiyuan.ingest.KnowledgeReader;
import dev.kaiyuan.model.Enrichment;
import dev.kaiyuan.model.Gazetteer;
import java.util.LinkedHashMap;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.OutputFile;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.model.SourceRef;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.output.DiskSiteWriter;
import dev.kaiyuan.output.OutputFolder;
import dev.kaiyuan.output.SiteWriter;
import dev.kaiyuan.postprocess.EntityLinks;
import dev.kaiyuan.postprocess.HeadMetadata;
import dev.kaiyuan.postprocess.HtmlPostProcessor;
import dev.kaiyuan.postprocess.HtmlTransform;
import dev.kaiyuan.render.PageRenderer;
import dev.kaiyuan.render.SiteFileProducer;
import dev.kaiyuan.render.SiteUrls;
import dev.kaiyuan.search.SearchIndexProducer;
import dev.kaiyuan.render.RenderedPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One build, stage by stage: config → load → read (decode, clean, parse) → assemble → render →
 * postprocess → write. Content problems become diagnostics and the site is written only when
 * there are none (no warnings either, with {@code strict}); a stage that breaks for any other
 * reason is reported as a {@link BuildFailure} naming the stage.
 */
public final class Build {
    private Build() {
    }

    public static BuildResult run(BuildRequest request) {
        return run(request, new DiskSiteWriter(request.out()));
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
        return run(request, writer, preview, BuildCache.EMPTY).result();
    }

    /**
     * As {@link #run(BuildRequest, SiteWriter, List)}, reusing what {@code last} holds of earlier
     * builds. Every stage runs; reading, enrichment, rendering and post-processing skip the seeds,
     * articles and pages whose inputs did not change, so the output is the same as a cold build's.
     *
     * @return the result, and the cache to pass to the next build (also after a failed build)
     */
    public static CachedBuild run(BuildRequest request, SiteWriter writer, List<HtmlTransform> preview,
            BuildCache last) {
        long start = System.nanoTime();
        DiagnosticSink sink = new DiagnosticSink();
        Path project = request.project().toAbsolutePath().normalize();
        SiteConfig config = stage("config", () -> config(project, request, sink));
        BuildCache cache = last.forConfig(config);
        List<Seed> seeds = stage("load", () -> io(() -> ProjectFiles.seeds(project,
                new ArticleReader(config.zone()).readers().extensions(), sink)));
        Known known = stage("knowledge", () -> io(() -> knowledge(project, cache, sink)));
        Reads reads = stage("read", () -> read(seeds, config, cache, sink));
        List<Article> articles = reads.articles().stream().filter(a -> request.drafts() || !a.draft()).toList();
        SiteModel assembled = stage("assemble", () -> new SiteAssembler().assemble(articles, sink));
        Enricher enricher = stage("knowledge", () -> new Enricher(known.gazetteer()));
        Enriching enriched = stage("enrich", () -> enrich(assembled, enricher, known.hash(), cache, sink));
        SiteModel site = enriched.site();
        Rendered rendered = stage("render", () -> io(() -> render(project, site, config, enricher, preview,
                known.hash(), cache, sink)));
        List<OutputFile> files = rendered.files();
        OutputFolder.problem(project, request.out()).ifPresent(problem -> sink.report(Diagnostic.error(
                "output.unsafe", SourceRef.file(request.out().toString()), "refusing to replace the output folder",
                problem, "choose an output folder of its own, e.g. site/")));
        boolean ok = !sink.hasErrors() && !(request.strict() && sink.warningCount() > 0);
        if (ok) {
            stage("write", () -> io(() -> {
                writer.write(files);
                return null;
            }));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        BuildResult result = new BuildResult(sink.sorted(), sink.errorCount(), sink.warningCount(), sink.dropped(),
                site.all().size(), (int) files.stream().filter(f -> f.path().endsWith(".html")).count(), millis, ok);
        BuildCache next = new BuildCache(Optional.of(config), reads.memo(), known.memo(), enriched.memo(),
                rendered.inputs(), rendered.pages());
        return new CachedBuild(result, next, rendered.fresh(), rendered.reused());
    }

    private static SiteConfig config(Path project, BuildRequest request, DiagnosticSink sink) {
        Path file = project.resolve(SiteConfig.FILE_NAME);
        SiteConfig config = Files.isRegularFile(file)
                ? io(() -> ConfigLoader.load(Files.readString(file, StandardCharsets.UTF_8), SiteConfig.FILE_NAME, sink))
                : SiteConfig.defaults();
        Optional<String> override = request.baseUrl()
                .flatMap(u -> ConfigLoader.baseUrl(u, SourceRef.file("--base-url"), sink));
        SiteConfig withUrl = override.map(config::withBaseUrl).orElse(config);
        return request.engine().map(withUrl::withEngine).orElse(withUrl);
    }

    /** The knowledge base, its key for later stages, and what to keep of it for the next build. */
    private record Known(Gazetteer gazetteer, String hash, Optional<BuildCache.Knowledge> memo) {
    }

    /**
     * The knowledge base in seeds/data/, or an empty one when the project has none; read again only
     * when its files changed or it had diagnostics last time.
     */
    private static Known knowledge(Path project, BuildCache cache, DiagnosticSink sink) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : List.of(KnowledgeReader.ORGANIZATIONS, KnowledgeReader.MODELS, KnowledgeReader.PEOPLE)) {
            Path file = project.resolve(path);
            if (Files.isRegularFile(file)) {
                files.put(path, Files.readAllBytes(file));
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

    /** One article's enrichment and the diagnostics it gave, or the kept one it repeats. */
    private record EnrichedOne(Enrichment enrichment, List<Diagnostic> diagnostics) {
    }

    /**
     * Articles are enriched in parallel (the enricher is thread-safe); results keep the site's order.
     * An article equal to one enriched with the same knowledge base last time is not enriched again.
     */
    private static Enriching enrich(SiteModel site, Enricher enricher, String knowledge, BuildCache cache,
            DiagnosticSink sink) {
        List<Article> all = site.all();
        List<EnrichedOne> results = all.parallelStream().map(a -> {
            BuildCache.Enriched kept = cache.enriched().get(a.origin().path());
            if (kept != null && kept.knowledgeHash().equals(knowledge) && kept.article().equals(a)) {
                return new EnrichedOne(kept.enrichment(), List.of());
            }
            DiagnosticSink own = new DiagnosticSink(sink.limit());
            Enrichment e = enricher.enrich(a, own);
            return new EnrichedOne(e, clean(own) ? List.of() : own.sorted());
        }).toList();
        Map<String, Enrichment> enrichments = new LinkedHashMap<>();
        Map<String, BuildCache.Enriched> memo = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Article a = all.get(i);
            EnrichedOne one = results.get(i);
            sink.reportAll(one.diagnostics());
            enrichments.put(a.slug(), one.enrichment());
            if (one.diagnostics().isEmpty()) {
                memo.put(a.origin().path(), new BuildCache.Enriched(a, knowledge, one.enrichment()));
            }
        }
        return new Enriching(site.withKnowledge(enricher.gazetteer(), enrichments), memo);
    }

    /** The articles of the seeds in path order, and what to keep of them for the next build. */
    private record Reads(List<Article> articles, Map<String, BuildCache.Read> memo) {
    }

    /** One seed's article and the diagnostics reading it gave, or the kept article it repeats. */
    private record ReadOne(String path, String hash, Optional<Article> article, List<Diagnostic> diagnostics) {
    }

    /**
     * Seeds are read in parallel, one reader per worker thread (readers keep per-instance caches);
     * the list keeps the seeds' path order, so output does not depend on scheduling. A seed whose
     * bytes (and sidecar's) hash as last time, when it was read without diagnostics, is not read
     * again; each seed reports into a sink of its own, so one seed's errors never count as another's.
     */
    private static Reads read(List<Seed> seeds, SiteConfig config, BuildCache cache, DiagnosticSink sink) {
        ThreadLocal<ArticleReader> readers = ThreadLocal.withInitial(() -> new ArticleReader(config.zone()));
        List<ReadOne> results = seeds.parallelStream().map(seed -> {
            String path = seed.file().path();
            String hash = hash(seed);
            BuildCache.Read kept = cache.reads().get(path);
            if (kept != null && kept.hash().equals(hash)) {
                return new ReadOne(path, hash, kept.article(), List.of());
            }
            DiagnosticSink own = new DiagnosticSink(sink.limit());
            Optional<Article> article = readers.get().read(seed.file(), seed.sidecar(), own);
            return new ReadOne(path, hash, article, clean(own) ? List.of() : own.sorted());
        }).toList();
        List<Article> articles = new ArrayList<>();
        Map<String, BuildCache.Read> memo = new HashMap<>();
        for (ReadOne one : results) {
            sink.reportAll(one.diagnostics());
            one.article().ifPresent(articles::add);
            if (one.diagnostics().isEmpty()) {
                memo.put(one.path(), new BuildCache.Read(one.hash(), one.article()));
            }
        }
        return new Reads(articles, memo);
    }

    private static String hash(Seed seed) {
        Hashes hash = new Hashes().add(BuildCache.READER_VERSION).add(seed.file().path()).add(seed.file().bytes());
        seed.sidecar().ifPresent(s -> hash.add(s.path()).add(s.bytes()));
        return hash.hex();
    }

    private static boolean clean(DiagnosticSink sink) {
        return sink.errorCount() == 0 && sink.warningCount() == 0;
    }

    /** The site's files, the pages to keep for the next build, and how many pages were rendered or reused. */
    private record Rendered(List<OutputFile> files, Optional<BuildCache.RenderInputs> inputs,
            Map<String, BuildCache.Page> pages, List<String> fresh, int reused) {
    }

    /**
     * Renders and post-processes the pages. A page whose template and view record equal last
     * build's, with the same theme files, knowledge base and preview transforms, is not rendered
     * again; a page whose HTML and head facts equal last build's is not post-processed again.
     */
    private static Rendered render(Path project, SiteModel site, SiteConfig config, Enricher enricher,
            List<HtmlTransform> preview, String knowledge, BuildCache cache, DiagnosticSink sink)
            throws IOException {
        Optional<Theme> opened = Theme.open(project, config.engine(), sink);
        if (opened.isEmpty()) {
            return new Rendered(List.of(), Optional.empty(), Map.of(), List.of(), 0);
        }
        try (Theme theme = opened.get()) {
            BuildCache.RenderInputs inputs = new BuildCache.RenderInputs(theme.fingerprint(), knowledge, preview);
            Map<String, BuildCache.Page> before = cache.render().equals(Optional.of(inputs)) ? cache.pages() : Map.of();
            List<SiteFileProducer> producers = new ArrayList<>(PageRenderer.publishingProducers());
            producers.add(new SearchIndexProducer());
            PageRenderer renderer = new PageRenderer(theme.engine(), name -> theme.displayName(project, name),
                    producers);
            HtmlPostProcessor post = HtmlPostProcessor.forBuild(config.chinese()).followedBy(preview);
            Map<String, Article> bySlug = new LinkedHashMap<>();
            site.all().forEach(a -> bySlug.put(SiteModel.articlePath(a), a));
            PageReuse memo = new PageReuse(before);
            List<RenderedPage> pages = renderer.render(site, config, sink, memo);
            // Post-processing is per page and the transforms keep no state, so pages run in
            // parallel; the list keeps the renderer's order, so output does not depend on it.
            List<OutputFile> files = new ArrayList<>(pages.parallelStream()
                    .map(page -> postProcessed(page, before, bySlug, post, config, enricher)).toList());
            Map<String, BuildCache.Page> after = new HashMap<>();
            for (int i = 0; i < pages.size(); i++) {
                RenderedPage page = pages.get(i);
                OutputFile file = files.get(i);
                if (page.path().endsWith(".html")) {
                    Optional<HeadMetadata.ArticleMeta> meta = Optional.ofNullable(bySlug.get(page.path())).map(Build::meta);
                    memo.source(page.path()).ifPresent(s -> after.put(page.path(),
                            new BuildCache.Page(s.template(), s.view(), page.html(), meta, file)));
                }
            }
            for (Map.Entry<String, Path> asset : theme.assets().entrySet()) {
                files.add(new OutputFile(asset.getKey(), Files.readAllBytes(asset.getValue())));
            }
            return new Rendered(files, Optional.of(inputs), after, memo.fresh(), memo.reused());
        }
    }

    /** A page as written: data files as they are; HTML post-processed, or last build's bytes if nothing changed. */
    private static OutputFile postProcessed(RenderedPage page, Map<String, BuildCache.Page> before,
            Map<String, Article> bySlug, HtmlPostProcessor post, SiteConfig config, Enricher enricher) {
        if (!page.path().endsWith(".html")) {
            return new OutputFile(page.path(), page.html().getBytes(StandardCharsets.UTF_8));
        }
        Optional<HeadMetadata.ArticleMeta> meta = Optional.ofNullable(bySlug.get(page.path())).map(Build::meta);
        BuildCache.Page last = before.get(page.path());
        if (last != null && last.html().equals(page.html()) && last.meta().equals(meta)) {
            return last.file();
        }
        String html = post.process(page.html(), transforms(page.path(), meta, config, enricher));
        return new OutputFile(page.path(), html.getBytes(StandardCharsets.UTF_8));
    }

    /** The transforms of one page alone, run before the site's chain. */
    private static List<HtmlTransform> transforms(String path, Optional<HeadMetadata.ArticleMeta> meta,
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

    private static HeadMetadata.ArticleMeta meta(Article a) {
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

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
        long start = System.nanoTime();
        DiagnosticSink sink = new DiagnosticSink();
        Path project = request.project().toAbsolutePath().normalize();
        SiteConfig config = stage("config", () -> config(project, request, sink));
        List<Seed> seeds = stage("load", () -> io(() -> ProjectFiles.seeds(project,
                new ArticleReader(config.zone()).readers().extensions(), sink)));
        Gazetteer gazetteer = stage("knowledge", () -> io(() -> knowledge(project, sink)));
        List<Article> articles = stage("read", () -> read(seeds, config, request.drafts(), sink));
        SiteModel assembled = stage("assemble", () -> new SiteAssembler().assemble(articles, sink));
        Enricher enricher = stage("knowledge", () -> new Enricher(gazetteer));
        SiteModel site = stage("enrich", () -> enrich(assembled, enricher, sink));
        List<OutputFile> files = stage("render", () -> io(() -> render(project, site, config, enricher,
                preview, sink)));
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
        return new BuildResult(sink.sorted(), sink.errorCount(), sink.warningCount(), sink.dropped(),
                site.all().size(), (int) files.stream().filter(f -> f.path().endsWith(".html")).count(), millis, ok);
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

    /** The knowledge base in seeds/data/, or an empty one when the project has none. */
    private static Gazetteer knowledge(Path project, DiagnosticSink sink) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : List.of(KnowledgeReader.ORGANIZATIONS, KnowledgeReader.MODELS, KnowledgeReader.PEOPLE)) {
            Path file = project.resolve(path);
            if (Files.isRegularFile(file)) {
                files.put(path, Files.readAllBytes(file));
            }
        }
        return files.isEmpty() ? Gazetteer.EMPTY : new KnowledgeReader().read(files, sink);
    }

    /** Articles are enriched in parallel (the enricher is thread-safe); results keep the site's order. */
    private static SiteModel enrich(SiteModel site, Enricher enricher, DiagnosticSink sink) {
        List<Article> all = site.all();
        List<Enrichment> results = all.parallelStream().map(a -> enricher.enrich(a, sink)).toList();
        Map<String, Enrichment> enrichments = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            enrichments.put(all.get(i).slug(), results.get(i));
        }
        return site.withKnowledge(enricher.gazetteer(), enrichments);
    }

    /**
     * Seeds are read in parallel, one reader per worker thread (readers keep per-instance caches);
     * the list keeps the seeds' path order, so output does not depend on scheduling.
     */
    private static List<Article> read(List<Seed> seeds, SiteConfig config, boolean drafts, DiagnosticSink sink) {
        ThreadLocal<ArticleReader> readers = ThreadLocal.withInitial(() -> new ArticleReader(config.zone()));
        return seeds.parallelStream()
                .map(seed -> readers.get().read(seed.file(), seed.sidecar(), sink))
                .flatMap(Optional::stream)
                .filter(a -> drafts || !a.draft())
                .toList();
    }

    private static List<OutputFile> render(Path project, SiteModel site, SiteConfig config, Enricher enricher,
            List<HtmlTransform> preview, DiagnosticSink sink)
            throws IOException {
        Optional<Theme> opened = Theme.open(project, config.engine(), sink);
        if (opened.isEmpty()) {
            return List.of();
        }
        try (Theme theme = opened.get()) {
            List<SiteFileProducer> producers = new ArrayList<>(PageRenderer.publishingProducers());
            producers.add(new SearchIndexProducer());
            PageRenderer renderer = new PageRenderer(theme.engine(), name -> theme.displayName(project, name),
                    producers);
            HtmlPostProcessor post = HtmlPostProcessor.forBuild(config.chinese()).followedBy(preview);
            Map<String, Article> bySlug = new LinkedHashMap<>();
            site.all().forEach(a -> bySlug.put(SiteModel.articlePath(a), a));
            List<OutputFile> files = new ArrayList<>();
            for (RenderedPage page : renderer.render(site, config, sink)) {
                if (!page.path().endsWith(".html")) {
                    files.add(new OutputFile(page.path(), page.html().getBytes(StandardCharsets.UTF_8)));
                    continue;
                }
                List<HtmlTransform> own = new ArrayList<>();
                if (page.path().startsWith("articles/")) {
                    own.add(new EntityLinks(enricher.tagger()::tag, "../../"));
                }
                if (config.baseUrl().isPresent() && !page.path().equals("404.html")) {
                    own.add(new HeadMetadata(SiteUrls.absolute(config.baseUrl().get(), page.path()), config.title(),
                            bySlug.containsKey(page.path()) ? Optional.of(meta(bySlug.get(page.path()))) : Optional.empty()));
                }
                files.add(new OutputFile(page.path(), post.process(page.html(), own).getBytes(StandardCharsets.UTF_8)));
            }
            for (Map.Entry<String, Path> asset : theme.assets().entrySet()) {
                files.add(new OutputFile(asset.getKey(), Files.readAllBytes(asset.getValue())));
            }
            return files;
        }
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

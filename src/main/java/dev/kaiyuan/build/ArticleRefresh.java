package dev.kaiyuan.build;

import dev.kaiyuan.assemble.SiteAssembler;
import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.enrich.Enricher;
import dev.kaiyuan.ingest.ArticleReader;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.ArticleBody;
import dev.kaiyuan.model.Enrichment;
import dev.kaiyuan.model.OutputFile;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.postprocess.HeadMetadata;
import dev.kaiyuan.postprocess.HtmlPostProcessor;
import dev.kaiyuan.render.ArticlePages;
import dev.kaiyuan.render.RenderException;
import dev.kaiyuan.render.RenderedPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The preview's quick path for a saved article: re-reads that one seed and makes its page with
 * everything else as the last good build left it — its knowledge base, config, templates and
 * post-processing — so the page can be served at once, before the full rebuild that brings every
 * other page up to date (listings, tags, search). The page is the one that full rebuild makes
 * whenever the edit leaves the rest of the site as it was; when it does not (say the edit removes the
 * site's last tag, which takes the tag link off every page), the full rebuild replaces it moments later.
 *
 * <p>Declines — and the full rebuild alone runs — whenever the quick page could be wrong or
 * misleading: a seed that is not one of the last build's articles, one that now has errors, has
 * become a draft, whose page would move to another path, or that shares its name with another seed
 * (which of them a sidecar belongs to is the full build's business); and any other file saved,
 * created or deleted alongside (templates, config, knowledge base, sidecars, new articles), except
 * files in seeds/ that are gone again, like an editor's temporary file.
 *
 * <p>One per good build; for one thread at a time (the preview's watcher thread).
 */
public final class ArticleRefresh {
    private final Path project;
    private final SiteConfig config;
    private final boolean drafts;
    private final Map<String, Article> bySeed = new HashMap<>();
    /** Names before the extension that more than one seed has (a.md, a.txt), drafts and broken seeds included. */
    private final Set<String> sharedStems = new HashSet<>();
    private final Enricher enricher;
    private final ArticlePages pages;
    private final HtmlPostProcessor post;
    private final ArticleReader reader;

    /** @param seeds the path of every seed the build read, articles or not */
    ArticleRefresh(Path project, SiteConfig config, boolean drafts, SiteModel site, List<String> seeds,
            Enricher enricher, ArticlePages pages, HtmlPostProcessor post) {
        this.project = project;
        this.config = config;
        this.drafts = drafts;
        site.all().forEach(a -> bySeed.put(a.origin().path(), a));
        Set<String> stems = new HashSet<>();
        seeds.forEach(seed -> {
            if (!stems.add(stem(seed))) {
                sharedStems.add(stem(seed));
            }
        });
        this.enricher = enricher;
        this.pages = pages;
        this.post = post;
        this.reader = new ArticleReader(config.zone(), ArticleBody.Packing.forPreview());
    }

    /**
     * Makes one article's page and throws it away, so that the first real refresh finds the readers
     * it needs set up (a reader builds its parsers on first use) and the code it runs compiled.
     */
    public void prepare() {
        try {
            bySeed.keySet().stream().sorted().findFirst().ifPresent(seed -> page(project.resolve(seed)));
        } catch (RuntimeException e) {
            // that article's refresh would fail the same way and leave it to the full rebuild
        }
    }

    /** True when {@code file} is the seed of one of the last build's articles. */
    boolean knows(Path file) {
        return bySeed.containsKey(relative(file));
    }

    /**
     * The finished pages of the articles in {@code files} (the files a save named) by site path, or
     * empty when any of those files is something only the full rebuild can take into account.
     */
    public Optional<Map<String, OutputFile>> pages(Set<Path> files) {
        Map<String, OutputFile> pages = new TreeMap<>();
        for (Path file : files) {
            if (knows(file)) {
                Optional<OutputFile> page = page(file);
                if (page.isEmpty()) {
                    return Optional.empty();
                }
                pages.put(page.get().path(), page.get());
            } else if (!goneAgain(file)) {
                return Optional.empty();
            }
        }
        return Optional.of(pages);
    }

    /** A file that is gone again and was never one of the site's inputs: in seeds/, but no sidecar and no knowledge. */
    private boolean goneAgain(Path file) {
        String rel = relative(file);
        return !rel.isEmpty() && !Files.exists(project.resolve(rel), LinkOption.NOFOLLOW_LINKS)
                && rel.startsWith(ProjectFiles.SEEDS + "/") && !rel.startsWith(ProjectFiles.SEEDS + "/data/")
                && !rel.endsWith(ProjectFiles.SIDECAR_SUFFIX);
    }

    /**
     * The finished page of the article in seed {@code file} as it is now, or empty when this path
     * cannot make it (see the class comment). Diagnostics are left to the full rebuild.
     */
    Optional<OutputFile> page(Path file) {
        String rel = relative(file);
        Article before = bySeed.get(rel);
        if (before == null || !Files.isRegularFile(project.resolve(rel)) || sharedStems.contains(stem(rel))) {
            return Optional.empty();
        }
        DiagnosticSink sink = new DiagnosticSink();
        try {
            Optional<Article> read = ProjectFiles.seed(project, project.resolve(rel), sink)
                    .flatMap(seed -> reader.read(seed.file(), seed.sidecar(), sink));
            if (read.isEmpty() || sink.hasErrors() || (read.get().draft() && !drafts)) {
                return Optional.empty();
            }
            Article article = new SiteAssembler().withCleanSlug(read.get(), sink);
            String path = SiteModel.articlePath(article);
            if (!path.equals(SiteModel.articlePath(before))) {
                return Optional.empty();
            }
            Enrichment enrichment = enricher.enrich(article, sink);
            RenderedPage page = pages.render(article, enrichment);
            Optional<HeadMetadata.ArticleMeta> meta = Optional.of(Build.meta(article));
            return Optional.of(new OutputFile(path, post.process(page.html(),
                    Build.transforms(path, meta, config, enricher)).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RenderException e) {
            return Optional.empty();
        }
    }

    private static String stem(String rel) {
        int dot = rel.lastIndexOf('.');
        return dot > rel.lastIndexOf('/') ? rel.substring(0, dot) : rel;
    }

    private String relative(Path file) {
        Path absolute = project.resolve(file).toAbsolutePath().normalize();
        return absolute.startsWith(project) ? ProjectFiles.relative(project, absolute) : "";
    }
}

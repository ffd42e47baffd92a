package dev.kaiyuan.render;

import dev.kaiyuan.assemble.SiteAssembler;
import dev.kaiyuan.bench.BenchFixtures;
import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.enrich.Enricher;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.render.freemarker.FreemarkerEngine;
import java.util.List;

/**
 * Article pages for the benchmarks (issue #7), made as {@link PageRenderer} makes them: the
 * benchmark articles assembled and enriched with the repository's knowledge base, one
 * {@link ArticlePage} view record each, rendered by FreeMarker from the default theme
 * ({@code templates/}).
 */
public final class BenchArticlePages {
    private final Enricher enricher;
    private final TemplateEngine engine;
    private final List<Article> articles;
    private final List<ArticlePage> views;

    public BenchArticlePages() {
        enricher = new Enricher(BenchFixtures.gazetteer());
        engine = new FreemarkerEngine(List.of(BenchFixtures.root().resolve("templates")));
        SiteModel site = new SiteAssembler().assemble(BenchFixtures.articles(), new DiagnosticSink());
        site = site.withKnowledge(enricher.gazetteer(), BenchFixtures.enrich(enricher, site.all()));
        SiteConfig config = SiteConfig.defaults();
        Labels labels = Labels.forLanguage(config.language());
        SiteView siteView = new SiteView(config.title(), config.description(), config.language(), labels,
                PageRenderer.TIMELINE, site.tags().isEmpty() ? "" : "tags/index.html");
        KnowledgeViews knowledge = new KnowledgeViews(site, labels, config.language());
        articles = site.all();
        SiteModel model = site;
        views = articles.stream()
                .map(a -> new ArticlePage(siteView, "../../", PageRenderer.view(a, model.enrichment(a), knowledge)))
                .toList();
    }

    public Enricher enricher() {
        return enricher;
    }

    public TemplateEngine engine() {
        return engine;
    }

    /** The articles in the site's order (newest first), as {@link #view(int)} and {@link #html(int)} number them. */
    public List<Article> articles() {
        return articles;
    }

    public Object view(int i) {
        return views.get(i);
    }

    /** Index of the article whose file is {@code path}. */
    public int indexOf(String path) {
        for (int i = 0; i < articles.size(); i++) {
            if (articles.get(i).origin().path().equals(path)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no article " + path);
    }

    /** The rendered page of article {@code i}, before post-processing. */
    public String html(int i) {
        try {
            return engine.render("article", views.get(i));
        } catch (RenderException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pathOf(Article a) {
        return SiteModel.articlePath(a);
    }
}

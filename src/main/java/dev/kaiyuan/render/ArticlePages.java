package dev.kaiyuan.render;

import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.Enrichment;
import dev.kaiyuan.model.SiteModel;

/**
 * Article pages of one site: the site-wide view and the knowledge base's links every article page
 * shares, with the engine that renders them. {@link PageRenderer} renders all of a site's article
 * pages through one; the preview keeps one to re-render an edited article's page at once.
 * Thread-safe: the views are immutable and the engines are.
 */
public final class ArticlePages {
    static final String TEMPLATE = "article";

    private final TemplateEngine engine;
    private final SiteView site;
    private final KnowledgeViews knowledge;

    ArticlePages(TemplateEngine engine, SiteView site, KnowledgeViews knowledge) {
        this.engine = engine;
        this.site = site;
        this.knowledge = knowledge;
    }

    /** The page of {@code article}, at {@link SiteModel#articlePath}, before post-processing. */
    public RenderedPage render(Article article, Enrichment enrichment) throws RenderException {
        return new RenderedPage(SiteModel.articlePath(article), engine.render(TEMPLATE, view(article, enrichment)));
    }

    ArticlePage view(Article article, Enrichment enrichment) {
        return new ArticlePage(site, "../../", PageRenderer.view(article, enrichment, knowledge));
    }
}

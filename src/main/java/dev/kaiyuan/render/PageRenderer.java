package dev.kaiyuan.render;

import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.model.SourceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns the site model into view records and renders each page with the engine. A broken
 * template is reported once (with its file and line), not once per page that uses it.
 */
public final class PageRenderer {
    private final TemplateEngine engine;
    private final UnaryOperator<String> templatePath;

    /** @param templatePath how a template name is shown in messages, e.g. {@code templates/article.ftlh} */
    public PageRenderer(TemplateEngine engine, UnaryOperator<String> templatePath) {
        this.engine = engine;
        this.templatePath = templatePath;
    }

    public List<RenderedPage> render(SiteModel site, SiteConfig config, DiagnosticSink sink) {
        SiteView siteView = new SiteView(config.title(), config.description(), config.language(),
                Labels.forLanguage(config.language()));
        Set<String> failed = new HashSet<>();
        List<RenderedPage> pages = new ArrayList<>();
        HomePage home = new HomePage(siteView, "", cards(site.dated()), cards(site.undated()));
        page("index", "index.html", home, failed, sink).ifPresent(pages::add);
        for (Article article : site.all()) {
            ArticlePage view = new ArticlePage(siteView, "../../", view(article));
            page("article", SiteModel.articlePath(article), view, failed, sink).ifPresent(pages::add);
        }
        return pages;
    }

    private Optional<RenderedPage> page(String template, String path, Object model, Set<String> failed,
            DiagnosticSink sink) {
        try {
            return Optional.of(new RenderedPage(path, engine.render(template, model)));
        } catch (RenderException e) {
            if (failed.add(e.template() + ":" + e.line() + ":" + e.getMessage())) {
                sink.report(Diagnostic.error("template", new SourceRef(templatePath.apply(e.template()), e.line(),
                        e.column()), "template: " + e.getMessage(), "while rendering " + path,
                        "fix the template; the last good site is kept until it builds"));
            }
            return Optional.empty();
        }
    }

    static List<ArticleCard> cards(List<Article> articles) {
        return articles.stream().map(PageRenderer::card).toList();
    }

    static ArticleCard card(Article a) {
        return new ArticleCard(SiteModel.articlePath(a), a.title(), a.lang(), dateIso(a), dateDisplay(a),
                a.date().map(d -> d.inferred()).orElse(false), a.source().map(s -> s.name()).orElse(""),
                a.summary(), a.readingTime().minutes());
    }

    static ArticleView view(Article a) {
        return new ArticleView(a.title(), a.titleDerived(), a.lang(), dateIso(a), dateDisplay(a),
                a.date().map(d -> d.inferred()).orElse(false), a.author().orElse(""),
                a.source().map(s -> s.name()).orElse(""), a.source().flatMap(s -> s.url()).orElse(""),
                a.tags(), a.summary(), a.bodyHtml(), a.captions().stream().map(c -> c.text()).toList(),
                a.rights().orElse(""), a.readingTime().minutes(), a.damage().size());
    }

    private static String dateIso(Article a) {
        return a.date().map(d -> d.day().toString()).orElse("");
    }

    private static String dateDisplay(Article a) {
        return a.date().map(d -> DateDisplay.format(d.day(), a.lang())).orElse("");
    }
}

package dev.kaiyuan.render;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SiteModel;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sitemap.xml} (sitemaps.org protocol 0.9): every HTML page but the 404 page, by path, at
 * its canonical absolute address, with the article's day as {@code lastmod} on article pages.
 * Needs the base URL; when it is missing the site gets no sitemap and {@link AtomFeedProducer}
 * reports the one warning for the build.
 */
final class SitemapProducer implements SiteFileProducer {
    static final String SITEMAP = "sitemap.xml";
    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NOT_FOUND = "404.html";

    @Override
    public List<RenderedPage> produce(SiteContext context, DiagnosticSink sink) {
        Optional<String> base = context.config().baseUrl();
        if (base.isEmpty()) {
            return List.of();
        }
        Map<String, LocalDate> lastmod = new HashMap<>();
        for (Article article : context.site().dated()) {
            lastmod.put(SiteModel.articlePath(article), article.date().orElseThrow().day());
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"").append(NAMESPACE).append("\">\n");
        for (String path : htmlPages(context.paths())) {
            xml.append("  <url>\n    <loc>").append(Xml.text(SiteUrls.absolute(base.get(), path))).append("</loc>\n");
            Optional.ofNullable(lastmod.get(path))
                    .ifPresent(day -> xml.append("    <lastmod>").append(day).append("</lastmod>\n"));
            xml.append("  </url>\n");
        }
        return List.of(new RenderedPage(SITEMAP, xml.append("</urlset>\n").toString()));
    }

    /** Paths of the HTML pages a crawler should see, sorted, each once. */
    static List<String> htmlPages(List<String> paths) {
        return paths.stream()
                .filter(p -> p.endsWith(".html"))
                .filter(p -> !p.equals(NOT_FOUND) && !p.endsWith("/" + NOT_FOUND))
                .distinct().sorted().toList();
    }
}

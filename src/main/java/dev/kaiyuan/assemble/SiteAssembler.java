package dev.kaiyuan.assemble;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.SiteModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the site from its articles: sanitises slugs, rejects two articles claiming one slug
 * (naming both files), and orders the digest: newest first, ties by title then file; undated
 * articles last, by title.
 */
public final class SiteAssembler {
    private final Slugs slugs = new Slugs();

    public SiteModel assemble(List<Article> articles, DiagnosticSink sink) {
        Map<String, Article> bySlug = new LinkedHashMap<>();
        List<Article> sorted = new ArrayList<>(articles);
        sorted.sort(Comparator.comparing((Article a) -> a.origin().path()));
        for (Article article : sorted) {
            Article clean = withCleanSlug(article, sink);
            Article earlier = bySlug.putIfAbsent(clean.slug(), clean);
            if (earlier != null) {
                sink.report(Diagnostic.error("slug.collision", clean.origin(),
                        "slug '" + clean.slug() + "' is already used by " + earlier.origin().path(),
                        "two pages cannot share articles/" + clean.slug() + "/",
                        "give one of them another slug: in its front matter or sidecar"));
            }
        }
        SiteModel ordered = order(List.copyOf(bySlug.values()));
        return new SiteModel(ordered.dated(), ordered.undated(), Collections.issues(ordered.dated()),
                new Collections(slugs).tags(ordered.all()), Gazetteer.EMPTY, Map.of());
    }

    /** The article with the slug its page will have: the URL-safe form of its own, or of its title. */
    public Article withCleanSlug(Article article, DiagnosticSink sink) {
        String clean = slugs.slugify(article.slug());
        if (clean.isEmpty()) {
            clean = slugs.slugify(article.title());
        }
        if (clean.isEmpty()) {
            clean = "article-" + Integer.toHexString(article.origin().path().hashCode());
        }
        if (!clean.equals(article.slug()) && !article.slug().equals(stem(article))) {
            sink.report(Diagnostic.warning("slug.changed", article.origin(),
                    "slug '" + article.slug() + "' is not URL-safe; using '" + clean + "'", "",
                    "slugs use a-z, 0-9 and hyphens"));
        }
        return article.withSlug(clean);
    }

    private static String stem(Article article) {
        String name = article.origin().path().substring(article.origin().path().lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static SiteModel order(List<Article> articles) {
        Comparator<Article> byTitle = Comparator.comparing(Article::title).thenComparing(a -> a.origin().path());
        List<Article> dated = articles.stream().filter(a -> a.date().isPresent())
                .sorted(Comparator.comparing((Article a) -> a.date().orElseThrow().day()).reversed()
                        .thenComparing(byTitle))
                .toList();
        List<Article> undated = articles.stream().filter(a -> a.date().isEmpty()).sorted(byTitle).toList();
        return new SiteModel(dated, undated);
    }
}

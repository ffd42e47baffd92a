package dev.kaiyuan.assemble;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.SiteModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the site from its articles: sanitises slugs, rejects two articles claiming one slug
 * (naming both files), and orders the digest: newest first, ties by title then file; undated
 * articles last, by title. Warns of articles dated in the future.
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

    /**
     * Warns of each article dated after {@code now}'s day in every time zone: a day no place on
     * Earth has reached (UTC+14 is the first to reach each day), which for news is most often a
     * mistyped year. Measured so, an article dated by its own zone's calendar, ahead of the
     * machine's, is never taken for one. It is still published as dated, first on the home page
     * (Hugo and Jekyll leave such articles out unless asked; a digest would rather show the
     * article and say why it looks wrong).
     */
    public void warnDatedInTheFuture(List<Article> articles, Instant now, DiagnosticSink sink) {
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.MAX);
        for (Article article : articles) {
            article.date().filter(d -> d.day().isAfter(latest)).ifPresent(d -> sink.report(Diagnostic.warning(
                    "date.future", article.origin(), "dated " + d.day() + ", a day still to come",
                    "no time zone has reached it yet; the article is published as dated, first on the home page",
                    "correct the date, or mark the article draft: true until that day")));
        }
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

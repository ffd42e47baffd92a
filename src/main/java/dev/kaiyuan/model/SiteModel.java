package dev.kaiyuan.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The whole site's content after assembly: dated articles newest first, then undated ones
 * (every slug unique), the knowledge base, and each article's enrichment by slug.
 */
public record SiteModel(List<Article> dated, List<Article> undated, Gazetteer gazetteer,
        Map<String, Enrichment> enrichments) {
    public SiteModel {
        dated = List.copyOf(dated);
        undated = List.copyOf(undated);
        Objects.requireNonNull(gazetteer, "gazetteer");
        enrichments = Map.copyOf(enrichments);
    }

    /** A site without a knowledge base. */
    public SiteModel(List<Article> dated, List<Article> undated) {
        this(dated, undated, Gazetteer.EMPTY, Map.of());
    }

    public List<Article> all() {
        return Stream.concat(dated.stream(), undated.stream()).toList();
    }

    public Enrichment enrichment(Article article) {
        return enrichments.getOrDefault(article.slug(), Enrichment.EMPTY);
    }

    /** Site-root-relative path of an article's page. */
    public static String articlePath(Article article) {
        return "articles/" + article.slug() + "/index.html";
    }
}

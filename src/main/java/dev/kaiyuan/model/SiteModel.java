package dev.kaiyuan.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The whole site's content after assembly: dated articles newest first, then undated ones
 * (every slug unique), the weekly issues (newest first) and tags, the knowledge base, and each
 * article's enrichment by slug.
 */
public record SiteModel(List<Article> dated, List<Article> undated, List<WeekIssue> issues, List<TagGroup> tags,
        Gazetteer gazetteer, Map<String, Enrichment> enrichments) {
    public SiteModel {
        dated = List.copyOf(dated);
        undated = List.copyOf(undated);
        issues = List.copyOf(issues);
        tags = List.copyOf(tags);
        Objects.requireNonNull(gazetteer, "gazetteer");
        enrichments = Map.copyOf(enrichments);
    }

    /** Articles only: no issues, tags or knowledge base (for tests of single pages). */
    public SiteModel(List<Article> dated, List<Article> undated) {
        this(dated, undated, List.of(), List.of(), Gazetteer.EMPTY, Map.of());
    }

    public SiteModel withKnowledge(Gazetteer knowledge, Map<String, Enrichment> byArticle) {
        return new SiteModel(dated, undated, issues, tags, knowledge, byArticle);
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

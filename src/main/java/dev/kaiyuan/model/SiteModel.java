package dev.kaiyuan.model;

import java.util.List;

/**
 * The whole site's content after assembly: dated articles newest first, then undated ones,
 * every slug unique.
 */
public record SiteModel(List<Article> dated, List<Article> undated) {
    public SiteModel {
        dated = List.copyOf(dated);
        undated = List.copyOf(undated);
    }

    public List<Article> all() {
        return java.util.stream.Stream.concat(dated.stream(), undated.stream()).toList();
    }

    /** Site-root-relative path of an article's page. */
    public static String articlePath(Article article) {
        return "articles/" + article.slug() + "/index.html";
    }
}

package dev.kaiyuan.model;

import java.util.List;
import java.util.Objects;

/** The articles under one tag, newest first; {@code slug} is the tag's URL name. */
public record TagGroup(String name, String slug, List<Article> articles) {
    public TagGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        articles = List.copyOf(articles);
    }

    /** Site path of the tag's first page. */
    public String path() {
        return "tags/" + slug + "/index.html";
    }
}

package dev.kaiyuan.render;

/** A tag with the number of articles under it; {@code url} is the tag page's site path. */
public record TagLink(String name, String url, int count) {
}

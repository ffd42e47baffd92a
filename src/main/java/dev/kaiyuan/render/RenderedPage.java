package dev.kaiyuan.render;

import java.util.Objects;

/** A page's HTML as the template produced it, at its site-relative path. */
public record RenderedPage(String path, String html) {
    public RenderedPage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(html, "html");
    }
}

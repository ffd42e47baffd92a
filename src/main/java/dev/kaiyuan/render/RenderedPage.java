package dev.kaiyuan.render;

import java.util.Objects;

/**
 * A page's HTML as the template produced it, at its site-relative path — or, when {@code kept}, a
 * page the {@link PageMemo} kept as an earlier build finished it (no HTML: it was not rendered).
 */
public record RenderedPage(String path, String html, boolean kept) {
    public RenderedPage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(html, "html");
    }

    public RenderedPage(String path, String html) {
        this(path, html, false);
    }

    /** A page kept from an earlier build by the memo. */
    public static RenderedPage kept(String path) {
        return new RenderedPage(path, "", true);
    }
}

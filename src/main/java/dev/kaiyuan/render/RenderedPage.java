package dev.kaiyuan.render;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A page's HTML as the template produced it, at its site-relative path — or, when {@code kept}, a
 * page the {@link PageMemo} kept as an earlier build finished it (no HTML: it was not rendered) —
 * or a file a producer made as bytes ({@code data}, e.g. the search index, too large to hold twice
 * as text), whose {@code html} is empty. Pages with data compare their data by identity.
 */
public record RenderedPage(String path, String html, boolean kept, byte @Nullable [] data) {
    public RenderedPage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(html, "html");
    }

    public RenderedPage(String path, String html) {
        this(path, html, false, null);
    }

    /** A page kept from an earlier build by the memo. */
    public static RenderedPage kept(String path) {
        return new RenderedPage(path, "", true, null);
    }

    /** A file made as bytes. */
    public static RenderedPage data(String path, byte[] bytes) {
        return new RenderedPage(path, "", false, Objects.requireNonNull(bytes, "bytes"));
    }

    /** The file's bytes: its data, or its text in UTF-8. */
    public byte[] bytes() {
        return data != null ? data : html.getBytes(StandardCharsets.UTF_8);
    }
}

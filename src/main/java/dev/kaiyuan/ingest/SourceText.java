package dev.kaiyuan.ingest;

import java.util.Objects;

/**
 * A seed's decoded, normalised body (front matter already split off).
 *
 * @param firstLine file line on which {@code body} starts, so readers report true positions
 */
public record SourceText(String path, String body, int firstLine, String charset) {
    public SourceText {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(charset, "charset");
    }
}

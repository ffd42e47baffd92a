package dev.kaiyuan.model;

import java.util.Objects;

/**
 * A span of source text damaged before it reached us (mojibake, replacement characters,
 * stray markup). {@code text} is what the file holds there; nothing is repaired or invented.
 */
public record DamageSpot(SourceRef where, String text, String kind) {
    public DamageSpot {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }
}

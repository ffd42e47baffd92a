package dev.kaiyuan.model;

import java.util.Objects;

/** An entity named in a text: which one, where (char offsets), and the words used. */
public record Mention(EntityId entity, int start, int end, String text) {
    public Mention {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad mention span " + start + ".." + end);
        }
    }
}

package dev.kaiyuan.model;

import java.util.Objects;

/** A knowledge-base entity by kind and id, e.g. {@code MODEL gpt-oss-120b}. */
public record EntityId(EntityKind kind, String id) {
    public EntityId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9]+(?:-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("entity ids are lower-case words joined by hyphens: " + id);
        }
    }

    /** Site path of the entity's page, e.g. {@code models/gpt-oss-120b/index.html}. */
    public String path() {
        return kind.folder() + "/" + id + "/index.html";
    }
}

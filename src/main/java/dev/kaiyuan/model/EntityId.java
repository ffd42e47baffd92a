package dev.kaiyuan.model;

import java.util.Objects;

/** A knowledge-base entity by kind and id, e.g. {@code MODEL gpt-oss-120b}. */
public record EntityId(EntityKind kind, String id) {
    public EntityId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!isId(id)) {
            throw new IllegalArgumentException("entity ids are lower-case words joined by hyphens: " + id);
        }
    }

    /**
     * Whether {@code id} matches {@code [a-z0-9]+(?:-[a-z0-9]+)*}, checked without a regular
     * expression: String.matches compiles its pattern at every call, and ids are made for every
     * mention of every article a rebuild loads from its cache (8.5 ms of an add-one rebuild's main
     * thread at 10,000 articles).
     */
    static boolean isId(String id) {
        boolean afterWord = false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                afterWord = true;
            } else if (c == '-' && afterWord) {
                afterWord = false;
            } else {
                return false;
            }
        }
        return afterWord;
    }

    /** Site path of the entity's page, e.g. {@code models/gpt-oss-120b/index.html}. */
    public String path() {
        return kind.folder() + "/" + id + "/index.html";
    }
}

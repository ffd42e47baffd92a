package dev.kaiyuan.model;

import java.util.Objects;
import java.util.Optional;

/** Where an article was published: outlet name and, if known, an http(s) URL. */
public record Source(String name, Optional<String> url) {
    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        if (name.isBlank()) {
            throw new IllegalArgumentException("source name is blank");
        }
    }

    public static Source named(String name) {
        return new Source(name, Optional.empty());
    }
}

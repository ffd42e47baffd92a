package dev.kaiyuan.model;

import java.util.Objects;

/** A quotation in an article and who said it. */
public record Quote(String text, EntityId speaker, String speakerWords) {
    public Quote {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(speakerWords, "speakerWords");
    }
}

package dev.kaiyuan.model;

import java.util.List;
import java.util.Objects;

/**
 * A release the article reports: a sentence naming a model or lab, a release verb and a date.
 *
 * @param entities the models released (or the lab, when no model is named)
 */
public record ReleaseEvent(String sentence, DateMention date, List<EntityId> entities, String verb) {
    public ReleaseEvent {
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(date, "date");
        entities = List.copyOf(entities);
        Objects.requireNonNull(verb, "verb");
    }
}

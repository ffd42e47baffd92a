package dev.kaiyuan.model;

import java.util.List;

/**
 * What enrichment learnt about one article.
 *
 * @param mentions every entity mention, offsets into {@link Article#text()}
 * @param entities the distinct entities mentioned, in order of first mention
 * @param dates    the dates in the text, resolved against the article's date
 */
public record Enrichment(List<Mention> mentions, List<EntityId> entities, List<DateMention> dates,
        List<ReleaseEvent> events, List<Quote> quotes) {
    public static final Enrichment EMPTY = new Enrichment(List.of(), List.of(), List.of(), List.of(), List.of());

    public Enrichment {
        mentions = List.copyOf(mentions);
        entities = List.copyOf(entities);
        dates = List.copyOf(dates);
        events = List.copyOf(events);
        quotes = List.copyOf(quotes);
    }
}

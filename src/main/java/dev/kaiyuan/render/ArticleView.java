package dev.kaiyuan.render;

import java.util.List;

/**
 * Everything the article page shows. {@code bodyHtml} is sanitised HTML and is the only value
 * a template may print without escaping. Empty strings stand for "not known".
 * {@code mentions} are the knowledge-base entities the article names, in order of first mention;
 * {@code timelineStrip} is trusted inline SVG placing the dated models it mentions in time (or "").
 */
public record ArticleView(
        String title,
        boolean titleDerived,
        String lang,
        String dateIso,
        String dateDisplay,
        boolean dateApproximate,
        String author,
        String sourceName,
        String sourceUrl,
        List<String> tags,
        String summary,
        String bodyHtml,
        List<String> captions,
        String rights,
        int readingMinutes,
        int damageCount,
        List<EntityLink> mentions,
        List<QuoteView> quotes,
        List<EventView> events,
        String timelineStrip) {

    public ArticleView {
        tags = List.copyOf(tags);
        captions = List.copyOf(captions);
        mentions = List.copyOf(mentions);
        quotes = List.copyOf(quotes);
        events = List.copyOf(events);
    }
}

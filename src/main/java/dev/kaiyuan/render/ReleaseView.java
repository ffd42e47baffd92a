package dev.kaiyuan.render;

import java.util.List;

/**
 * One model release as the timeline and entity pages list it.
 *
 * @param open        open weights (drawn filled) or not (drawn hollow)
 * @param articles    the newest of the digest's articles that mention it, at most
 *                    {@link #MENTIONS_LISTED}
 * @param more        "and 2,995 more" when more articles mention it (the model's page lists them all), else ""
 */
public record ReleaseView(
        String id,
        String name,
        String url,
        String organization,
        String organizationUrl,
        String country,
        String dateIso,
        String dateDisplay,
        boolean open,
        String accessibility,
        String license,
        String parameters,
        boolean partial,
        List<EntityLink> articles,
        String more) {
    /**
     * A release row names this many of the articles that mention it: a row is for scanning the
     * releases, and on a large site a model is mentioned by thousands of articles (the timeline
     * page listed them all: 7 MB at 10,000 articles).
     */
    public static final int MENTIONS_LISTED = 5;

    public ReleaseView {
        articles = List.copyOf(articles);
    }
}

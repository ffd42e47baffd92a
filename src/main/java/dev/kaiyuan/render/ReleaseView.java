package dev.kaiyuan.render;

import java.util.List;

/**
 * One model release as the timeline and entity pages list it.
 *
 * @param open        open weights (drawn filled) or not (drawn hollow)
 * @param articles    the digest's articles that mention it
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
        List<EntityLink> articles) {

    public ReleaseView {
        articles = List.copyOf(articles);
    }
}

package dev.kaiyuan.render;

import dev.kaiyuan.model.RecordText;
import java.util.Objects;

/**
 * Site-wide values every page can use. {@code lang} is the interface language (BCP 47);
 * {@code timelineUrl} is the site path of the release timeline, or "" when the site has no
 * knowledge base and so no timeline; {@code tagsUrl} likewise for the tag index.
 */
public record SiteView(String title, String description, String lang, Labels labels, String timelineUrl,
        String tagsUrl) {
    public SiteView {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(timelineUrl, "timelineUrl");
        Objects.requireNonNull(tagsUrl, "tagsUrl");
    }

    /**
     * Every component, the labels' too, as one text in which no two views are alike: what the keys
     * of pages kept unbuilt are made from ({@link RecordText}, not {@link #toString()}).
     */
    public String key() {
        return RecordText.of(this);
    }
}

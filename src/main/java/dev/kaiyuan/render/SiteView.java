package dev.kaiyuan.render;

import java.util.Objects;

/** Site-wide values every page can use. {@code lang} is the interface language (BCP 47). */
public record SiteView(String title, String description, String lang, Labels labels) {
    public SiteView {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(labels, "labels");
    }
}

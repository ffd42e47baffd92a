package dev.kaiyuan.render;

import java.util.List;

/** Every tag with its article count. */
public record TagsPage(SiteView site, String root, List<TagLink> tags) {
    public TagsPage {
        tags = List.copyOf(tags);
    }
}

package dev.kaiyuan.render;

import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.model.SiteModel;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link SiteFileProducer} may read: the site model, the configuration, the interface
 * words, and the HTML pages already rendered (paths and markup, before post-processing).
 */
public record SiteContext(SiteModel site, SiteConfig config, Labels labels, List<RenderedPage> pages) {
    public SiteContext {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(labels, "labels");
        pages = List.copyOf(pages);
    }
}

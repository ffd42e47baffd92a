package dev.kaiyuan.render;

import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.model.SiteModel;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link SiteFileProducer} may read: the site model, the configuration, the interface
 * words, and the site paths of the pages and files already made (their markup is written as it
 * is made, not kept for producers).
 */
public record SiteContext(SiteModel site, SiteConfig config, Labels labels, List<String> paths) {
    public SiteContext {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(labels, "labels");
        paths = List.copyOf(paths);
    }
}

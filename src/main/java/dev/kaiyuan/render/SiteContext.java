package dev.kaiyuan.render;

import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.model.SiteModel;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link SiteFileProducer} may read: the site model, the configuration, the interface
 * words, and the site paths of the pages and files already made (their markup is written as it
 * is made, not kept for producers); and the build's page memo, which may keep a file an earlier
 * build made from the same inputs ({@link PageMemo#keptUnbuilt}).
 */
public record SiteContext(SiteModel site, SiteConfig config, Labels labels, List<String> paths, PageMemo memo) {
    public SiteContext {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(labels, "labels");
        paths = List.copyOf(paths);
        Objects.requireNonNull(memo, "memo");
    }

    /** A context whose memo keeps nothing. */
    public SiteContext(SiteModel site, SiteConfig config, Labels labels, List<String> paths) {
        this(site, config, labels, paths, PageMemo.NONE);
    }
}

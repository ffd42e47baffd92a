package dev.kaiyuan.build;

import java.util.List;
import java.util.Objects;

/**
 * A build run with a {@link BuildCache}: its result, the cache for the next build, and how much of
 * the rendering it did.
 *
 * @param rendered paths of the templated pages the engine rendered in this build, in path order
 * @param reused   templated pages taken from the cache because their template and view were unchanged
 */
public record CachedBuild(BuildResult result, BuildCache cache, List<String> rendered, int reused) {
    public CachedBuild {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(cache, "cache");
        rendered = List.copyOf(rendered);
    }
}

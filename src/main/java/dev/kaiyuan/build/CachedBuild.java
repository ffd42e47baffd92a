package dev.kaiyuan.build;

import dev.kaiyuan.enrich.Enricher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A build run with a {@link BuildCache}: its result, the cache for the next build, and how much of
 * the rendering it did.
 *
 * @param rendered paths of the templated pages the engine rendered in this build, in path order
 * @param reused   pages ({@code .html}) kept from the output unrendered, because their template and
 *                 view (or the inputs to the view) hash as they did and the output still held them
 * @param refresh  how to re-make a saved article's page from this build at once; only for a good
 *                 build into memory (the preview's)
 * @param enricher the enricher the build used, for the next one ({@link Build#run(BuildRequest,
 *                 dev.kaiyuan.output.MemorySiteWriter, List, BuildCache, Optional)})
 */
public record CachedBuild(BuildResult result, BuildCache cache, List<String> rendered, int reused,
        Optional<ArticleRefresh> refresh, Enricher enricher) {
    public CachedBuild {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(cache, "cache");
        rendered = List.copyOf(rendered);
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(enricher, "enricher");
    }
}

package dev.kaiyuan.render;

import dev.kaiyuan.diag.DiagnosticSink;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes site files that are not templated pages — feeds, the sitemap, robots.txt, the search
 * index. Producers are registered in code (the build passes them to the {@link PageRenderer}) and run after the
 * pages are rendered, or beside them when they read none ({@link #readsPages}); files they make are
 * written as they are, without HTML post-processing.
 */
public interface SiteFileProducer {
    List<RenderedPage> produce(SiteContext context, DiagnosticSink sink);

    /**
     * Hands each file to {@code out} as it is made, which is how the renderer asks; a producer of
     * many files overrides it, so that they are written and let go one by one, never held together.
     */
    default void produce(SiteContext context, DiagnosticSink sink, Consumer<RenderedPage> out) {
        produce(context, sink).forEach(out);
    }

    /**
     * Whether this producer reads the rendered pages ({@link SiteContext#paths}). One that does not
     * may be run while the pages are rendered (a renderer made for rebuilds does so), on a thread of
     * its own, and is then given no paths; its files then come after every other producer's, and its
     * {@code out} is called from that thread while pages are handed over from others.
     */
    default boolean readsPages() {
        return true;
    }
}

package dev.kaiyuan.render;

import dev.kaiyuan.diag.DiagnosticSink;
import java.util.List;

/**
 * Makes site files that are not templated pages — feeds, the sitemap, robots.txt, the search
 * index. Producers are registered in code (the build passes them to the {@link PageRenderer}) and run after the
 * pages are rendered; files they make are written as they are, without HTML post-processing.
 */
public interface SiteFileProducer {
    List<RenderedPage> produce(SiteContext context, DiagnosticSink sink);
}

package dev.kaiyuan.render;

import dev.kaiyuan.diag.DiagnosticSink;
import java.util.List;

/**
 * {@code robots.txt}: everything may be crawled; with a base URL it also names the sitemap
 * (which {@link SitemapProducer} writes only then). Crawlers read it only at a host's root, so
 * under a sub-path it is there to be copied or merged by whoever runs the host.
 */
final class RobotsTxtProducer implements SiteFileProducer {
    static final String ROBOTS = "robots.txt";

    @Override
    public List<RenderedPage> produce(SiteContext context, DiagnosticSink sink) {
        StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n");
        context.config().baseUrl().ifPresent(base ->
                robots.append("\nSitemap: ").append(SiteUrls.absolute(base, SitemapProducer.SITEMAP)).append('\n'));
        return List.of(new RenderedPage(ROBOTS, robots.toString()));
    }
}

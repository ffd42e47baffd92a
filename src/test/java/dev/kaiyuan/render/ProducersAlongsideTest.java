package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.render.freemarker.FreemarkerEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Producers that read no page run beside the rendering in a rebuild, and change nothing of the site. */
class ProducersAlongsideTest {
    private final SiteModel site = new SiteModel(
            List.of(FeedProducersTest.dated("a", "2025-01-02"), FeedProducersTest.dated("b", "2025-02-03")), List.of());
    private final Map<String, String> threads = new ConcurrentHashMap<>();

    /** Records the thread it ran on, and how many pages it was shown. */
    private SiteFileProducer producer(String name, boolean readsPages) {
        return new SiteFileProducer() {
            @Override
            public List<RenderedPage> produce(SiteContext context, DiagnosticSink sink) {
                threads.put(name, Thread.currentThread().getName());
                return List.of(new RenderedPage(name + ".txt", name + " saw " + context.paths().size() + " pages"));
            }

            @Override
            public boolean readsPages() {
                return readsPages;
            }
        };
    }

    private List<RenderedPage> render(boolean alongside, List<SiteFileProducer> producers) {
        PageRenderer renderer = new PageRenderer(new FreemarkerEngine(List.of(Path.of("templates"))),
                name -> "templates/" + name, producers, alongside);
        return renderer.render(site, SiteConfig.defaults(), new DiagnosticSink(), PageMemo.NONE);
    }

    private static Map<String, String> byPath(List<RenderedPage> pages) {
        Map<String, String> map = new TreeMap<>();
        pages.forEach(p -> map.put(p.path(), p.html()));
        return map;
    }

    @Test
    void aProducerThatReadsNoPageRunsBesideTheRenderingAndComesLast() {
        List<RenderedPage> beside = render(true, List.of(producer("index", false), producer("sitemap", true)));

        assertThat(threads.get("index")).isNotEqualTo(threads.get("sitemap"));
        assertThat(beside.get(beside.size() - 1).path()).isEqualTo("index.txt");
        assertThat(byPath(beside).get("index.txt")).isEqualTo("index saw 0 pages");
        assertThat(byPath(beside).get("sitemap.txt")).doesNotContain("saw 0 pages");
    }

    @Test
    void theSiteIsTheSameEitherWay() {
        List<RenderedPage> after = render(false, List.of(producer("sitemap", true), producer("index", false)));
        List<RenderedPage> beside = render(true, List.of(producer("sitemap", true), producer("index", false)));

        assertThat(beside.stream().map(RenderedPage::path)).containsExactlyElementsOf(
                after.stream().map(RenderedPage::path).toList());
        assertThat(byPath(beside).entrySet()).hasSizeGreaterThan(5).allSatisfy(e -> assertThat(e.getValue())
                .isEqualTo(e.getKey().equals("index.txt") ? "index saw 0 pages" : byPath(after).get(e.getKey())));
    }

    @Test
    void aFailureBesideTheRenderingFailsTheRender() {
        SiteFileProducer failing = new SiteFileProducer() {
            @Override
            public List<RenderedPage> produce(SiteContext context, DiagnosticSink sink) {
                throw new IllegalStateException("the index could not be made");
            }

            @Override
            public boolean readsPages() {
                return false;
            }
        };

        assertThatThrownBy(() -> render(true, List.of(failing))).isInstanceOf(IllegalStateException.class)
                .hasMessage("the index could not be made");
    }

    @Test
    void aFailedRenderWaitsForTheProducerBesideItBeforeItFails() {
        AtomicBoolean indexDone = new AtomicBoolean();
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger handedOverAfter = new AtomicInteger();
        SiteFileProducer slowIndex = new SiteFileProducer() {
            @Override
            public List<RenderedPage> produce(SiteContext context, DiagnosticSink sink) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                indexDone.set(true);
                return List.of(new RenderedPage("index.txt", "late"));
            }

            @Override
            public boolean readsPages() {
                return false;
            }
        };
        SiteFileProducer failingSitemap = (context, sink) -> {
            throw new IllegalStateException("the sitemap could not be made");
        };
        PageRenderer renderer = new PageRenderer(new FreemarkerEngine(List.of(Path.of("templates"))),
                name -> "templates/" + name, List.of(slowIndex, failingSitemap), true);

        assertThatThrownBy(() -> renderer.render(site, SiteConfig.defaults(), new DiagnosticSink(), PageMemo.NONE,
                page -> {
                    if (failed.get()) {
                        handedOverAfter.incrementAndGet();
                    }
                })).hasMessage("the sitemap could not be made");
        failed.set(true);

        assertThat(indexDone).as("the index was done before the failure was reported").isTrue();
        assertThat(handedOverAfter).as("nothing handed over after the failure").hasValue(0);
    }
}

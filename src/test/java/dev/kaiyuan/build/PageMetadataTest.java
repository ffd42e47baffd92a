package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Canonical links, Open Graph and JSON-LD with a base URL; none without; the 404 page and favicon. */
class PageMetadataTest {
    private static final String BASE = "https://example.org/digest/";

    @TempDir
    Path project;

    private Path build(Optional<String> baseUrl) {
        TestSites.write(project, "seeds/a.md", """
                ---
                title: "A </script><script>alert(1)</script> title"
                date: 2025-08-05
                author: 编辑部
                tags: [open weights]
                summary: OpenAI released gpt-oss.
                ---
                Body text.
                """);
        BuildResult result = Build.run(new BuildRequest(project, project.resolve("site"), false, false, baseUrl,
                Optional.empty()));
        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        return project.resolve("site");
    }

    @Test
    void articlePagesCarryCanonicalOpenGraphAndNewsArticle() {
        Document page = TestSites.page(build(Optional.of(BASE)), "articles/a/index.html");
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(BASE + "articles/a/");
        assertThat(page.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(BASE + "articles/a/");
        assertThat(page.select("meta[property=og:title]").attr("content")).startsWith("A </script>");
        assertThat(page.select("meta[property=article:published_time]").attr("content")).isEqualTo("2025-08-05");
        assertThat(page.select("script[type=application/ld+json]")).singleElement().satisfies(s -> {
            String json = s.data();
            assertThat(json).contains("\"@type\":\"NewsArticle\"", "\"datePublished\":\"2025-08-05\"",
                    "\"name\":\"编辑部\"").doesNotContain("</script>", "<script>");
        });
        assertThat(page.select("script")).hasSize(1);
        Document home = TestSites.page(project.resolve("site"), "index.html");
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo(BASE);
        assertThat(home.select("meta[property=og:type]").attr("content")).isEqualTo("website");
        assertThat(home.select("script[type=application/ld+json]")).isEmpty();
    }

    @Test
    void withoutABaseUrlNothingThatNeedsOneIsWritten() {
        Document page = TestSites.page(build(Optional.empty()), "articles/a/index.html");
        assertThat(page.select("link[rel=canonical], meta[property], script[type=application/ld+json]")).isEmpty();
    }

    @Test
    void notFoundPageUsesTheSitesAbsolutePathAndEveryPageHasTheFavicon() {
        Path site = build(Optional.of(BASE));
        Document notFound = TestSites.page(site, "404.html");
        assertThat(notFound.select("link[rel=stylesheet]").attr("href")).isEqualTo("/digest/assets/style.css");
        assertThat(notFound.select("main a").eachAttr("href")).contains("/digest/index.html");
        assertThat(TestSites.page(site, "index.html").select("link[rel=icon]").attr("href")).isEqualTo("assets/favicon.svg");
        assertThat(site.resolve("assets/favicon.svg")).exists();
    }
}

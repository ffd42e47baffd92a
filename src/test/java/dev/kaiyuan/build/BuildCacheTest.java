package dev.kaiyuan.build;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaiyuan.enrich.Enricher;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.ArticleBody;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.output.FolderStamp;
import dev.kaiyuan.output.MemorySiteWriter;
import dev.kaiyuan.postprocess.HtmlTransform;
import dev.kaiyuan.postprocess.LiveReloadScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental builds with a {@link BuildCache}, into memory as the preview server builds: a cached
 * build gives the same bytes as a cold one, re-renders only the pages whose views changed, and
 * reports every diagnostic on every build. As in the preview, one writer holds the site that the
 * cache passed to the next build describes; each cold build to compare with has its own.
 */
class BuildCacheTest {
    static final String QWEN3 = "seeds/2025-04-29-qwen3.md";
    static final List<HtmlTransform> PREVIEW = List.of(new LiveReloadScript());

    @TempDir
    Path tmp;

    /** One build into memory: the cache it made and the site it wrote. */
    record Built(CachedBuild build, Map<String, byte[]> site) {
        BuildCache cache() {
            return build.cache();
        }

        List<String> rendered() {
            return build.rendered();
        }
    }

    /** The preview's site in memory: every build of a test but the cold ones goes into it. */
    final MemorySiteWriter site = new MemorySiteWriter();

    Built build(Path project, BuildCache cache) {
        return build(project, cache, PREVIEW);
    }

    Built build(Path project, BuildCache cache, List<HtmlTransform> preview) {
        return build(project, cache, preview, site);
    }

    /** A build from nothing, into a writer of its own, to compare with. */
    static Built cold(Path project) {
        return cold(project, PREVIEW);
    }

    static Built cold(Path project, List<HtmlTransform> preview) {
        return build(project, BuildCache.EMPTY, preview, new MemorySiteWriter());
    }

    static Built build(Path project, BuildCache cache, List<HtmlTransform> preview, MemorySiteWriter writer) {
        CachedBuild built = Build.run(new BuildRequest(project, project.resolve("site"), false, false,
                Optional.of(RepositoryProject.BASE_URL), Optional.empty()), writer, preview, cache);
        return new Built(built, TestSites.bytes(writer.snapshot()));
    }

    static void edit(Path project, String seed, String from, String to) throws IOException {
        Path file = project.resolve(seed);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** Paths whose bytes differ, or that only one of the sites has. */
    static List<String> differences(Map<String, byte[]> a, Map<String, byte[]> b) {
        Map<String, String> all = new TreeMap<>();
        a.forEach((p, bytes) -> all.put(p, java.util.Arrays.equals(bytes, b.get(p)) ? "" : "differs"));
        b.keySet().stream().filter(p -> !a.containsKey(p)).forEach(p -> all.put(p, "only in second"));
        return all.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(e -> e.getKey() + " " + e.getValue())
                .toList();
    }

    static long templatedPages(Built built) {
        return built.rendered().size() + built.build().reused();
    }

    @Test
    void aCachedRebuildAfterAnEditGivesTheBytesOfAColdBuild() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        Built first = build(project, BuildCache.EMPTY);
        assertThat(first.build().result().succeeded()).as(RepositoryProject.describe(first.build().result())).isTrue();
        edit(project, QWEN3, "title: 阿里云 Qwen 团队发布 Qwen3 系列", "title: 阿里云发布 Qwen3 系列（修订）");
        edit(project, QWEN3, "许可证值得留意。", "许可证值得留意，DeepSeek 也是如此。");

        Built cached = build(project, first.cache());
        Built cold = cold(project);

        assertThat(cached.build().result().succeeded()).isTrue();
        assertThat(cached.site().keySet()).isEqualTo(cold.site().keySet());
        assertThat(differences(cached.site(), cold.site())).isEmpty();
        assertThat(differences(first.site(), cold.site())).isNotEmpty();
        assertThat(cached.build().reused()).isPositive();
        assertThat(new String(cached.site().get("articles/qwen3/index.html"), StandardCharsets.UTF_8))
                .contains("（修订）", "DeepSeek");
    }

    @Test
    void aRebuildWithoutChangesRendersNoPage() {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        Built first = build(project, BuildCache.EMPTY);

        Built again = build(project, first.cache());

        assertThat(again.rendered()).isEmpty();
        assertThat(again.build().reused()).isEqualTo(first.rendered().size()).isGreaterThan(100);
        assertThat(differences(first.site(), again.site())).isEmpty();
    }

    @Test
    void editingOneArticleRendersItsPageAndTheListsShowingItButNotUnrelatedEntityPages() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        Built first = build(project, BuildCache.EMPTY);
        edit(project, QWEN3, "title: 阿里云 Qwen 团队发布 Qwen3 系列", "title: 阿里云发布 Qwen3 系列（修订）");

        Built second = build(project, first.cache());

        List<String> rendered = second.rendered();
        // the archive's page of the article's month lists it; the archive's front page does not
        assertThat(rendered).contains("articles/qwen3/index.html", "index.html", "archive/2025/04/index.html")
                .doesNotContain("archive/index.html");
        // Every page that was rendered shows the new title; every page that shows it was rendered.
        List<String> showing = second.site().entrySet().stream()
                .filter(e -> e.getKey().endsWith(".html"))
                .filter(e -> new String(e.getValue(), StandardCharsets.UTF_8).contains("（修订）"))
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(rendered).containsExactlyInAnyOrderElementsOf(showing);
        assertThat(showing).anyMatch(p -> p.startsWith("tags/"));
        // Entity pages of what the article does not mention are not rendered again.
        List<String> entityPages = first.site().keySet().stream()
                .filter(p -> p.matches("(orgs|models|people)/[^/]+/index.html")).toList();
        assertThat(entityPages).isNotEmpty();
        assertThat(entityPages.stream().filter(p -> !rendered.contains(p)).count()).isPositive();
        assertThat(rendered.size()).isLessThan((int) templatedPages(second) / 4);
        assertThat(differences(second.site(), cold(project).site())).isEmpty();
    }

    /**
     * An article moved to another month takes the archive's month pages with it: the month it left
     * (its only article) is gone, the month it joined is made, the months on either side are
     * rendered again for their links, the front page for its counts; the other months are kept.
     */
    @Test
    void anArticleMovedToAnotherMonthRendersTheArchivesMonthsAroundIt() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        Built first = build(project, BuildCache.EMPTY);
        assertThat(first.site()).containsKey("archive/2025/04/index.html").doesNotContainKey("archive/2025/03/index.html");
        edit(project, QWEN3, "date: 2025-04-29", "date: 2025-03-15");

        Built second = build(project, first.cache());

        assertThat(second.site()).containsKey("archive/2025/03/index.html").doesNotContainKey("archive/2025/04/index.html");
        assertThat(new String(second.site().get("archive/2025/03/index.html"), StandardCharsets.UTF_8))
                .contains("Qwen3", "href=\"../../../archive/2025/01/index.html\"",
                        "href=\"../../../archive/2025/07/index.html\"");
        assertThat(second.rendered()).contains("archive/index.html", "archive/2025/03/index.html",
                "archive/2025/07/index.html", "archive/2025/01/index.html")
                .doesNotContain("archive/2025/08/index.html", "archive/2024/11/index.html", "archive/2024/07/index.html");
        assertThat(differences(second.site(), cold(project).site())).isEmpty();
    }

    /**
     * An entity's numbered pages are kept by what they show (their articles, the entity's name and
     * aliases, their links) without building their views; they are rendered again when any of it
     * changes, and never otherwise.
     */
    @Test
    void anEntitysNumberedPagesAreRenderedAgainExactlyWhenWhatTheyShowChanged() throws Exception {
        Path project = tmp.resolve("project");
        RepositoryProject.copyKnowledgeBase(project);
        // page_size 1: ten links a page on an entity page; 25 mentions: page 1 and the entity's own page
        write(project, "kaiyuan.yaml", "page_size: 1\n");
        for (int day = 1; day <= 25; day++) {
            write(project, "seeds/day-" + day + ".md", mention(day, "Day " + day));
        }
        String pageOne = "models/gpt-oss-120b/page/1/index.html";
        Built first = build(project, BuildCache.EMPTY);
        assertThat(first.build().result().succeeded()).isTrue();
        assertThat(first.site()).containsKey(pageOne);

        // a new article: only the entity's own page shows it
        write(project, "seeds/day-26.md", mention(26, "Day 26"));
        Built added = build(project, first.cache());
        assertThat(added.rendered()).contains("models/gpt-oss-120b/index.html").doesNotContain(pageOne);
        assertThat(differences(added.site(), cold(project).site())).isEmpty();

        // an article on page 1 retitled
        write(project, "seeds/day-3.md", mention(3, "Day three"));
        Built retitled = build(project, added.cache());
        assertThat(retitled.rendered()).contains(pageOne);
        assertThat(new String(retitled.site().get(pageOne), StandardCharsets.UTF_8)).contains("Day three");
        assertThat(differences(retitled.site(), cold(project).site())).isEmpty();

        // the model renamed in the knowledge base
        edit(project, "seeds/data/models.yaml", "  name: gpt-oss-120b\n", "  name: gpt-oss-120b (renamed)\n");
        Built renamed = build(project, retitled.cache());
        assertThat(renamed.rendered()).contains(pageOne);
        assertThat(new String(renamed.site().get(pageOne), StandardCharsets.UTF_8)).contains("gpt-oss-120b (renamed)");
        assertThat(differences(renamed.site(), cold(project).site())).isEmpty();

        // 30 mentions: a page 2 between page 1 and the entity's own page, so page 1's link to the
        // newer page changes while its articles do not
        for (int day = 27; day <= 30; day++) {
            write(project, "seeds/day-" + day + ".md", mention(day, "Day " + day));
        }
        Built grown = build(project, renamed.cache());
        assertThat(grown.site()).containsKey("models/gpt-oss-120b/page/2/index.html");
        assertThat(grown.rendered()).contains(pageOne);
        assertThat(differences(grown.site(), cold(project).site())).isEmpty();

        Built again = build(project, grown.cache());
        assertThat(again.rendered()).isEmpty();
    }

    private static String mention(int day, String title) {
        return "---\ntitle: " + title + "\ndate: 2025-09-" + (day < 10 ? "0" : "") + day + "\nlang: en\n---\n"
                + "OpenAI's gpt-oss-120b again, on day " + day + ".\n";
    }

    @Test
    void theNextBuildTakesTheLastEnricherOnlyWhileTheKnowledgeBaseIsTheOneItWasMadeFrom() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        BuildRequest request = new BuildRequest(project, project.resolve("site"), false, false,
                Optional.of(RepositoryProject.BASE_URL), Optional.empty());
        CachedBuild first = Build.run(request, site, PREVIEW, BuildCache.EMPTY, Optional.empty());
        edit(project, QWEN3, "许可证值得留意。", "许可证值得留意，DeepSeek 也是如此。");

        CachedBuild second = Build.run(request, site, PREVIEW, first.cache(), Optional.of(first.enricher()));

        assertThat(second.enricher()).isSameAs(first.enricher());
        assertThat(differences(TestSites.bytes(site.snapshot()), cold(project).site())).isEmpty();

        // A person given a name the article uses: a new enricher, which links it.
        edit(project, "seeds/data/people.yaml", "aliases: [亚历山大·王, 亞歷山大·王]",
                "aliases: [亚历山大·王, 亞歷山大·王, 许可证值得留意]");
        CachedBuild third = Build.run(request, site, PREVIEW, second.cache(), Optional.of(second.enricher()));

        assertThat(third.enricher()).isNotSameAs(second.enricher());
        Map<String, byte[]> rebuilt = TestSites.bytes(site.snapshot());
        assertThat(new String(rebuilt.get("articles/qwen3/index.html"), StandardCharsets.UTF_8))
                .contains("people/alexandr-wang/");
        assertThat(differences(rebuilt, cold(project).site())).isEmpty();

        // An enricher of another knowledge base is not taken, whatever the caller passes.
        CachedBuild fourth = Build.run(request, site, PREVIEW, third.cache(),
                Optional.of(new Enricher(Gazetteer.EMPTY)));
        assertThat(fourth.enricher().gazetteer()).isSameAs(third.enricher().gazetteer());
        assertThat(differences(TestSites.bytes(site.snapshot()), cold(project).site())).isEmpty();
    }

    @Test
    void thePreviewHoldsEveryArticleBodyDeflatedWhateverTheSiteSize() {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));

        Built built = build(project, BuildCache.EMPTY);

        List<Article> articles = built.cache().reads().values().stream()
                .flatMap(read -> read.article().stream()).toList();
        assertThat(articles).hasSizeGreaterThan(5).allSatisfy(article -> assertThat(article.body().packing())
                .isEqualTo(ArticleBody.Packing.DEFLATED));
    }

    @Test
    void aTemplateEditRendersThePagesAgain() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        write(project, "templates/article.ftlh", theme("article.ftlh"));
        Built first = build(project, BuildCache.EMPTY);
        assertThat(first.build().result().succeeded()).as(RepositoryProject.describe(first.build().result())).isTrue();

        write(project, "templates/article.ftlh", theme("article.ftlh").replace("</article>",
                "<p class=\"edited-template\">edited</p></article>"));
        Built second = build(project, first.cache());

        assertThat(second.rendered()).hasSize((int) templatedPages(first));
        assertThat(new String(second.site().get("articles/qwen3/index.html"), StandardCharsets.UTF_8))
                .contains("edited-template");
        assertThat(differences(second.site(), cold(project).site())).isEmpty();
    }

    @Test
    void aConfigChangeOrOtherPreviewTransformsRenderEverythingAgain() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        Built first = build(project, BuildCache.EMPTY);
        Built published = build(project, first.cache(), List.of());
        assertThat(published.rendered()).hasSize((int) templatedPages(first));
        assertThat(differences(published.site(), cold(project, List.of()).site())).isEmpty();

        write(project, "kaiyuan.yaml", Files.readString(project.resolve("kaiyuan.yaml"), StandardCharsets.UTF_8)
                + "\ndescription: A changed description\n");
        Built changed = build(project, published.cache());
        assertThat(changed.rendered()).hasSize((int) templatedPages(first));
        assertThat(differences(changed.site(), cold(project).site())).isEmpty();
    }

    @Test
    void aSeedWithErrorsIsReadAgainAndReportedOnEveryBuild() {
        Path project = tmp.resolve("project");
        write(project, "seeds/good.md", "---\ntitle: Good\ndate: 2025-08-21\n---\nFine text.\n");
        write(project, "seeds/undated.md", "---\ntitle: Undated\n---\nNo date here.\n");
        write(project, "seeds/broken.md", "---\ntitle: Broken\ndraft: maybe\n---\nBroken text.\n");
        Built first = build(project, BuildCache.EMPTY);
        Built second = build(project, first.cache());
        Built third = build(project, second.cache());

        for (Built built : List.of(first, second, third)) {
            BuildResult result = built.build().result();
            assertThat(result.succeeded()).isFalse();
            assertThat(codes(result)).contains("seeds/broken.md:3 error", "seeds/undated.md:0 article.undated");
            assertThat(result.errors()).isEqualTo(first.build().result().errors());
            assertThat(result.warnings()).isEqualTo(first.build().result().warnings());
        }
        assertThat(third.cache().reads()).containsOnlyKeys("seeds/good.md");

        write(project, "seeds/broken.md", "---\ntitle: Broken\ndraft: false\n---\nFixed text.\n");
        Built fixed = build(project, third.cache());
        assertThat(fixed.build().result().succeeded()).isTrue();
        assertThat(codes(fixed.build().result())).contains("seeds/undated.md:0 article.undated");
        assertThat(differences(fixed.site(), cold(project).site())).isEmpty();
    }

    /**
     * A build with errors commits nothing, so the site in memory is still the last good build's: it
     * keeps what it can from that site without rendering it, and the build after it does not take
     * a page the failed build made as the site's (an article edited meanwhile shows).
     */
    @Test
    void aBuildWithErrorsKeepsPagesUnrenderedAndTheNextComparesWithTheLastGoodSite() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        Built first = build(project, BuildCache.EMPTY);
        assertThat(first.build().result().succeeded()).isTrue();

        Built failed = titleEditedAndASeedBroken(project, first);
        assertThat(failed.build().reused()).isPositive();
        assertThat(failed.rendered().size()).isLessThan((int) templatedPages(failed) / 4);
        assertThat(differences(failed.site(), first.site())).isEmpty();

        Files.delete(project.resolve("seeds/broken.md"));
        Built fixed = build(project, failed.cache());
        assertThat(fixed.build().result().succeeded()).isTrue();
        assertThat(fixed.rendered()).contains("articles/qwen3/index.html", "index.html");
        assertThat(new String(fixed.site().get("articles/qwen3/index.html"), StandardCharsets.UTF_8))
                .contains("（修订）");
        assertThat(differences(fixed.site(), cold(project).site())).isEmpty();
    }

    /** An edit undone after a build with errors: the pages are as the site still has them, and kept. */
    @Test
    void anEditUndoneAfterABuildWithErrorsRendersNoPage() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        Built first = build(project, BuildCache.EMPTY);
        String qwen3 = Files.readString(project.resolve(QWEN3), StandardCharsets.UTF_8);
        Built failed = titleEditedAndASeedBroken(project, first);
        assertThat(failed.rendered()).contains("articles/qwen3/index.html");

        write(project, QWEN3, qwen3);
        Files.delete(project.resolve("seeds/broken.md"));
        Built undone = build(project, failed.cache());

        assertThat(undone.build().result().succeeded()).isTrue();
        assertThat(undone.rendered()).isEmpty();
        assertThat(differences(undone.site(), first.site())).isEmpty();
    }

    /** After {@code first}: the Qwen3 article's title edited and a seed with an error added; that build fails. */
    Built titleEditedAndASeedBroken(Path project, Built first) throws IOException {
        edit(project, QWEN3, "title: 阿里云 Qwen 团队发布 Qwen3 系列", "title: 阿里云发布 Qwen3 系列（修订）");
        write(project, "seeds/broken.md", "---\ntitle: Broken\ndraft: maybe\n---\nBroken text.\n");
        Built failed = build(project, first.cache());
        assertThat(failed.build().result().succeeded()).isFalse();
        return failed;
    }

    /** Many seeds read and enriched in parallel, some from the cache and some not, in a stable order. */
    @Test
    void parallelCachedBuildsOfManyArticlesMatchColdBuilds() {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        for (int i = 0; i < 300; i++) {
            write(project, "seeds/gen/a" + i + ".md", generated(i, "first"));
        }
        Built last = build(project, BuildCache.EMPTY);
        for (int round = 0; round < 3; round++) {
            for (int i = round; i < 300; i += 37) {
                write(project, "seeds/gen/a" + i + ".md", generated(i, "round " + round));
            }
            Built cached = build(project, last.cache());
            assertThat(cached.build().result().succeeded()).isTrue();
            assertThat(cached.build().reused()).isPositive();
            assertThat(differences(cached.site(), cold(project).site())).isEmpty();
            last = cached;
        }
    }

    static String generated(int i, String version) {
        return "---\ntitle: Generated " + i + " (" + version + ")\ndate: 2025-0" + (1 + i % 9) + "-1" + (i % 10)
                + "\ntags: [t" + (i % 7) + "]\n---\n阿里云 Qwen 团队发布了第 " + i + " 个模型。DeepSeek released a model on "
                + "2025-01-20. " + version + "\n";
    }

    static List<String> codes(BuildResult result) {
        return result.diagnostics().stream().map(d -> d.where().path() + ":" + d.where().line() + " "
                + (d.isError() ? "error" : d.code())).collect(Collectors.toList());
    }

    static String theme(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(Build.class.getResourceAsStream(Theme.BUILTIN + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }


    /**
     * A map handed over is kept as it is, read-only, and equals a copied one; a map not handed over
     * is still copied, so that changing it afterwards changes no cache; neither takes a null.
     */
    @Test
    void aMapHandedOverIsKeptReadOnlyAndAnyOtherIsCopied() {
        HashMap<String, FolderStamp> fresh = new HashMap<>();
        fresh.put("articles", new FolderStamp(1, 2, 3));
        BuildCache handed = new BuildCache(Optional.empty(), Map.of(), Optional.empty(), Map.of(), Optional.empty(),
                Map.of(), BuildCache.handedOver(fresh), Map.of(), Optional.empty());
        BuildCache copied = new BuildCache(Optional.empty(), Map.of(), Optional.empty(), Map.of(), Optional.empty(),
                Map.of(), fresh, Map.of(), Optional.empty());

        assertThat(handed).isEqualTo(copied);
        assertThat(handed.hashCode()).isEqualTo(copied.hashCode());
        assertThat(handed.folders()).containsOnlyKeys("articles");
        assertThatThrownBy(() -> handed.folders().put("x", null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> handed.folders().keySet().remove("articles"))
                .isInstanceOf(UnsupportedOperationException.class);
        fresh.put("tags", new FolderStamp(4, 5, 6));
        assertThat(copied.folders()).containsOnlyKeys("articles");
        HashMap<String, FolderStamp> withNull = new HashMap<>();
        withNull.put("articles", null);
        assertThatThrownBy(() -> BuildCache.handedOver(withNull))
                .isInstanceOf(NullPointerException.class);
    }
}

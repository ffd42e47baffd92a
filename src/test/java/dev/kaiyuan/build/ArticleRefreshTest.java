package dev.kaiyuan.build;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.OutputFile;
import dev.kaiyuan.output.MemorySiteWriter;
import dev.kaiyuan.postprocess.LiveReloadScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's quick path: an edited article's page made from the last good build must be the page
 * the full rebuild makes, and the quick path must decline whatever it cannot make that way.
 */
class ArticleRefreshTest {
    @TempDir
    Path project;

    /** The whole repository project (the real seed, the knowledge base), previewed with a base URL. */
    private ArticleRefresh previewed() {
        RepositoryProject.copyTo(project);
        return build().refresh().orElseThrow();
    }

    private CachedBuild build() {
        BuildRequest request = new BuildRequest(project, project.resolve("site"), false, false,
                Optional.of(RepositoryProject.BASE_URL), Optional.empty());
        CachedBuild built = Build.run(request, new MemorySiteWriter(), List.of(new LiveReloadScript()),
                BuildCache.EMPTY);
        assertThat(built.result().succeeded()).as("%s", built.result().diagnostics()).isTrue();
        return built;
    }

    /** What a full preview build makes of the project as it is now, at {@code path}. */
    private String fullBuildPage(String path) {
        MemorySiteWriter memory = new MemorySiteWriter();
        BuildRequest request = new BuildRequest(project, project.resolve("site"), false, false,
                Optional.of(RepositoryProject.BASE_URL), Optional.empty());
        assertThat(Build.run(request, memory, List.of(new LiveReloadScript())).succeeded()).isTrue();
        return new String(memory.snapshot().get(path).bytes(), StandardCharsets.UTF_8);
    }

    private Path seed(String name) {
        return project.resolve("seeds").resolve(name);
    }

    private static String text(OutputFile file) {
        return new String(file.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void anEditedMarkdownArticlesPageIsTheFullRebuildsPage() throws IOException {
        ArticleRefresh refresh = previewed();
        Path file = seed("2025-01-20-deepseek-r1.md");
        Files.writeString(file, Files.readString(file).replace("中国公司 DeepSeek", "中国公司深度求索") + "\nQwen3 也来了。\n");

        OutputFile page = refresh.page(file).orElseThrow();

        assertThat(text(page)).contains(">Qwen3</a> 也来了", "/__kaiyuan/reload.js");
        assertThat(text(page)).isEqualTo(fullBuildPage(page.path()));
    }

    @Test
    void anEditedRawSeedWithItsSidecarIsTheFullRebuildsPage() throws IOException {
        ArticleRefresh refresh = previewed();
        Path file = seed(RepositoryProject.SEED + ".txt");
        String seed = Files.readString(file, StandardCharsets.UTF_8);
        // A paragraph before the repost's closing notices, which the reader cuts off.
        Files.writeString(file, seed.replace("本文系觀察者網", "Llama 3.1 was mentioned here too.\n本文系觀察者網"),
                StandardCharsets.UTF_8);

        OutputFile page = refresh.page(file).orElseThrow();

        assertThat(text(page)).contains(">Llama 3.1</a> was mentioned here too.");
        assertThat(text(page)).isEqualTo(fullBuildPage(page.path()));
    }

    @Test
    void declinesWhatOnlyTheFullRebuildCanMake() throws IOException {
        ArticleRefresh refresh = previewed();
        Path renamed = seed("2025-04-29-qwen3.md");
        Files.writeString(renamed, Files.readString(renamed).replaceFirst("(?m)^title: .*$",
                "title: Qwen3\nslug: another-slug"));
        Path broken = write(project, "seeds/2025-07-11-kimi-k2.md", "---\ntitle: [unclosed\n---\nx\n");
        Path draft = seed("2025-07-28-glm-4-5.md");
        Files.writeString(draft, Files.readString(draft).replaceFirst("---\n", "---\ndraft: true\n"));
        Path added = write(project, "seeds/new.md", "---\ntitle: New\n---\nNew.\n");
        Path gone = seed("2024-11-26-olmo-2.md");
        Files.delete(gone);
        Path knowledge = project.resolve("seeds/data/models.yaml");

        assertThat(refresh.page(renamed)).as("page would move").isEmpty();
        assertThat(refresh.page(broken)).as("errors").isEmpty();
        assertThat(refresh.page(draft)).as("now a draft").isEmpty();
        assertThat(refresh.page(added)).as("not an article of the last build").isEmpty();
        assertThat(refresh.knows(added)).isFalse();
        assertThat(refresh.page(gone)).as("deleted").isEmpty();
        assertThat(refresh.knows(gone)).isTrue();
        assertThat(refresh.page(knowledge)).as("knowledge base").isEmpty();
        assertThat(refresh.knows(project.resolve("../elsewhere.md"))).isFalse();
    }

    @Test
    void aSaveIsRefreshedOnlyWhenEveryFileItNamedIsAnArticleOrATemporaryFileGoneAgain() throws IOException {
        ArticleRefresh refresh = previewed();
        Path article = seed("2025-01-20-deepseek-r1.md");
        Files.writeString(article, Files.readString(article) + "\n又改了一句。\n");
        Path temporary = project.resolve("seeds/sedAbc123");

        assertThat(refresh.pages(Set.of(article, temporary)).orElseThrow()).containsOnlyKeys(
                "articles/deepseek-r1/index.html");
        // Deleted with the save: config, a template, the knowledge base, a sidecar — all inputs.
        for (String input : List.of("kaiyuan.yaml", "templates/article.ftlh", "seeds/data/people.yaml",
                "seeds/" + RepositoryProject.SEED + ".meta.yaml")) {
            assertThat(refresh.pages(Set.of(article, project.resolve(input)))).as(input).isEmpty();
        }
        // Saved with it: a new article, an existing knowledge file.
        Path added = write(project, "seeds/new.md", "---\ntitle: New\n---\nNew.\n");
        assertThat(refresh.pages(Set.of(article, added))).isEmpty();
        assertThat(refresh.pages(Set.of(article, project.resolve("seeds/data/models.yaml")))).isEmpty();
    }

    /** The other seed of the same name is an article, or a draft the site leaves out. */
    @ParameterizedTest
    @ValueSource(strings = {"title: From Markdown\nslug: md-a\ndate: 2025-01-02", "title: A draft\ndraft: true"})
    void anArticleSharingItsNameWithAnotherIsLeftToTheFullRebuild(String frontMatter) throws IOException {
        write(project, "seeds/a.md", "---\n" + frontMatter + "\n---\nMarkdown body.\n");
        write(project, "seeds/a.txt", "Plain text title\n\nSome body text about open models, long enough to be a body.\n");
        write(project, "seeds/a.meta.yaml", "tags: [sidecar-tag]\n");
        ArticleRefresh refresh = build().refresh().orElseThrow();
        Path plain = write(project, "seeds/a.txt", "Plain text title\n\nSome body text about open models. Edited.\n");

        // The full build gives the sidecar to a.md alone; which seed gets it is not this path's business.
        assertThat(refresh.knows(plain)).isTrue();
        assertThat(refresh.page(plain)).isEmpty();
        assertThat(refresh.page(project.resolve("seeds/a.md"))).isEmpty();
    }

    @Test
    void onlyAGoodBuildIntoMemoryOffersTheQuickPath() {
        RepositoryProject.copyTo(project);
        write(project, "seeds/broken.md", "---\ntitle: [unclosed\n---\nx\n");
        BuildRequest request = BuildRequest.of(project);

        assertThat(Build.run(request, new MemorySiteWriter(), List.of(), BuildCache.EMPTY).refresh()).isEmpty();
    }
}

package dev.kaiyuan.search;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.build.Build;
import dev.kaiyuan.build.BuildRequest;
import dev.kaiyuan.build.BuildResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search documents are numbered oldest first, so that a new article (usually the newest) takes the
 * next id: every other document keeps its id, and a term's posting list only grows by the new
 * article. Before, the newest article was document 0 and a new one renumbered all the others,
 * rewriting every shard of the index.
 */
class SearchIdsTest {
    @TempDir
    Path project;

    private static String article(String title, String date, String body) {
        return "---\ntitle: " + title + "\ndate: " + date + "\n---\n" + body + "\n";
    }

    private IndexJs build() throws IOException {
        BuildResult result = Build.run(BuildRequest.of(project));
        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        return IndexJs.read(project.resolve("site").resolve(SearchIndexProducer.PATH));
    }

    private static List<String> urls(IndexJs index) {
        return index.docs.stream().map(d -> (String) d.get("url")).toList();
    }

    @Test
    void aNewerArticleTakesTheNextIdAndOnlyAddsToPostingLists() throws IOException {
        write(project, "seeds/a.md", article("Alpha", "2025-01-01", "Open models and kernels. 开源模型"));
        write(project, "seeds/b.md", article("Beta", "2025-01-02", "Open weights, quantized kernels."));
        write(project, "seeds/c.md", article("Gamma", "2025-01-03", "Kernels for 开源 weights."));
        IndexJs before = build();
        write(project, "seeds/d.md", article("Delta", "2025-02-01", "New open kernels, nothing else. 模型"));
        IndexJs after = build();

        assertThat(urls(before)).containsExactly("articles/a/index.html", "articles/b/index.html",
                "articles/c/index.html");
        assertThat(urls(after)).startsWith(urls(before).toArray(String[]::new)).hasSize(4)
                .endsWith("articles/d/index.html");
        int grown = 0;
        for (Map.Entry<String, List<int[]>> term : before.postings.entrySet()) {
            List<int[]> now = after.postings.get(term.getKey());
            assertThat(now).as(term.getKey()).hasSizeBetween(term.getValue().size(), term.getValue().size() + 1);
            for (int i = 0; i < term.getValue().size(); i++) {
                assertThat(now.get(i)).as(term.getKey()).containsExactly(term.getValue().get(i));
            }
            if (now.size() > term.getValue().size()) {
                assertThat(now.get(now.size() - 1)[0]).isEqualTo(3);
                grown++;
            }
        }
        assertThat(grown).as("terms the new article shares").isPositive();
    }

    @Test
    void resultsOfEqualScoreAndDateKeepTheSitesOrder() throws IOException {
        write(project, "seeds/a.md", article("One", "2025-03-01", "Kernel release notes."));
        write(project, "seeds/b.md", article("Two", "2025-03-01", "Kernel release notes."));
        IndexJs index = build();
        List<String> order = index.search("kernel").stream().map(IndexJs.Hit::url).toList();
        List<String> home = org.jsoup.Jsoup.parse(project.resolve("site/index.html").toFile(), "UTF-8")
                .select("main a[href^=articles/]").eachAttr("href").stream().distinct().toList();
        assertThat(order).hasSize(2).containsExactlyElementsOf(home);
    }
}

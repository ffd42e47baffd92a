package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.build.Build;
import dev.kaiyuan.build.BuildRequest;
import dev.kaiyuan.build.BuildResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chinese queries whose words the browser cuts into one-character words (的, 了, 我) find the
 * article that has them inside longer Han text, also when another article has such a character
 * standing alone, which the index then holds as a term of its own: the index holds Chinese text
 * as bigrams, so the browser joins a one-character word to the Han words beside it, and matches a
 * lone character inside every term. Queried as the browser script does, in Java ({@link IndexJs})
 * and in Node.
 */
class HanQueriesTest {
    private static final String WITH_WORDS = "articles/a/index.html";
    static final List<String> QUERIES = List.of("开源模型的发展", "模型的发展", "我喝茶了", "𠮷野家的牛丼", "的", "展", "𠮷");

    @TempDir
    static Path project;
    private static Path site;
    private static IndexJs index;

    @BeforeAll
    static void build() throws IOException {
        Path seeds = Files.createDirectories(project.resolve("seeds"));
        Files.writeString(seeds.resolve("a.md"), "---\ntitle: 讨论\ndate: 2025-08-01\nslug: a\n---\n\n"
                + "我们讨论开源模型的发展。我喝茶了。𠮷野家的牛丼\n", StandardCharsets.UTF_8);
        Files.writeString(seeds.resolve("b.md"), "---\ntitle: Notes\ndate: 2025-08-02\nslug: b\n---\n\n"
                + "GPT 的 API，我，了，茶，𠮷 x\n", StandardCharsets.UTF_8);
        BuildResult result = Build.run(BuildRequest.of(project));
        assertThat(result.succeeded()).as(result.summary()).isTrue();
        site = project.resolve("site");
        index = IndexJs.read(site.resolve(SearchIndexProducer.PATH));
    }

    @Test
    void theIndexHoldsBigramsAndOnlyCharactersThatStandAlone() {
        assertThat(index.postings).containsKeys("模型", "型的", "的发", "发展", "𠮷野", "的", "𠮷")
                .doesNotContainKeys("展", "模型的发展");
        assertThat(index.units("模型的发展")).containsExactly("模型的", "发展");
        assertThat(index.units("开源模型")).as("two words stay apart").containsExactly("开源", "模型");
        assertThat(index.units("的发展")).containsExactly("的发展");
    }

    @Test
    void queriesWithOneCharacterWordsFindTheArticle() {
        for (String q : QUERIES) {
            assertThat(index.search(q)).as(q).extracting(IndexJs.Hit::url).contains(WITH_WORDS);
        }
        assertThat(index.search("的")).as("both have 的").hasSize(2);
    }

    @Test
    void theBrowserScriptFindsTheSame(@TempDir Path tmp) throws Exception {
        StringBuilder queries = new StringBuilder("[");
        for (int i = 0; i < QUERIES.size(); i++) {
            SearchScript.quote(QUERIES.get(i), queries.append(i == 0 ? "" : ","));
        }
        Path input = Files.writeString(tmp.resolve("input.json"), "{\"queries\":" + queries + "],\"texts\":[]}",
                StandardCharsets.UTF_8);
        Map<?, ?> results = (Map<?, ?>) NodeHarness.run(site, "node-harness.js", input.toString()).get("results");
        for (String q : QUERIES) {
            List<String> urls = ((List<?>) results.get(q)).stream().map(r -> (String) ((Map<?, ?>) r).get("url")).toList();
            assertThat(urls).as(q).isEqualTo(index.search(q).stream().map(IndexJs.Hit::url).toList())
                    .contains(WITH_WORDS);
        }
    }
}

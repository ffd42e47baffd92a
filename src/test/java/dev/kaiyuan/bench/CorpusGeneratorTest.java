package dev.kaiyuan.bench;

import dev.kaiyuan.model.ArticleBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.enrich.Enricher;
import dev.kaiyuan.ingest.ArticleReader;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark corpus (issue #7) is deterministic and reads as valid articles. */
class CorpusGeneratorTest {
    private static final int N = 24;

    @TempDir
    Path tmp;

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void theSameSeedWritesByteIdenticalFiles() throws IOException {
        CorpusGenerator.main(new String[] {String.valueOf(N), tmp.resolve("a").toString(), "--seed", "7"});
        CorpusGenerator.write(N, tmp.resolve("b"), "7");
        CorpusGenerator.write(N, tmp.resolve("c"), "8");

        List<Path> a = files(tmp.resolve("a"));
        List<Path> b = files(tmp.resolve("b"));
        assertThat(a).hasSize(N);
        assertThat(b).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(a.stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < N; i++) {
            assertThat(Files.readAllBytes(b.get(i))).isEqualTo(Files.readAllBytes(a.get(i)));
        }
        assertThat(Files.readString(files(tmp.resolve("c")).get(0))).isNotEqualTo(Files.readString(a.get(0)));
    }

    @Test
    void aSmallerCorpusIsThePrefixOfALargerOne() {
        assertThat(CorpusGenerator.article("42", 5)).isEqualTo(CorpusGenerator.article("42", 5));
        assertThat(CorpusGenerator.article("42", 5)).isNotEqualTo(CorpusGenerator.article("42", 6));
    }

    @Test
    void everyArticleReadsAndEnrichesCleanlyAndHasTheMarkdownItNeeds() throws IOException {
        ArticleReader reader = new ArticleReader(ZoneId.of("UTC"), ArticleBody.Packing.PLAIN);
        Enricher enricher = new Enricher(BenchFixtures.gazetteer());
        int chinese = 0;
        for (int i = 0; i < N; i++) {
            CorpusGenerator.Generated g = CorpusGenerator.article("42", i);
            assertThat(g.fileName()).matches("20(19|2[0-6])-\\d\\d-\\d\\d-[a-z0-9-]+-\\d{5}\\.md");
            assertThat(g.text()).startsWith("---\ntitle: \"").contains("\n## ", "\n- ", "\n> ", "](https://", "`",
                    "\n| --- |").doesNotContain("{{", "{%", "\r");

            DiagnosticSink sink = new DiagnosticSink();
            Article a = reader.read(new SourceFile("seeds/" + g.fileName(),
                    g.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)), Optional.empty(), sink)
                    .orElseThrow(() -> new AssertionError(g.fileName() + ": " + sink.sorted()));
            assertThat(sink.sorted()).as("diagnostics of %s", g.fileName()).isEmpty();
            assertThat(a.titleDerived()).isFalse();
            assertThat(a.date().orElseThrow().day()).isBetween(LocalDate.of(2019, 1, 1), LocalDate.of(2026, 12, 31));
            assertThat(a.tags()).hasSizeBetween(2, 5).isSubsetOf(CorpusGenerator.TAGS);
            assertThat(a.source().orElseThrow().url().orElseThrow()).startsWith("https://").contains(".example.");
            assertThat(a.lang()).isIn("en", "zh-Hans");
            chinese += a.lang().equals("zh-Hans") ? 1 : 0;
            int units = a.lang().equals("en") ? a.text().split("\\s+").length : a.readingTime().cjkCharacters() / 2;
            assertThat(units).as(g.fileName()).isGreaterThan(500);
            assertThat(enricher.enrich(a, sink).entities()).as("entities in %s", g.fileName()).isNotEmpty();
            assertThat(sink.sorted()).as("enrichment diagnostics of %s", g.fileName()).isEmpty();
        }
        assertThat(chinese).isEqualTo(N / 2);
    }
}

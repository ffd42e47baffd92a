package dev.kaiyuan.enrich;

import dev.kaiyuan.model.ArticleBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.ingest.ArticleReader;
import dev.kaiyuan.ingest.KnowledgeReader;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.Enrichment;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed article against the real knowledge base: exactly the entities the issue lists. */
class SeedEnrichmentTest {
    private static Enrichment enrichment;
    private static Article article;
    private static EntityTagger tagger;
    private static final DiagnosticSink SINK = new DiagnosticSink();

    @BeforeAll
    static void enrichSeed() throws IOException {
        Map<String, byte[]> data = new LinkedHashMap<>();
        for (String path : List.of(KnowledgeReader.ORGANIZATIONS, KnowledgeReader.MODELS, KnowledgeReader.PEOPLE)) {
            data.put(path, Files.readAllBytes(Path.of(path)));
        }
        Gazetteer gazetteer = new KnowledgeReader().read(data, SINK);
        String seed = "seeds/000_2ce86e36bd807f4f.txt";
        article = new ArticleReader(ZoneId.of("Asia/Shanghai"), ArticleBody.Packing.PLAIN).read(
                new SourceFile(seed, Files.readAllBytes(Path.of(seed))),
                Optional.of(new SourceFile("seeds/000_2ce86e36bd807f4f.meta.yaml",
                        Files.readAllBytes(Path.of("seeds/000_2ce86e36bd807f4f.meta.yaml")))), SINK).orElseThrow();
        Enricher enricher = new Enricher(gazetteer);
        enrichment = enricher.enrich(article, SINK);
        tagger = enricher.tagger();
    }

    private static List<String> ids(String folder) {
        return enrichment.entities().stream().filter(e -> e.kind().folder().equals(folder)).map(EntityId::id)
                .sorted().toList();
    }

    @Test
    void findsExactlyTheSeedsOrganizations() {
        assertThat(ids("orgs")).containsExactlyInAnyOrder("deepseek", "alibaba", "openai", "meta", "microsoft",
                "google", "google-brain", "apple", "anthropic", "scale-ai", "together-ai", "allen-institute-for-ai",
                "andreessen-horowitz", "stanford-university", "the-economist");
    }

    @Test
    void findsExactlyTheSeedsModelsAndProducts() {
        assertThat(ids("models")).containsExactlyInAnyOrder("gpt-oss-120b", "gpt-oss-20b", "gpt-5", "gpt-2-1-5b",
                "chatgpt", "llama", "llama-4-behemoth");
    }

    @Test
    void findsExactlyTheSeedsPeopleIncludingTheDamagedMollick() {
        assertThat(ids("people")).containsExactlyInAnyOrder("martin-casado", "andrew-ng", "sam-altman",
                "mark-zuckerberg", "alexandr-wang", "ethan-mollick", "ali-farhadi", "percy-liang");
        assertThat(tagger.tag(article.text())).anySatisfy(m -> {
            assertThat(m.entity().id()).isEqualTo("ethan-mollick");
            assertThat(m.text()).isEqualTo("Mollick");
        });
    }

    @Test
    void quotesHaveTheirSpeakers() {
        assertThat(enrichment.quotes()).extracting(q -> q.speaker().id()).contains("martin-casado", "sam-altman",
                "ethan-mollick", "ali-farhadi");
        assertThat(enrichment.quotes()).filteredOn(q -> q.speaker().id().equals("martin-casado")).singleElement()
                .satisfies(q -> assertThat(q.text()).startsWith("我會說"));
    }

    @Test
    void releaseEventsAgreeWithTheKnowledgeBase() {
        assertThat(enrichment.events()).extracting(e -> e.entities().get(0).id() + "@" + e.date().date())
                .contains("deepseek@2025-01-01", "gpt-oss-120b@2025-08-01", "gpt-2-1-5b@2019-01-01",
                        "gpt-5@2025-08-01");
        assertThat(SINK.sorted()).extracting(Diagnostic::code).doesNotContain("event.conflict", "knowledge.syntax");
    }
}

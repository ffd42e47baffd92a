package dev.kaiyuan.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.ArticleDate;
import dev.kaiyuan.model.DatePrecision;
import dev.kaiyuan.model.Enrichment;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Organization;
import dev.kaiyuan.model.ReadingTime;
import dev.kaiyuan.model.SourceRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnricherTest {
    private static final SourceRef AT = new SourceRef("seeds/data/models.yaml", 12, 3);
    private final Enricher enricher = new Enricher(new Gazetteer(
            List.of(new Organization("openai", "OpenAI", "US", "company", Optional.empty(), List.of(), Optional.empty(), AT)),
            List.of(new ModelRelease("gpt-oss-120b", "gpt-oss-120b", "gpt-oss", "openai",
                    Optional.of(LocalDate.of(2025, 8, 5)), DatePrecision.DAY, "open-unrestricted", "Apache-2.0",
                    Optional.of("117B"), Optional.of("5.1B"), "text", Optional.empty(), Optional.empty(), "verified",
                    List.of(), AT)),
            List.of()));

    private static Article article(String text) {
        return new Article(SourceRef.file("seeds/a.txt"), "a", "Title", false,
                Optional.of(ArticleDate.exact(LocalDate.of(2025, 8, 24))), "zh-Hans", Optional.empty(),
                Optional.empty(), List.of(), "", "<p>" + text + "</p>", List.of(), Optional.empty(), List.of(),
                ReadingTime.of(10, 0), "UTF-8", false, text);
    }

    @Test
    void aReleaseTheArticleDatesDifferentlyIsAWarningNamingTheDataFile() {
        DiagnosticSink sink = new DiagnosticSink();
        Enrichment e = enricher.enrich(article("OpenAI在2024年3月发布了gpt-oss-120b。"), sink);
        assertThat(e.events()).singleElement().satisfies(ev -> assertThat(ev.date().date()).isEqualTo(LocalDate.of(2024, 3, 1)));
        assertThat(sink.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("event.conflict");
            assertThat(d.format()).contains("2025-08-05").contains("seeds/data/models.yaml:12:3");
        });
    }

    @Test
    void anAgreeingReleaseIsAnEventWithoutWarning() {
        DiagnosticSink sink = new DiagnosticSink();
        Enrichment e = enricher.enrich(article("OpenAI很快在8月推出了gpt-oss-120b。"), sink);
        assertThat(e.events()).singleElement().satisfies(ev -> {
            assertThat(ev.entities()).extracting(x -> x.id()).containsExactly("gpt-oss-120b");
            assertThat(ev.date().precision()).isEqualTo(DatePrecision.MONTH);
        });
        assertThat(sink.sorted()).extracting(Diagnostic::code).isEmpty();
    }

    @Test
    void aSentenceWithoutADateInTheReleaseClauseIsNoEvent() {
        Enrichment e = enricher.enrich(article("在今年发布的各类测试中，OpenAI推出的模型表现一般。"), new DiagnosticSink());
        assertThat(e.events()).isEmpty();
    }

    @Test
    void atThatTimeTakesTheLastNamedMonth() {
        Enrichment e = enricher.enrich(article("变革是从今年一月开始的。当时，OpenAI开放了gpt-oss-120b。"), new DiagnosticSink());
        assertThat(e.events()).singleElement().satisfies(ev -> assertThat(ev.date().date()).isEqualTo(LocalDate.of(2025, 1, 1)));
    }
}

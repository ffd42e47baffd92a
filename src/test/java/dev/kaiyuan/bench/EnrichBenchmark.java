package dev.kaiyuan.bench;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.enrich.Enricher;
import dev.kaiyuan.enrich.EntityTagger;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.Enrichment;
import dev.kaiyuan.model.Mention;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Enrichment against the repository's knowledge base: entity matching alone ({@link EntityTagger}
 * over the article's plain text) and the whole per-article {@link Enricher} (entities, dates,
 * quotes, release events). The knowledge base is read once, in setup, as the build does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnrichBenchmark {
    private Enricher enricher;
    private EntityTagger tagger;
    private Article seed;
    private Article chinese;
    private Article english;

    @Setup
    public void setUp() {
        enricher = new Enricher(BenchFixtures.gazetteer());
        tagger = enricher.tagger();
        List<Article> articles = BenchFixtures.articles();
        seed = articles.get(0);
        chinese = articles.get(1);
        english = articles.get(2);
    }

    @Benchmark
    public List<Mention> tagSeed() {
        return tagger.tag(seed.text());
    }

    @Benchmark
    public List<Mention> tagChinese() {
        return tagger.tag(chinese.text());
    }

    @Benchmark
    public List<Mention> tagEnglish() {
        return tagger.tag(english.text());
    }

    @Benchmark
    public Enrichment enrichSeed() {
        return enricher.enrich(seed, new DiagnosticSink());
    }

    @Benchmark
    public Enrichment enrichChinese() {
        return enricher.enrich(chinese, new DiagnosticSink());
    }

    @Benchmark
    public Enrichment enrichEnglish() {
        return enricher.enrich(english, new DiagnosticSink());
    }
}

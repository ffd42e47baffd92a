package dev.kaiyuan.bench;

import dev.kaiyuan.model.ArticleBody;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.ingest.ArticleReader;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SourceFile;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ingest of one seed through {@link ArticleReader}: decode, normalise, front matter, body reader,
 * title/date/language/summary. {@code rawSeed} is the scraped seed with its sidecar (raw-text
 * cleaning: damage detection, pinyin removal, punctuation, boilerplate); the others are Markdown
 * articles of the generated corpus (flexmark, sanitising).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IngestBenchmark {
    private ArticleReader reader;
    private SourceFile seed;
    private Optional<SourceFile> sidecar;
    private SourceFile chinese;
    private SourceFile english;

    @Setup
    public void setUp() {
        reader = new ArticleReader(BenchFixtures.ZONE, ArticleBody.Packing.PLAIN);
        seed = BenchFixtures.seed();
        sidecar = BenchFixtures.seedSidecar();
        chinese = BenchFixtures.generated(0);
        english = BenchFixtures.generated(1);
    }

    @Benchmark
    public Optional<Article> rawSeed() {
        return reader.read(seed, sidecar, new DiagnosticSink());
    }

    @Benchmark
    public Optional<Article> markdownChinese() {
        return reader.read(chinese, Optional.empty(), new DiagnosticSink());
    }

    @Benchmark
    public Optional<Article> markdownEnglish() {
        return reader.read(english, Optional.empty(), new DiagnosticSink());
    }
}

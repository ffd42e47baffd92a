package dev.kaiyuan.render;

import dev.kaiyuan.bench.BenchFixtures;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering one article page with FreeMarker and the default theme, from a ready view record
 * (building the view is not measured; the template is parsed once and cached, as in a build).
 * In this package because the view records are made by package-private code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmark {
    private TemplateEngine engine;
    private Object seed;
    private Object chinese;
    private Object english;

    @Setup
    public void setUp() {
        BenchArticlePages pages = new BenchArticlePages();
        engine = pages.engine();
        seed = pages.view(pages.indexOf(BenchFixtures.SEED));
        chinese = pages.view(pages.indexOf(BenchFixtures.generated(0).path()));
        english = pages.view(pages.indexOf(BenchFixtures.generated(1).path()));
    }

    @Benchmark
    public String articleSeed() throws RenderException {
        return engine.render("article", seed);
    }

    @Benchmark
    public String articleChinese() throws RenderException {
        return engine.render("article", chinese);
    }

    @Benchmark
    public String articleEnglish() throws RenderException {
        return engine.render("article", english);
    }
}

package dev.kaiyuan.bench;

import dev.kaiyuan.postprocess.EntityLinks;
import dev.kaiyuan.postprocess.HtmlPostProcessor;
import dev.kaiyuan.postprocess.HtmlTransform;
import dev.kaiyuan.render.BenchArticlePages;
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
 * Post-processing of a rendered article page: {@code chain} is the build's transform chain alone
 * (one jsoup parse, transforms, pinned serialise); {@code withEntityLinks} adds the per-page
 * entity links the build runs on article pages (tagging the page text again).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PostProcessBenchmark {
    private HtmlPostProcessor post;
    private List<HtmlTransform> articleTransforms;
    private String seedPage;
    private String chinesePage;
    private String englishPage;

    @Setup
    public void setUp() {
        BenchArticlePages pages = new BenchArticlePages();
        post = HtmlPostProcessor.forBuild();
        articleTransforms = List.of(new EntityLinks(pages.enricher().tagger()::tag, "../../"));
        seedPage = pages.html(pages.indexOf(BenchFixtures.SEED));
        chinesePage = pages.html(pages.indexOf(BenchFixtures.generated(0).path()));
        englishPage = pages.html(pages.indexOf(BenchFixtures.generated(1).path()));
    }

    @Benchmark
    public String chainSeed() {
        return post.process(seedPage);
    }

    @Benchmark
    public String withEntityLinksSeed() {
        return post.process(seedPage, articleTransforms);
    }

    @Benchmark
    public String withEntityLinksChinese() {
        return post.process(chinesePage, articleTransforms);
    }

    @Benchmark
    public String withEntityLinksEnglish() {
        return post.process(englishPage, articleTransforms);
    }
}

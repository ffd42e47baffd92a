package dev.kaiyuan.bench;

import dev.kaiyuan.model.OutputFile;
import dev.kaiyuan.output.DiskSiteWriter;
import dev.kaiyuan.render.BenchArticlePages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link DiskSiteWriter} writing a site of {@code files} article pages (the three rendered
 * benchmark pages, repeated, each in its own {@code articles/<slug>/} folder) into a temporary
 * folder ({@code java.io.tmpdir}, or {@code -Dkaiyuan.bench.dir=DIR}). Every write is the writer's
 * whole job in a build: write the new site beside the old one, swap, delete the old one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WriteBenchmark {
    @Param("200")
    public int files;

    private Path dir;
    private DiskSiteWriter writer;
    private List<OutputFile> site;

    @Setup
    public void setUp() throws IOException {
        Path parent = Path.of(System.getProperty("kaiyuan.bench.dir", System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory(Files.createDirectories(parent), "kaiyuan-write-bench");
        writer = new DiskSiteWriter(dir.resolve("site"));
        BenchArticlePages pages = new BenchArticlePages();
        List<byte[]> html = new ArrayList<>();
        for (int i = 0; i < pages.articles().size(); i++) {
            html.add(pages.html(i).getBytes(StandardCharsets.UTF_8));
        }
        site = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            site.add(new OutputFile(String.format(Locale.ROOT, "articles/page-%05d/index.html", i),
                    html.get(i % html.size())));
        }
    }

    @Benchmark
    public Path write() throws IOException {
        writer.write(site);
        return dir;
    }

    @TearDown
    public void tearDown() throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

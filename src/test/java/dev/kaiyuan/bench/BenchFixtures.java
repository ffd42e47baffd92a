package dev.kaiyuan.bench;

import dev.kaiyuan.model.ArticleBody;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.enrich.Enricher;
import dev.kaiyuan.ingest.ArticleReader;
import dev.kaiyuan.ingest.KnowledgeReader;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.Enrichment;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of the benchmarks (issue #7), read from the repository the JVM runs in (the working
 * directory, or {@code -Dkaiyuan.root=DIR}): the real scraped seed with its sidecar, the knowledge
 * base of {@code seeds/data}, and articles of the generated corpus.
 */
public final class BenchFixtures {
    /** The raw scraped seed: damaged Chinese text, the slow case of ingest. */
    public static final String SEED = "seeds/000_2ce86e36bd807f4f.txt";
    public static final String SEED_SIDECAR = "seeds/000_2ce86e36bd807f4f.meta.yaml";
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BenchFixtures() {
    }

    public static Path root() {
        return Path.of(System.getProperty("kaiyuan.root", "."));
    }

    public static SourceFile file(String path) {
        try {
            return new SourceFile(path, Files.readAllBytes(root().resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("run from the repository's folder, or pass -Dkaiyuan.root=DIR", e);
        }
    }

    public static SourceFile seed() {
        return file(SEED);
    }

    public static Optional<SourceFile> seedSidecar() {
        return Optional.of(file(SEED_SIDECAR));
    }

    /** Article {@code index} of the corpus of seed 42 as a seed file: even indexes Chinese, odd English. */
    public static SourceFile generated(int index) {
        CorpusGenerator.Generated g = CorpusGenerator.article("42", index);
        return new SourceFile("seeds/" + g.fileName(), g.text().getBytes(StandardCharsets.UTF_8));
    }

    /** The repository's knowledge base, as the build reads it. */
    public static Gazetteer gazetteer() {
        Map<String, byte[]> data = new LinkedHashMap<>();
        for (String path : List.of(KnowledgeReader.ORGANIZATIONS, KnowledgeReader.MODELS, KnowledgeReader.PEOPLE)) {
            data.put(path, file(path).bytes());
        }
        DiagnosticSink sink = new DiagnosticSink();
        Gazetteer gazetteer = new KnowledgeReader().read(data, sink);
        if (sink.hasErrors()) {
            throw new IllegalStateException("knowledge base has errors: " + sink.sorted());
        }
        return gazetteer;
    }

    public static Article read(SourceFile file, Optional<SourceFile> sidecar) {
        DiagnosticSink sink = new DiagnosticSink();
        return new ArticleReader(ZONE, ArticleBody.Packing.PLAIN).read(file, sidecar, sink)
                .orElseThrow(() -> new IllegalStateException(file.path() + " did not read: " + sink.sorted()));
    }

    /** The seed, a Chinese and an English generated article, read as the build reads them. */
    public static List<Article> articles() {
        return List.of(read(seed(), seedSidecar()), read(generated(0), Optional.empty()),
                read(generated(1), Optional.empty()));
    }

    public static Map<String, Enrichment> enrich(Enricher enricher, List<Article> articles) {
        Map<String, Enrichment> out = new LinkedHashMap<>();
        for (Article a : articles) {
            out.put(a.slug(), enricher.enrich(a, new DiagnosticSink()));
        }
        return out;
    }
}

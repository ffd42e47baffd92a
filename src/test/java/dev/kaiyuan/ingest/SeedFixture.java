package dev.kaiyuan.ingest;

import dev.kaiyuan.model.ArticleBody;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/** The real seed article, read as CI lays it out ({@code ../shared} beside the project). */
final class SeedFixture {
    static final Path SEED = Path.of("seeds/000_2ce86e36bd807f4f.txt");
    static final Path SHARED_SEED = Path.of("../shared/seeds/000_2ce86e36bd807f4f.txt");
    static final String PATH = "seeds/000_2ce86e36bd807f4f.txt";

    private SeedFixture() {
    }

    static byte[] bytes() {
        try {
            return Files.readAllBytes(SEED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text() {
        return new String(bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    static Article read(byte[] bytes, DiagnosticSink sink) {
        return new ArticleReader(ZoneId.of("Asia/Shanghai"), ArticleBody.Packing.PLAIN)
                .read(new SourceFile(PATH, bytes), Optional.empty(), sink)
                .orElseThrow(() -> new AssertionError("seed did not read: " + sink.sorted()));
    }
}

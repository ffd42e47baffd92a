package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The seed article, cleaned, compared line by line with a reviewed golden file: paragraphs,
 * captions, byline, rights, damage warnings. Regenerate with {@code -Dgolden.update=true} and
 * review the diff before committing it.
 */
class SeedGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/seed-000-cleaned.txt");

    @Test
    void seedIsInTheRepositoryByteForByte() throws IOException {
        if (Files.exists(SeedFixture.SHARED_SEED)) {
            assertThat(SeedFixture.bytes()).isEqualTo(Files.readAllBytes(SeedFixture.SHARED_SEED));
        }
        assertThat(SeedFixture.bytes()).hasSize(7290);
    }

    @Test
    void cleanedSeedMatchesGolden() throws IOException {
        String actual = dump(SeedFixture.bytes());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    /** A reviewable text form of everything the cleaner decided. */
    static String dump(byte[] seed) {
        DiagnosticSink sink = new DiagnosticSink();
        Article a = SeedFixture.read(seed, sink);
        StringBuilder out = new StringBuilder();
        line(out, "title", a.title() + (a.titleDerived() ? "  [derived]" : ""));
        line(out, "lang", a.lang());
        line(out, "source", a.source().map(s -> s.name()).orElse("-"));
        line(out, "author", a.author().orElse("-"));
        line(out, "date", a.date().map(d -> d.day().toString()).orElse("-"));
        line(out, "rights", a.rights().orElse("-"));
        line(out, "summary", a.summary());
        line(out, "reading", a.readingTime().toString());
        out.append("body:\n");
        for (Element block : Jsoup.parseBodyFragment(a.bodyHtml()).body().children()) {
            String kind = block.tagName().equals("figure") ? "caption" : block.tagName();
            out.append("  ").append(kind).append(": ").append(block.html()).append('\n');
        }
        out.append("captions:\n");
        a.captions().forEach(c -> out.append("  ").append(c.where()).append(' ').append(c.text()).append('\n'));
        out.append("damage:\n");
        a.damage().forEach(d -> out.append("  ").append(d.where()).append(" [").append(d.kind()).append("] ")
                .append(d.text()).append('\n'));
        out.append("diagnostics:\n");
        sink.sorted().stream().map(Diagnostic::format).forEach(d -> out.append("  ").append(d).append('\n'));
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(": ").append(value).append('\n');
    }
}

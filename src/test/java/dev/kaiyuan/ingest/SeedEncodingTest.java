package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed saved in other encodings (made here, from the UTF-8 original) must give the same
 * article: same text, same positions in the warnings; only the recorded charset differs.
 */
class SeedEncodingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "GB18030, GB18030, false, false",
        "UTF-16 with BOM (big endian), UTF-16, false, false",
        "UTF-16LE with BOM, UTF-16LE, true, false",
        "UTF-8 with BOM and CRLF, UTF-8, true, true",
        "UTF-8 with CRLF and zero-width spaces, UTF-8, false, true",
    })
    void sameArticleWhateverTheEncoding(String name, String charset, boolean bom, boolean crlf) {
        String text = SeedFixture.text();
        if (crlf) {
            text = text.replace("\n", "\r\n");
        }
        if (name.contains("zero-width")) {
            text = text.replace("觀察者網", "觀\u200B察者網").replace("DeepSeek", "Deep\u200DSeek");
        }
        byte[] bytes = encode(text, charset, bom);
        DiagnosticSink expectedSink = new DiagnosticSink();
        Article expected = SeedFixture.read(SeedFixture.bytes(), expectedSink);
        DiagnosticSink sink = new DiagnosticSink();
        Article actual = SeedFixture.read(bytes, sink);

        assertThat(actual.charset()).isEqualTo(Charset.forName(charset.equals("UTF-16") ? "UTF-16BE" : charset).name());
        assertThat(withUtf8(actual)).isEqualTo(expected);
        assertThat(sink.sorted()).isEqualTo(expectedSink.sorted());
    }

    private static Article withUtf8(Article a) {
        return new Article(a.origin(), a.slug(), a.title(), a.titleDerived(), a.date(), a.lang(), a.source(),
                a.author(), a.tags(), a.summary(), a.body(), a.captions(), a.rights(), a.damage(),
                a.readingTime(), "UTF-8", a.draft());
    }

    private static byte[] encode(String text, String charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom && charset.equals("UTF-8")) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        if (bom && charset.equals("UTF-16LE")) {
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        }
        // Java's "UTF-16" encoder writes a big-endian BOM itself.
        out.writeBytes(text.getBytes(Charset.forName(charset)));
        assertThat(out.toByteArray()).isNotEqualTo(SeedFixture.bytes());
        return out.toByteArray();
    }
}

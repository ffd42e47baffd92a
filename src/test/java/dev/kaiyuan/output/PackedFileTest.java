package dev.kaiyuan.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.OutputFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A file of the preview's site, held gzipped when that makes it smaller. */
class PackedFileTest {
    static final byte[] PAGE = ("<!doctype html><html><body>"
            + "<p>开源模型 open models, cleaned and linked.</p>".repeat(300) + "</body></html>")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aPageIsHeldAsAGzipMemberOfItsBytes() throws Exception {
        PackedFile packed = PackedFile.of(new OutputFile("articles/a/index.html", PAGE));

        assertThat(packed.gzipped()).isTrue();
        assertThat(packed.size()).isEqualTo(PAGE.length);
        assertThat(packed.heldSize()).isLessThan(PAGE.length / 10);
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        packed.writeHeldTo(held);
        assertThat(held.size()).isEqualTo(packed.heldSize());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(held.toByteArray()))) {
            // the JDK's reader checks the trailer's CRC-32 and size
            assertThat(in.readAllBytes()).isEqualTo(PAGE);
        }
        ByteArrayOutputStream inflated = new ByteArrayOutputStream();
        packed.writeTo(inflated);
        assertThat(inflated.toByteArray()).isEqualTo(PAGE).isEqualTo(packed.bytes());
        assertThat(packed.path()).isEqualTo("articles/a/index.html");
    }

    @Test
    void theLastPackOfAFileIsTakenOnlyForTheSamePathAndBytes() {
        PackedFile last = PackedFile.of(new OutputFile("articles/a/index.html", PAGE));
        byte[] edited = PAGE.clone();
        edited[PAGE.length / 2] ^= 1;

        assertThat(PackedFile.of(new OutputFile("articles/a/index.html", PAGE.clone()), last)).isSameAs(last);
        PackedFile changed = PackedFile.of(new OutputFile("articles/a/index.html", edited), last);
        PackedFile moved = PackedFile.of(new OutputFile("articles/b/index.html", PAGE), last);
        PackedFile first = PackedFile.of(new OutputFile("articles/a/index.html", PAGE), null);

        assertThat(changed).isNotSameAs(last);
        assertThat(changed.size()).isEqualTo(last.size());
        assertThat(changed.bytes()).isEqualTo(edited);
        assertThat(changed.hash()).isNotEqualTo(last.hash());
        assertThat(moved).isNotSameAs(last);
        assertThat(moved.path()).isEqualTo("articles/b/index.html");
        assertThat(first.bytes()).isEqualTo(PAGE);
        assertThat(first.hash()).isEqualTo(last.hash());
    }

    @Test
    void bytesThatDoNotShrinkAreHeldAsTheyAre() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);

        for (byte[] bytes : new byte[][] {noise, new byte[0], "tiny".getBytes(StandardCharsets.UTF_8)}) {
            PackedFile packed = PackedFile.of(new OutputFile("img/x.png", bytes));
            assertThat(packed.gzipped()).isFalse();
            assertThat(packed.heldSize()).isEqualTo(bytes.length);
            ByteArrayOutputStream held = new ByteArrayOutputStream();
            packed.writeHeldTo(held);
            assertThat(held.toByteArray()).isEqualTo(bytes).isEqualTo(packed.bytes());
        }
    }

    @Test
    void filesCompareByTheirBytesAndEqualFilesAreHeldAlike() throws Exception {
        PackedFile one = PackedFile.of(new OutputFile("a.html", PAGE));
        PackedFile again = PackedFile.of(new OutputFile("b.html", PAGE.clone()));
        byte[] edited = PAGE.clone();
        edited[100] = 'x';
        PackedFile other = PackedFile.of(new OutputFile("a.html", edited));

        assertThat(one.sameBytes(again)).isTrue();
        assertThat(one.sameBytes(other)).isFalse();
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        one.writeHeldTo(a);
        again.writeHeldTo(b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        assertThat(one.hash()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(PAGE), 0, 16));
    }
}

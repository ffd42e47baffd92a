package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cache's encoding: values come back equal; a long string held twice is stored once. */
class RecordCodecTest {
    record Doc(String title, String body, Optional<String> note) {
    }

    record Pair(Doc read, Doc enriched, List<String> tags) {
    }

    static byte[] encode(Object value, boolean share) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodecOutput out = CodecOutput.to(bytes);
        new RecordCodec.Writer(out, share).write(value);
        out.flush();
        return bytes.toByteArray();
    }

    static Object decode(byte[] bytes) throws IOException {
        return new RecordCodec.Reader(CodecInput.of(bytes)).read();
    }

    @Test
    void aLongStringHeldTwiceIsStoredOnceAndComesBackShared() throws IOException {
        String body = "开源模型".repeat(200);
        // Two records holding the same body instance, as an article's read and its enrichment do.
        Pair pair = new Pair(new Doc("a", body, Optional.of(body)), new Doc("a, slug cleaned", body, Optional.empty()),
                List.of("x", "x"));

        byte[] shared = encode(pair, true);
        byte[] plain = encode(pair, false);
        Pair back = (Pair) decode(shared);

        assertThat(back).isEqualTo(pair);
        assertThat(back.read().body()).isSameAs(back.enriched().body()).isSameAs(back.read().note().get());
        assertThat(shared.length).isLessThan(plain.length / 2);
        assertThat(decode(plain)).isEqualTo(pair);
    }

    @Test
    void longAndShortTextOfEveryScriptComesBackAsItWas() throws IOException {
        List<String> texts = List.of("", "short 中文", "é".repeat(100), "plain ascii ".repeat(20),
                "中文正文，带标点。".repeat(30), "𠀀 outside the BMP 😀 ".repeat(10) + "深度求索",
                "a".repeat(63) + "中", "中".repeat(64));
        for (boolean share : List.of(true, false)) {
            assertThat(decode(encode(texts, share))).as("share=%s", share).isEqualTo(texts);
        }
        // Chinese takes two bytes a character, not UTF-8's three.
        assertThat(encode("中".repeat(1000), false).length).isLessThan(2100);
    }

    @Test
    void theHashingWriterEncodesEqualValuesAlikeWhateverTheyShare() throws IOException {
        String body = "open weights ".repeat(40);
        Doc sharing = new Doc("t", body, Optional.of(body));
        Doc copying = new Doc("t", new String(body), Optional.of(new String(body)));

        assertThat(encode(sharing, false)).isEqualTo(encode(copying, false));
        assertThat(encode(sharing, true)).isNotEqualTo(encode(copying, true));
        assertThat(decode(encode(copying, true))).isEqualTo(sharing);
    }
}

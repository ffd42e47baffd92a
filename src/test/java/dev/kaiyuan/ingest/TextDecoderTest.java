package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.SourceFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
    private final TextDecoder decoder = new TextDecoder();
    private static final String CHINESE = "深度求索在今年一月發布了開源推理模型，震撼全球股市。阿里巴巴的通義千問也隨之開源。"
            .repeat(4);

    @Test
    void validUtf8IsUtf8() {
        var result = decoder.decode(new SourceFile("seeds/a.txt", CHINESE.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.text()).get().satisfies(t -> {
            assertThat(t.text()).isEqualTo(CHINESE);
            assertThat(t.charset()).isEqualTo("UTF-8");
            assertThat(t.hadByteOrderMark()).isFalse();
        });
    }

    @Test
    void big5IsDetectedAndRecorded() {
        var result = decoder.decode(new SourceFile("seeds/a.txt", CHINESE.getBytes(Charset.forName("Big5"))));
        assertThat(result.text()).get().satisfies(t -> {
            assertThat(t.text()).isEqualTo(CHINESE);
            assertThat(t.charset()).isEqualTo("Big5");
        });
    }

    @Test
    void gb18030IsDetectedAndRecorded() {
        String simplified = "深度求索在今年一月发布了开源推理模型，震撼全球股市。阿里巴巴的通义千问也随之开源。".repeat(4);
        var result = decoder.decode(new SourceFile("seeds/a.txt", simplified.getBytes(Charset.forName("GB18030"))));
        assertThat(result.text()).get().satisfies(t -> {
            assertThat(t.text()).isEqualTo(simplified);
            assertThat(t.charset()).isEqualTo("GB18030");
        });
    }

    @Test
    void binaryFileIsAnErrorNamingTheFile() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6};
        var result = decoder.decode(new SourceFile("seeds/photo.txt", png));
        assertThat(result.text()).isEmpty();
        assertThat(result.error()).get().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.where().path()).isEqualTo("seeds/photo.txt");
            assertThat(d.format()).startsWith("seeds/photo.txt: error: ").contains("hint:");
        });
    }

    @Test
    void emptyFileDecodesToEmptyText() {
        assertThat(decoder.decode(new SourceFile("seeds/e.txt", new byte[0])).text()).get()
                .extracting(DecodedText::text).isEqualTo("");
    }
}

package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.SourceFile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** UTF-8 read by the JDK's String decoding must be what a strict decoder accepts, and nothing else. */
class TextDecoderProperties {
    private final TextDecoder decoder = new TextDecoder();

    @Property(tries = 5000)
    void utf8IsTakenExactlyWhenAStrictDecoderTakesIt(@ForAll("bytes") byte[] bytes) {
        Optional<String> strict = strictUtf8(bytes);
        Optional<DecodedText> decoded = decoder.decode(new SourceFile("seeds/a.txt", bytes)).text();
        Statistics.label("strict UTF-8").collect(strict.isPresent())
                .coverage(c -> c.check(true).percentage(p -> p > 30.0));
        if (strict.isPresent() && !TextDecoder.looksBinary(strict.get())) {
            assertThat(decoded).get().satisfies(d -> {
                assertThat(d.charset()).isEqualTo("UTF-8");
                assertThat(d.text()).isEqualTo(strict.get());
            });
        } else {
            decoded.ifPresent(d -> assertThat(d.charset()).isNotEqualTo("UTF-8"));
        }
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Text pieces, U+FFFD written out, and the byte sequences UTF-8 forbids: overlong, surrogates, cut, stray. */
    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> text = Arbitraries.of("word ", "开源模型", "\uFFFD", "😀", "é", "\n", "Ω")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> piece = Arbitraries.oneOf(text, text, text, text, text, text, text, text,
                Arbitraries.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xE5, (byte) 0xBC}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}));
        return piece.list().ofMaxSize(12).map(pieces -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pieces.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }
}

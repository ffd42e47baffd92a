package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The cache's byte streams: what {@link CodecOutput} writes comes back from {@link CodecInput},
 * across any chunk boundary, in the byte order {@link java.io.DataOutput} uses.
 */
class CodecStreamsTest {
    /** Writes every value, in a buffer of {@code size} bytes; reads them back through one of {@code readSize}. */
    @Property(tries = 300)
    void everyValueComesBackWhateverTheBufferSizes(@ForAll @Size(max = 20) List<String> texts,
            @ForAll @Size(max = 20) List<Integer> ints, @ForAll long number, @ForAll byte[] raw,
            @ForAll @IntRange(min = 8, max = 64) int size, @ForAll @IntRange(min = 8, max = 64) int readSize)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodecOutput out = new CodecOutput(bytes::write, size);
        for (String text : texts) {
            byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
            out.writeInt(text.length());
            out.writeChars(text);
        }
        for (int i : ints) {
            out.writeInt(i);
            out.writeByte(i);
        }
        out.writeLong(number);
        out.writeInt(raw.length);
        out.write(raw);
        out.flush();

        CodecInput in = new CodecInput(new ByteArrayInputStream(bytes.toByteArray())::read, readSize);
        for (String text : texts) {
            assertThat(in.readUtf8(in.readInt())).isEqualTo(new String(text.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(in.readChars(in.readInt())).isEqualTo(text);
        }
        for (int i : ints) {
            assertThat(in.readInt()).isEqualTo(i);
            assertThat(in.readByte()).isEqualTo((byte) i);
        }
        assertThat(in.readLong()).isEqualTo(number);
        assertThat(in.readBytes(in.readInt())).isEqualTo(raw);
        assertThat(in.read()).isEqualTo(-1);
    }

    /**
     * Passing over runs of bytes (as a reader leaving blobs in the file does) lands where reading
     * them would have, and the position counts every byte read or passed over, whatever the buffer.
     */
    @Property(tries = 300)
    void skippingLandsWhereReadingWouldHave(@ForAll @Size(max = 300) byte[] raw,
            @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 40) Integer> steps,
            @ForAll @IntRange(min = 8, max = 64) int readSize) throws IOException {
        CodecInput in = new CodecInput(new ByteArrayInputStream(raw)::read, readSize);
        int at = 0;
        boolean skip = true;
        for (int step : steps) {
            int n = Math.min(step, raw.length - at);
            if (skip) {
                in.skip(n);
            } else {
                assertThat(in.readBytes(n)).isEqualTo(Arrays.copyOfRange(raw, at, at + n));
            }
            at += n;
            skip = !skip;
            assertThat(in.position()).isEqualTo(at);
        }
        assertThat(in.readBytes(raw.length - at)).isEqualTo(Arrays.copyOfRange(raw, at, raw.length));
        assertThat(in.position()).isEqualTo(raw.length);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void numbersAndHeaderStringsAreWrittenAsDataOutputWritesThem() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodecOutput out = CodecOutput.to(bytes);
        out.writeShortString("kaiyuan-build-cache");
        out.writeInt(-123456789);
        out.writeLong(Long.MIN_VALUE + 42);
        out.writeChars("开源");
        out.flush();

        DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(data.readUTF()).isEqualTo("kaiyuan-build-cache");
        assertThat(data.readInt()).isEqualTo(-123456789);
        assertThat(data.readLong()).isEqualTo(Long.MIN_VALUE + 42);
        assertThat(data.readChar()).isEqualTo('开');
        assertThat(data.readChar()).isEqualTo('源');
        assertThat(data.read()).isEqualTo(-1);
    }

    @Test
    void dataThatEndsEarlyIsAnError() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodecOutput out = CodecOutput.to(bytes);
        out.writeLong(7);
        out.flush();
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), 6);

        assertThatThrownBy(() -> CodecInput.of(cut).readLong()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> CodecInput.of(cut).readBytes(7)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> CodecInput.of(cut).readChars(4)).isInstanceOf(EOFException.class);
    }
}

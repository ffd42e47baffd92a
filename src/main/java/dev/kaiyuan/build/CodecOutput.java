package dev.kaiyuan.build;

import com.dynatrace.hash4j.hashing.HashSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The bytes {@link RecordCodec.Writer} writes, big-endian as {@link java.io.DataOutput} writes them,
 * gathered in one buffer and handed on a chunk at a time. A {@code DataOutputStream} over a
 * {@code BufferedOutputStream} took a synchronized call per byte (four for an int), which was most of
 * the time spent saving a large site's cache. For one thread.
 */
final class CodecOutput {
    /** Where full chunks go. */
    interface Drain {
        void accept(byte[] bytes, int from, int length) throws IOException;
    }

    private final byte[] buffer;
    private final Drain drain;
    private int at;

    /** @param size the buffer's size in bytes, at least 8 (a long must fit) */
    CodecOutput(Drain drain, int size) {
        if (size < Long.BYTES) {
            throw new IllegalArgumentException("a buffer of " + size + " bytes cannot hold a long");
        }
        this.drain = drain;
        this.buffer = new byte[size];
    }

    /** Into a growing array, e.g. for tests. */
    static CodecOutput to(ByteArrayOutputStream bytes) {
        return new CodecOutput(bytes::write, 1 << 12);
    }

    /**
     * Into a hash. A small buffer: a rebuild hashes some 20,000 views and cards of a kilobyte or
     * less each, and 8 KB buffers were 160 MB of zeroed memory.
     */
    static CodecOutput to(HashSink hash) {
        return new CodecOutput(hash::putBytes, 1 << 10);
    }

    void writeByte(int b) throws IOException {
        if (at == buffer.length) {
            flush();
        }
        buffer[at++] = (byte) b;
    }

    void writeInt(int v) throws IOException {
        if (buffer.length - at < Integer.BYTES) {
            flush();
        }
        buffer[at] = (byte) (v >>> 24);
        buffer[at + 1] = (byte) (v >>> 16);
        buffer[at + 2] = (byte) (v >>> 8);
        buffer[at + 3] = (byte) v;
        at += Integer.BYTES;
    }

    void writeLong(long v) throws IOException {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - at) {
            flush();
            if (bytes.length > buffer.length) {
                drain.accept(bytes, 0, bytes.length);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, at, bytes.length);
        at += bytes.length;
    }

    /** The UTF-16 units of {@code s}, two bytes each, high byte first (as DataOutput.writeChars). */
    void writeChars(String s) throws IOException {
        int n = s.length();
        for (int i = 0; i < n; ) {
            if (buffer.length - at < 2) {
                flush();
            }
            int stop = Math.min(n, i + (buffer.length - at) / 2);
            for (; i < stop; i++) {
                char c = s.charAt(i);
                buffer[at] = (byte) (c >>> 8);
                buffer[at + 1] = (byte) c;
                at += 2;
            }
        }
    }

    /**
     * A short string: its UTF-8 byte count as two bytes, then the bytes. For ASCII this is what
     * {@link java.io.DataOutput#writeUTF} writes, so a file's header reads the same either way.
     */
    void writeShortString(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IOException("too long for a header: " + bytes.length + " bytes");
        }
        writeByte(bytes.length >>> 8);
        writeByte(bytes.length);
        write(bytes);
    }

    /** Hands every byte written so far on. */
    void flush() throws IOException {
        if (at > 0) {
            drain.accept(buffer, 0, at);
            at = 0;
        }
    }
}

package dev.kaiyuan.build;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a {@link CodecOutput} wrote, read back through one buffer that is refilled a chunk at a
 * time; running out before a value is complete is an {@link EOFException}. For one thread.
 */
final class CodecInput {
    /** Where chunks come from: reads up to {@code length} bytes, or returns -1 at the end. */
    interface Fill {
        int read(byte[] bytes, int from, int length) throws IOException;

        /** Passes over the next {@code n} bytes; reading past the end shows at the next read. */
        default void skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(n, 1 << 13)];
            for (long left = n; left > 0; ) {
                int got = read(scratch, 0, (int) Math.min(left, scratch.length));
                if (got < 0) {
                    return;
                }
                left -= got;
            }
        }
    }

    private final byte[] buffer;
    private final Fill fill;
    private int at;
    private int end;
    /** Bytes taken from {@link #fill} (or passed over) so far. */
    private long taken;

    /** @param size the buffer's size in bytes, at least 8 (a long must fit) */
    CodecInput(Fill fill, int size) {
        if (size < Long.BYTES) {
            throw new IllegalArgumentException("a buffer of " + size + " bytes cannot hold a long");
        }
        this.fill = fill;
        this.buffer = new byte[size];
    }

    static CodecInput of(InputStream in) {
        return new CodecInput(in::read, 1 << 12);
    }

    static CodecInput of(byte[] bytes) {
        return of(new java.io.ByteArrayInputStream(bytes));
    }

    /** True when at least {@code n} (at most the buffer's size) bytes are buffered; false at the end. */
    private boolean have(int n) throws IOException {
        if (end - at >= n) {
            return true;
        }
        System.arraycopy(buffer, at, buffer, 0, end - at);
        end -= at;
        at = 0;
        while (end < n) {
            int got = fill.read(buffer, end, buffer.length - end);
            if (got < 0) {
                return false;
            }
            end += got;
            taken += got;
        }
        return true;
    }

    private void need(int n) throws IOException {
        if (!have(n)) {
            throw new EOFException("the data ends early");
        }
    }

    byte readByte() throws IOException {
        need(1);
        return buffer[at++];
    }

    /** The next byte, or -1 at the end. */
    int read() throws IOException {
        return have(1) ? buffer[at++] & 0xFF : -1;
    }

    int readInt() throws IOException {
        need(Integer.BYTES);
        int v = (buffer[at] & 0xFF) << 24 | (buffer[at + 1] & 0xFF) << 16 | (buffer[at + 2] & 0xFF) << 8
                | buffer[at + 3] & 0xFF;
        at += Integer.BYTES;
        return v;
    }

    long readLong() throws IOException {
        long high = readInt();
        return high << 32 | readInt() & 0xFFFFFFFFL;
    }

    /** Exactly {@code n} bytes. */
    byte[] readBytes(int n) throws IOException {
        byte[] bytes = new byte[n];
        int done = Math.min(n, end - at);
        System.arraycopy(buffer, at, bytes, 0, done);
        at += done;
        while (done < n) {
            int got = fill.read(bytes, done, n - done);
            if (got < 0) {
                throw new EOFException("the data ends early");
            }
            done += got;
            taken += got;
        }
        return bytes;
    }

    /** How many bytes were read or passed over. */
    long position() {
        return taken - (end - at);
    }

    /** Passes over the next {@code n} bytes. */
    void skip(long n) throws IOException {
        int buffered = end - at;
        if (n <= buffered) {
            at += (int) n;
            return;
        }
        long rest = n - buffered;
        at = 0;
        end = 0;
        fill.skip(rest);
        taken += rest;
    }

    /** {@code n} bytes of UTF-8. */
    String readUtf8(int n) throws IOException {
        if (n <= buffer.length && have(n)) {
            String s = new String(buffer, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }
        return new String(readBytes(n), StandardCharsets.UTF_8);
    }

    /** {@code n} UTF-16 units, as {@link CodecOutput#writeChars} wrote them. */
    String readChars(int n) throws IOException {
        char[] chars = new char[n];
        for (int i = 0; i < n; ) {
            need(2);
            int stop = Math.min(n, i + (end - at) / 2);
            for (; i < stop; i++) {
                chars[i] = (char) ((buffer[at] & 0xFF) << 8 | buffer[at + 1] & 0xFF);
                at += 2;
            }
        }
        return new String(chars);
    }

    /** What {@link CodecOutput#writeShortString} wrote. */
    String readShortString() throws IOException {
        need(2);
        int n = (buffer[at] & 0xFF) << 8 | buffer[at + 1] & 0xFF;
        at += 2;
        return readUtf8(n);
    }
}

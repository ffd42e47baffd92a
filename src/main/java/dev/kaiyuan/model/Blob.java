package dev.kaiyuan.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A run of bytes that is either held in memory or left in a file until it is asked for: the build
 * cache leaves article bodies in its files ({@code dev.kaiyuan.build.PersistentCache}), since a
 * rebuild after one article was added uses almost none of them (180 MB at 10,000 articles; loading
 * them was a quarter of the cache's load time). Its first {@link #HEAD} bytes are always in memory.
 */
public interface Blob {
    /** How many of the first bytes {@link #head()} gives (fewer when the blob is shorter). */
    int HEAD = 16;

    /** The number of bytes. */
    int length();

    /** The first {@code min(length(), HEAD)} bytes, without reading the rest. The caller must not change them. */
    byte[] head();

    /**
     * All the bytes, read from the file when they are not held. The caller must not change them: a
     * blob held in memory gives its own array (article text is decoded from it often).
     */
    byte[] bytes();

    /** A blob held in memory, of a copy of {@code bytes}. */
    static Blob of(byte[] bytes) {
        return new Held(bytes.clone());
    }

    /** A blob held in memory that takes {@code bytes} as they are: whoever passes them must not change them. */
    static Blob owning(byte[] bytes) {
        return new Held(bytes);
    }

    /** Bytes in memory. */
    final class Held implements Blob {
        private final byte[] bytes;
        private final byte[] head;

        private Held(byte[] bytes) {
            this.bytes = Objects.requireNonNull(bytes, "bytes");
            this.head = Arrays.copyOf(bytes, Math.min(bytes.length, HEAD));
        }

        @Override
        public int length() {
            return bytes.length;
        }

        @Override
        public byte[] head() {
            return head;
        }

        @Override
        public byte[] bytes() {
            return bytes;
        }

        @Override
        public String toString() {
            return "Blob[" + bytes.length + " bytes]";
        }
    }
}

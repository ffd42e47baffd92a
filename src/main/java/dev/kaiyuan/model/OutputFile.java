package dev.kaiyuan.model;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file of the generated site: path relative to the output folder, and its bytes, never changed
 * once given. {@link #size} and {@link #view} read them without a copy. A class rather than a
 * record only so that the build can hand over the bytes it has just made ({@link #owning}): a copy
 * of every page was 334 MB of a cold 10,000-article build's allocations, copied.
 */
public final class OutputFile {
    private final String path;
    private final byte[] bytes;

    /** A file of a copy of {@code bytes}. */
    public OutputFile(String path, byte[] bytes) {
        this(path, bytes, true);
    }

    private OutputFile(String path, byte[] bytes, boolean copy) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bytes, "bytes");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")
                || Arrays.asList(path.split("/")).stream().anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))) {
            throw new IllegalArgumentException("output path must stay inside the site: " + path);
        }
        this.path = path;
        this.bytes = copy ? bytes.clone() : bytes;
    }

    /** A file of {@code bytes} as they are: whoever passes them must not change them afterwards. */
    public static OutputFile owning(String path, byte[] bytes) {
        return new OutputFile(path, bytes, false);
    }

    /** Relative to the output folder, e.g. {@code articles/x/index.html}. */
    public String path() {
        return path;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of bytes. */
    public int size() {
        return bytes.length;
    }

    /** The bytes, read-only, without a copy: a new buffer for each call, so each reader has its own position. */
    public ByteBuffer view() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputFile other && path.equals(other.path) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "OutputFile[" + path + ", " + bytes.length + " bytes]";
    }
}

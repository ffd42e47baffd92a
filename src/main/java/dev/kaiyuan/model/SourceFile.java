package dev.kaiyuan.model;

import java.util.Objects;

/** One input file as read from disk: project-relative path (forward slashes) and raw bytes. */
public record SourceFile(String path, byte[] bytes) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** Hands the bytes to a hash without copying them (a build hashes every seed's). */
    public void putInto(com.dynatrace.hash4j.hashing.HashSink hash) {
        hash.putBytes(bytes);
    }

    /** File name without folders. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** File name without its last extension. */
    public String stem() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /** Lower-case extension without the dot, or "" if none. */
    public String extension() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public SourceRef ref() {
        return SourceRef.file(path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile other
                && path.equals(other.path)
                && java.util.Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + ", " + bytes.length + " bytes]";
    }
}

package dev.kaiyuan.output;

import dev.kaiyuan.model.OutputFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A file of the site as the preview holds it in memory: gzip-compressed when that makes it smaller
 * (pages, scripts, the search index; not images), with its size and a hash of its bytes. A browser
 * that accepts gzip (every one does) is sent the compressed bytes as they are; any other client is
 * sent them inflated. At 10,000 articles the site's 329 MB are held in about 99 MB (BENCHMARKS.md,
 * "Eighteenth session").
 *
 * <p>The compressed bytes of equal files are equal (the same compressor, no time in the gzip
 * header), and files compare by the hash of their bytes.
 *
 * <p>The held bytes are in the heap, or, for a site too large for that, in a {@link PackFolder};
 * the file itself keeps its path, sizes, hash and where they are.
 */
public final class PackedFile {
    /** Compressed at most to this share of the size, else held as it is: not worth inflating. */
    private static final double WORTH_IT = 0.9;

    private final String path;
    /** The held bytes, or null when a pack folder holds them, at {@link #location}. */
    private final byte @Nullable [] held;
    private final PackFolder.@Nullable Location location;
    private final boolean gzip;
    private final int size;
    private final int heldSize;
    private final byte[] digest;

    private PackedFile(String path, byte @Nullable [] held, PackFolder.@Nullable Location location, boolean gzip,
            int size, int heldSize, byte[] digest) {
        this.path = path;
        this.held = held;
        this.location = location;
        this.gzip = gzip;
        this.size = size;
        this.heldSize = heldSize;
        this.digest = digest;
    }

    /** Packs {@code file}; its bytes are read, not kept. */
    public static PackedFile of(OutputFile file) {
        return of(file, null);
    }

    /**
     * Packs {@code file}, or gives {@code last} when that holds the same bytes at the same path
     * (equal size and hash), without compressing them again: a rebuild makes again many files that
     * did not change (the search index's shards and scripts), and hashing is quicker than deflating.
     */
    public static PackedFile of(OutputFile file, @Nullable PackedFile last) {
        try {
            return of(file, last, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
    }

    /**
     * As {@link #of(OutputFile, PackedFile)}, with the held bytes in {@code folder} when it is given.
     * A {@code last} whose bytes are in a {@link PackFolder#sparse} pack file is held again, in the
     * newest one.
     *
     * @throws IOException when the folder cannot be written
     */
    public static PackedFile of(OutputFile file, @Nullable PackedFile last, @Nullable PackFolder folder)
            throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] digest = sha256(file.view());
        if (last != null && last.path.equals(file.path()) && last.size == file.size()
                && MessageDigest.isEqual(last.digest, digest)) {
            return folder == null ? last : last.repackedIn(folder);
        }
        int size = file.size();
        byte[] compressed = gzip(file.view(), size);
        boolean gzip = compressed.length <= size * WORTH_IT;
        byte[] held = gzip ? compressed : file.bytes();
        if (folder == null) {
            return new PackedFile(file.path(), held, null, gzip, size, held.length, digest);
        }
        return new PackedFile(file.path(), null, folder.hold(held), gzip, size, held.length, digest);
    }

    /** The gzip member header (RFC 1952): deflate, no flags, no time, no extra flags, operating system unknown. */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** {@code bytes} as one gzip member, read from the buffer, without a copy of them. */
    private static byte[] gzip(ByteBuffer bytes, int size) {
        CRC32 crc = new CRC32();
        crc.update(bytes.duplicate());
        // the quickest level: the site 3.3 times smaller at 10,000 articles, 3.6 at the default level
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(size / 3 + 64);
            out.writeBytes(GZIP_HEADER);
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            int check = (int) crc.getValue();
            // trailer: CRC-32 and the size modulo 2^32, little-endian
            for (int value : new int[] {check, size}) {
                out.write(value);
                out.write(value >>> 8);
                out.write(value >>> 16);
                out.write(value >>> 24);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] sha256(ByteBuffer bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The file's path in the site. */
    public String path() {
        return path;
    }

    /** The size of the file's bytes (not of what is held). */
    public int size() {
        return size;
    }

    /** The first 16 bytes of the SHA-256 of the file's bytes, in hexadecimal. */
    public String hash() {
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** True when the bytes are held gzip-compressed, and {@link #writeHeldTo} writes them as they are. */
    public boolean gzipped() {
        return gzip;
    }

    /** How many bytes are held: what a gzip answer sends when {@link #gzipped}. */
    public int heldSize() {
        return heldSize;
    }

    /** Writes the held bytes (gzip when {@link #gzipped}, else the file's bytes), from the heap without a copy. */
    public void writeHeldTo(OutputStream out) throws IOException {
        if (held != null) {
            out.write(held);
        } else {
            PackFolder.writeTo(Objects.requireNonNull(location), out);
        }
    }

    /** Writes the file's bytes, inflated if need be. */
    public void writeTo(OutputStream out) throws IOException {
        if (!gzip) {
            writeHeldTo(out);
            return;
        }
        byte[] bytes = held != null ? held : PackFolder.read(Objects.requireNonNull(location));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 8192)) {
            in.transferTo(out);
        }
    }

    /** Where a {@link PackFolder} holds this file's bytes; null when the heap holds them. */
    PackFolder.@Nullable Location location() {
        return location;
    }

    /**
     * This file, or when its bytes are in a sparse pack file of {@code folder}, the same file with
     * them held again in the newest one (so the sparse one can go).
     */
    PackedFile repackedIn(PackFolder folder) throws IOException {
        if (location == null || !PackFolder.sparse(location)) {
            return this;
        }
        return new PackedFile(path, null, folder.hold(PackFolder.read(location)), gzip, size, heldSize, digest);
    }

    /** A copy of the file's bytes (inflated if need be). */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + "'s bytes", e);
        }
        return out.toByteArray();
    }

    /** True when {@code other} has the same bytes, whatever its path. */
    public boolean sameBytes(PackedFile other) {
        return other == this || size == other.size && Arrays.equals(digest, other.digest);
    }

    @Override
    public String toString() {
        return "PackedFile[" + path + ", " + size + " bytes" + (gzip ? ", " + heldSize + " gzipped" : "")
                + (location != null ? ", in " + location.pack() + "]" : "]");
    }
}

package dev.kaiyuan.build;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The {@link BuildCache} of the last successful {@code kaiyuan build}, kept between runs in
 * {@code PROJECT/.kaiyuan/build-cache.bin} (git-ignored, safe to delete) so that a CI rebuild redoes
 * only what changed. The file says which code wrote it (the stage versions and a fingerprint of the
 * running jar or classes folder), which output folder its page stamps describe, and ends with a
 * checksum; a file that is missing, truncated, corrupt or written by other code is ignored and the
 * build runs cold. It is written to a temporary file and renamed, so a killed build leaves the old
 * one whole.
 */
final class PersistentCache {
    static final String FOLDER = ".kaiyuan";
    static final String FILE = "build-cache.bin";
    /**
     * Beside the cache: the fingerprint of the code that kept it ({@code SIZE:CRC}, the jar's size in
     * bytes first), for the launcher, which gives a rebuild with a cache the quick compiler only when
     * the jar it runs has that size: a rebuilt jar with the same bytes (the build is reproducible)
     * finds its cache, though its file time is new.
     */
    static final String CODE = "code";
    private static final String MAGIC = "kaiyuan-build-cache";
    /** Bump when this file's layout or the meaning of its keys changes (5: XXH3-128 keys, not SHA-256). */
    private static final int FORMAT = 5;

    private static volatile Optional<String> code = Optional.empty();

    private PersistentCache() {
    }

    static Path file(Path project) {
        return file(project, "");
    }

    /**
     * The cache file of builds run with one set of command-line overrides: {@code build} and
     * {@code check --base-url …} in the same CI job each keep their own, instead of each finding the
     * other's configuration and starting from scratch.
     */
    static Path file(Path project, String variant) {
        return project.resolve(FOLDER).resolve(variant.isEmpty() ? FILE : "build-cache-" + variant + ".bin");
    }

    /** Empty for a build without overrides, else a short hash of them (--base-url, --engine, --drafts). */
    static String variant(BuildRequest request) {
        if (request.baseUrl().isEmpty() && request.engine().isEmpty() && !request.drafts()) {
            return "";
        }
        return new Hashes().add(request.baseUrl().orElse("-")).add(request.engine().orElse("-"))
                .add(String.valueOf(request.drafts())).hex().substring(0, 12);
    }

    /**
     * The cache kept for {@code out}, or empty (with one note saying why, unless there simply is
     * none yet). Page stamps kept for another output folder are dropped.
     */
    static BuildCache load(Path project, String variant, Path out, Consumer<String> notes) {
        Path file = file(project, variant);
        if (!Files.isRegularFile(file)) {
            return BuildCache.EMPTY;
        }
        try {
            // The checksum is checked first, over the file in large chunks; then the file is read
            // through a plain buffer (a checksum updated a byte at a time cost a tenth of loading).
            verifyChecksum(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                CodecInput in = new CodecInput((bytes, from, length) -> channel.read(ByteBuffer.wrap(bytes, from,
                        length)), 1 << 16);
                if (!MAGIC.equals(in.readShortString()) || in.readInt() != FORMAT
                        || !header().equals(in.readShortString())) {
                    notes.accept("the build cache in " + FOLDER + "/ was made by another version of Kaiyuan; building "
                            + "from scratch");
                    return BuildCache.EMPTY;
                }
                String folder = in.readShortString();
                BuildCache cache = new RecordCodec.Reader(in).read(BuildCache.class);
                in.readLong();
                if (in.read() != -1) {
                    throw new IOException("the cache does not end where its checksum begins");
                }
                return folder.equals(key(out)) ? cache : cache.withoutWritten();
            }
        } catch (IOException | RuntimeException e) {
            notes.accept("ignoring the unreadable build cache in " + FOLDER + "/ (" + e.getMessage()
                    + "); building from scratch");
            return BuildCache.EMPTY;
        }
    }

    /** Throws unless the file's last 8 bytes are the CRC32C of the bytes before them. */
    private static void verifyChecksum(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long body = channel.size() - Long.BYTES;
            if (body < 0) {
                throw new IOException("truncated");
            }
            CRC32C crc = new CRC32C();
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            for (long at = 0; at < body; ) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), body - at));
                int n = channel.read(chunk, at);
                if (n < 0) {
                    throw new IOException("truncated");
                }
                crc.update(chunk.flip());
                at += n;
            }
            ByteBuffer sum = ByteBuffer.allocate(Long.BYTES);
            while (sum.hasRemaining() && channel.read(sum, body + sum.position()) > 0) {
                // reads the 8 bytes of the checksum
            }
            if (sum.hasRemaining() || sum.flip().getLong() != crc.getValue()) {
                throw new IOException("checksum mismatch");
            }
        }
    }

    /** Keeps {@code cache} for the next build into {@code out}; a failure only costs the next build its speed. */
    static void save(Path project, String variant, Path out, BuildCache cache, Consumer<String> notes) {
        Path file = file(project, variant);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            // The checksum is updated with the buffer's chunks as they are written, not byte by byte.
            try (OutputStream raw = Files.newOutputStream(temp)) {
                CRC32C crc = new CRC32C();
                CodecOutput data = new CodecOutput((bytes, from, length) -> {
                    crc.update(bytes, from, length);
                    raw.write(bytes, from, length);
                }, 1 << 16);
                data.writeShortString(MAGIC);
                data.writeInt(FORMAT);
                data.writeShortString(header());
                data.writeShortString(key(out));
                new RecordCodec.Writer(data, true).write(cache);
                data.flush();
                data.writeLong(crc.getValue());
                data.flush();
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(file.resolveSibling(CODE), codeFingerprint() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            notes.accept("could not keep the build cache in " + FOLDER + "/ (" + e + "); the next build starts "
                    + "from scratch");
            try {
                Files.deleteIfExists(temp);
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do: a missing cache is a cold build
            }
        }
    }

    private static String key(Path out) {
        return out.toAbsolutePath().normalize().toString();
    }

    /** What must be equal for the cache to be trusted: stage versions, Java version and the code itself. */
    private static String header() {
        return BuildCache.READER_VERSION + " " + BuildCache.ENRICH_VERSION + " java " + Runtime.version() + " code "
                + codeFingerprint();
    }

    /**
     * Size and CRC of the jar this code runs from; for a classes folder (tests, IDE), the CRC of
     * every file in it. Computed once per process.
     */
    static String codeFingerprint() {
        Optional<String> known = code;
        if (known.isPresent()) {
            return known.get();
        }
        String made;
        try {
            CodeSource source = PersistentCache.class.getProtectionDomain().getCodeSource();
            Path where = Path.of(source.getLocation().toURI());
            CRC32C crc = new CRC32C();
            long size = 0;
            try (Stream<Path> walk = Files.walk(where)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    crc.update(where.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    crc.update(bytes);
                    size += bytes.length;
                }
            }
            made = size + ":" + Long.toHexString(crc.getValue());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown code cannot vouch for a cache: a fresh value per process never matches a saved one.
            made = "unknown-" + System.nanoTime();
        }
        code = Optional.of(made);
        return made;
    }
}

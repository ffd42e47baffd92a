package dev.kaiyuan.build;

import dev.kaiyuan.model.Blob;
import dev.kaiyuan.model.RecordText;
import dev.kaiyuan.output.FileStamp;
import dev.kaiyuan.output.FolderStamp;
import dev.kaiyuan.search.DocumentTerms;
import dev.kaiyuan.search.MergedPostings;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The {@link BuildCache} of the last successful {@code kaiyuan build}, kept between runs in
 * {@code PROJECT/.kaiyuan/} (git-ignored, safe to delete) so that a CI rebuild redoes only what
 * changed. It is kept in {@value #SEGMENTS} + 2 files: {@code build-cache.bin} holds what is about the
 * whole site (configuration, knowledge base, the written pages' stamps, the seeds' stamps), each
 * {@code build-cache.NN.bin} a segment of what is about the seeds: the reads and enrichments of the
 * seeds whose path falls in it and the search terms whose key does, and
 * {@code build-cache.postings.bin} the merged postings of the search index's first part. A rebuild
 * after adding one article rewrites the segments that changed (two of {@value #SEGMENTS}), not the
 * 260 MB of a 10,000-article site (nor the postings, unless the new article is not among the
 * newest or the first part grew), and loads the files on every core. Loading leaves the article
 * bodies and search terms in the segment files (see {@link LeftInFile}): most of those bytes, which
 * a rebuild after an article was added checks (the checksum) but neither decodes nor holds.
 *
 * <p>Each file says which code wrote it (the stage versions and a fingerprint of the running jar or
 * classes folder) and ends with a checksum; a file that is missing, truncated, corrupt or written by
 * other code is ignored: the whole cache for the main file, the seeds of that segment for a segment.
 * Every seed entry is keyed by a hash of what it was made from, and each segment carries the
 * configuration it was kept under (a read article depends on the time zone too), so segments of
 * different builds never combine into a wrong result, only into a slower one. Each file is written to a temporary file
 * and renamed, so a killed build leaves the old one whole.
 */
final class PersistentCache {
    static final String FOLDER = ".kaiyuan";
    static final String FILE = "build-cache.bin";
    /** How many segments the seeds' part is kept in. */
    static final int SEGMENTS = 32;

    /**
     * Beside the cache: the fingerprint of the code that kept it ({@code SIZE:CRC}, the jar's size in
     * bytes first), for the launcher, which gives a rebuild with a cache the quick compiler only when
     * the jar it runs has that size: a rebuilt jar with the same bytes (the build is reproducible)
     * finds its cache, though its file time is new. On its second line, how many articles the build
     * built: the launcher takes it for the project's size instead of counting the seed files again.
     */
    static final String CODE = "code";
    private static final String MAGIC = "kaiyuan-build-cache";
    /** Bump when this file's layout or the meaning of its keys changes (5: XXH3-128 keys, not SHA-256; 6: segments; 7: seed stamps, merged postings; 8: plain article bodies; 9: article bodies and search terms as blobs, left in the file when loaded; the written pages' stamps by themselves; 10: no mention spans in enrichments; 11: seed stamps in the main file; 12: the postings of the search index's first part, their shard count, terms and lists as a blob; 13: every file of the site among the written ones, and the folder stamps the commit vouched for; 14: no rendered pages in the site's part, which a disk build left empty). */
    private static final int FORMAT = 14;

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

    /** Segment {@code n} of the cache file {@code file}: {@code build-cache.07.bin} beside {@code build-cache.bin}. */
    static Path segment(Path file, int n) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".bin".length())
                + (n < 10 ? ".0" : ".") + n + ".bin");
    }

    /** The file the search index's merged postings are kept in, beside {@code file}: {@code build-cache.postings.bin}. */
    static Path postings(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".bin".length()) + ".postings.bin");
    }

    /**
     * What one segment holds: the reads and enrichments of the seeds whose path falls in it, and the
     * search terms whose key does ({@link #segmentOf}).
     */
    record Segment(Map<String, BuildCache.Read> reads, Map<String, BuildCache.Enriched> enriched,
            Map<String, DocumentTerms> search) {
        static final Segment EMPTY = new Segment(Map.of(), Map.of(), Map.of());

        /** Whether {@code other} holds the same entries (those a build kept are the same instances). */
        boolean same(Segment other) {
            return same(reads, other.reads) && same(enriched, other.enriched) && same(search, other.search);
        }

        private static <V> boolean same(Map<String, V> one, Map<String, V> other) {
            if (one.size() != other.size()) {
                return false;
            }
            for (Map.Entry<String, V> e : one.entrySet()) {
                if (!Objects.equals(other.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The segment a key falls in; {@link String#hashCode} is specified, so every run agrees. */
    static int segmentOf(String key) {
        return Math.floorMod(key.hashCode(), SEGMENTS);
    }

    /** The seeds' part of {@code cache}, cut into its segments. */
    private static List<Segment> segments(BuildCache cache) {
        // Without their stamps, which the main file keeps: a fresh checkout gives every seed a new
        // time, and with the stamps in them every segment (230 MB at 10,000 articles) was written
        // again by the first build after it, though no seed had changed.
        Map<String, BuildCache.Read> unstamped = new HashMap<>();
        cache.reads().forEach((path, read) -> unstamped.put(path, read.stamp().isEmpty() ? read
                : new BuildCache.Read(read.hash(), read.article(), Optional.empty())));
        List<Map<String, BuildCache.Read>> reads = buckets(unstamped);
        List<Map<String, BuildCache.Enriched>> enriched = buckets(cache.enriched());
        List<Map<String, DocumentTerms>> search = buckets(cache.search());
        List<Segment> segments = new ArrayList<>(SEGMENTS);
        for (int n = 0; n < SEGMENTS; n++) {
            segments.add(new Segment(reads.get(n), enriched.get(n), search.get(n)));
        }
        return segments;
    }

    private static <V> List<Map<String, V>> buckets(Map<String, V> all) {
        List<Map<String, V>> buckets = new ArrayList<>(SEGMENTS);
        for (int n = 0; n < SEGMENTS; n++) {
            buckets.add(new HashMap<>());
        }
        all.forEach((key, value) -> buckets.get(segmentOf(key)).put(key, value));
        return buckets;
    }

    /** What the main file holds. */
    private record Whole(String folder, BuildCache site, Map<String, KeptStamp> stamps) {
    }

    /** A seed's stamp, as the main file keeps it, with the hash of the read it vouches for. */
    private record KeptStamp(String hash, BuildCache.SeedStamp stamp) {
    }

    /**
     * The main file's payload: the output folder, the site's part of the cache through the record
     * codec, then the written pages' stamps by themselves (26,000 at 10,000 articles): path, key and
     * view hash, size and time, each entry in the same five fields (through the codec each was two
     * records rebuilt by reflection, a fifth of loading the main file); then the folder stamps the
     * commit vouched for (path, device, inode, change time); then the seeds' stamps, each
     * with the hash of the read it vouches for: path, hash, size and time, and the sidecar's if any.
     */
    private static void writeWhole(CodecOutput data, String folder, BuildCache site,
            Map<String, BuildCache.Written> written) throws IOException {
        data.writeShortString(folder);
        new RecordCodec.Writer(data, true).write(new BuildCache(site.config(), Map.of(), site.knowledge(), Map.of(),
                site.render(), Map.of(), Map.of(), Map.of(), Optional.empty()));
        data.writeInt(written.size());
        for (Map.Entry<String, BuildCache.Written> e : written.entrySet()) {
            BuildCache.Written w = e.getValue();
            data.writeShortString(e.getKey());
            data.writeShortString(w.key());
            data.writeShortString(w.view());
            data.writeLong(w.stamp().size());
            data.writeLong(w.stamp().modifiedNanos());
        }
        data.writeInt(site.folders().size());
        for (Map.Entry<String, FolderStamp> e : site.folders().entrySet()) {
            data.writeShortString(e.getKey());
            data.writeLong(e.getValue().device());
            data.writeLong(e.getValue().inode());
            data.writeLong(e.getValue().changedNanos());
        }
        Map<String, BuildCache.Read> stamped = new HashMap<>();
        site.reads().forEach((path, read) -> {
            if (read.stamp().isPresent()) {
                stamped.put(path, read);
            }
        });
        data.writeInt(stamped.size());
        for (Map.Entry<String, BuildCache.Read> e : stamped.entrySet()) {
            BuildCache.SeedStamp stamp = e.getValue().stamp().orElseThrow();
            data.writeShortString(e.getKey());
            data.writeShortString(e.getValue().hash());
            data.writeLong(stamp.seed().size());
            data.writeLong(stamp.seed().modifiedNanos());
            data.writeByte(stamp.sidecar().isPresent() ? 1 : 0);
            if (stamp.sidecar().isPresent()) {
                data.writeLong(stamp.sidecar().get().size());
                data.writeLong(stamp.sidecar().get().modifiedNanos());
            }
        }
    }

    private static Whole readWhole(CodecInput in) throws IOException {
        String folder = in.readShortString();
        BuildCache site = new RecordCodec.Reader(in).read(BuildCache.class);
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("negative count");
        }
        Map<String, BuildCache.Written> written = new HashMap<>(count * 4 / 3 + 1);
        for (int i = 0; i < count; i++) {
            String path = in.readShortString();
            String key = in.readShortString();
            String view = in.readShortString();
            written.put(path, new BuildCache.Written(key, view, fileStamp(in, path)));
        }
        int folderCount = in.readInt();
        if (folderCount < 0) {
            throw new IOException("negative count");
        }
        Map<String, FolderStamp> folders = new HashMap<>(folderCount * 4 / 3 + 1);
        for (int i = 0; i < folderCount; i++) {
            folders.put(in.readShortString(), new FolderStamp(in.readLong(), in.readLong(), in.readLong()));
        }
        int seeds = in.readInt();
        if (seeds < 0) {
            throw new IOException("negative count");
        }
        Map<String, KeptStamp> stamps = new HashMap<>(seeds * 4 / 3 + 1);
        for (int i = 0; i < seeds; i++) {
            String path = in.readShortString();
            String hash = in.readShortString();
            FileStamp seed = fileStamp(in, path);
            Optional<FileStamp> sidecar = in.readByte() != 0 ? Optional.of(fileStamp(in, path)) : Optional.empty();
            stamps.put(path, new KeptStamp(hash, new BuildCache.SeedStamp(seed, sidecar)));
        }
        return new Whole(folder, new BuildCache(site.config(), site.reads(), site.knowledge(), site.enriched(),
                site.render(), BuildCache.handedOver(written), BuildCache.handedOver(folders), site.search(),
                site.postings()), stamps);
    }

    private static FileStamp fileStamp(CodecInput in, String path) throws IOException {
        long size = in.readLong();
        try {
            return new FileStamp(size, in.readLong());
        } catch (IllegalArgumentException e) {
            throw new IOException("a bad stamp for " + path, e);
        }
    }

    /**
     * A loaded cache and the files it left blobs in (see {@link LeftInFile}), open until this is
     * closed: after the save, since the save writes again the entries of the segments that
     * changed. A blob read after the close throws {@link Unreadable}.
     */
    record Loaded(BuildCache cache, List<FileChannel> open) implements AutoCloseable {
        static final Loaded EMPTY = new Loaded(BuildCache.EMPTY, List.of());

        Loaded {
            Objects.requireNonNull(cache, "cache");
            open = List.copyOf(open);
        }

        @Override
        public void close() {
            for (FileChannel channel : open) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // nothing to do: it was only read
                }
            }
        }
    }

    /**
     * The cache kept for {@code out}, or empty (with one note saying why, unless there simply is
     * none yet). Page stamps kept for another output folder are dropped. A segment that cannot be
     * read costs only its seeds' entries (with a note).
     */
    static Loaded load(Path project, String variant, Path out, Consumer<String> notes) {
        Path file = file(project, variant);
        if (!Files.isRegularFile(file)) {
            return Loaded.EMPTY;
        }
        Whole whole;
        try {
            Optional<Whole> read = readFile(file, PersistentCache::readWhole);
            if (read.isEmpty()) {
                notes.accept("the build cache in " + FOLDER + "/ was made by another version of Kaiyuan; building "
                        + "from scratch");
                return Loaded.EMPTY;
            }
            whole = read.get();
        } catch (IOException | RuntimeException e) {
            notes.accept("ignoring the unreadable build cache in " + FOLDER + "/ (" + e.getMessage()
                    + "); building from scratch");
            return Loaded.EMPTY;
        }
        String settings = settings(whole.site());
        // the postings (30 MB at 10,000 articles) are decoded while the segments are
        Queue<FileChannel> open = new ConcurrentLinkedQueue<>();
        CompletableFuture<Optional<BuildCache.Postings>> postings = CompletableFuture.supplyAsync(
                () -> loadPart(postings(file), settings, PersistentCache::readPostings, open, notes,
                        "merging the search index from scratch"));
        // Segments are decoded on every core (each has a reader of its own); article bodies and
        // search terms are left in their files until asked for.
        List<Segment> segments = IntStream.range(0, SEGMENTS).parallel()
                .mapToObj(n -> loadPart(segment(file, n), settings, (in, left) -> new RecordCodec.Reader(in, left)
                        .read(Segment.class), open, notes, "reading its seeds from scratch").orElse(Segment.EMPTY))
                .toList();
        Map<String, BuildCache.Read> reads = new HashMap<>();
        Map<String, BuildCache.Enriched> enriched = new HashMap<>();
        Map<String, DocumentTerms> search = new HashMap<>();
        for (Segment segment : segments) {
            reads.putAll(segment.reads());
            enriched.putAll(segment.enriched());
            search.putAll(segment.search());
        }
        // a stamp goes back on the read it was kept with, and on no other (a segment may be newer
        // than the main file, from a build killed before it wrote that)
        whole.stamps().forEach((path, kept) -> reads.computeIfPresent(path, (p, read) -> read.hash().equals(kept.hash())
                ? new BuildCache.Read(read.hash(), read.article(), Optional.of(kept.stamp())) : read));
        BuildCache site = whole.site();
        BuildCache cache = new BuildCache(site.config(), BuildCache.handedOver(reads), site.knowledge(),
                BuildCache.handedOver(enriched), site.render(), site.written(), site.folders(),
                BuildCache.handedOver(search), postings.join());
        return new Loaded(whole.folder().equals(key(out)) ? cache : cache.withoutWritten(), List.copyOf(open));
    }

    /**
     * A segment or the postings, if the file is there, was written by this code and kept under
     * {@code settings}. A part kept under another configuration (a build killed between writing its
     * parts and the main file, then the configuration changed back) is not used, since a read
     * article depends on the configuration (its time zone), not only its bytes. A part that cannot
     * be used is deleted, so that this build's save writes it again even when it has nothing to
     * hold; one that cannot be read also gives a note, ending in {@code instead}.
     */
    private static <T> Optional<T> loadPart(Path part, String settings, LeavingPayload<T> payload,
            Queue<FileChannel> open, Consumer<String> notes, String instead) {
        try {
            if (!Files.isRegularFile(part)) {
                return Optional.empty();
            }
            Optional<T> kept = readFile(part, (in, left) -> in.readShortString().equals(settings)
                    ? payload.read(in, left) : null, open);
            if (kept.isEmpty()) {
                Files.deleteIfExists(part);
            }
            return kept;
        } catch (IOException | RuntimeException e) {
            notes.accept("ignoring the unreadable part " + FOLDER + "/" + part.getFileName() + " of the build "
                    + "cache (" + e.getMessage() + "); " + instead);
            try {
                Files.deleteIfExists(part);
            } catch (IOException alsoFailed) {
                // the save rewrites it if it can, or fails with a note of its own
            }
            return Optional.empty();
        }
    }

    /**
     * The postings file's payload: the small parts through the record codec, then the terms and
     * lists as one blob (its length first), which loading leaves in the file ({@link LeftInFile})
     * until a build asks for them: a rebuild after an article was added at the end does not (30 MB
     * at 10,000 articles).
     * In the blob each term is written as UTF-16 units (as the codec writes Chinese text) and each
     * posting list as Latin-1 (digits, spaces and colons), by itself: through the codec, every
     * list was first searched for a character beyond Latin-1, one character at a time on the quick
     * compiler a rebuild runs on.
     */
    private static void writePostings(CodecOutput data, BuildCache.Postings postings) throws IOException {
        MergedPostings merged = postings.merged();
        RecordCodec.Writer small = new RecordCodec.Writer(data, false);
        small.write(postings.knowledgeHash());
        small.write(merged.docs());
        small.write(merged.names());
        small.write(merged.han());
        small.write(merged.hanFirst());
        small.write(merged.shards());
        // the blob's length first, so that loading can leave it where it is; then the blob as it is
        // made (at 50,000 articles it is 150 MB, not to be held whole besides the lists)
        long length = Integer.BYTES;
        for (String term : merged.terms()) {
            length += Integer.BYTES + 2L * term.length();
        }
        for (String list : merged.lists()) {
            length += Integer.BYTES + list.length();
        }
        if (length > Integer.MAX_VALUE) {
            throw new IOException("search postings of " + length + " bytes are too large to keep");
        }
        data.writeInt((int) length);
        data.writeInt(merged.terms().size());
        for (String term : merged.terms()) {
            data.writeInt(term.length());
            data.writeChars(term);
        }
        for (String list : merged.lists()) {
            byte[] bytes = list.getBytes(StandardCharsets.ISO_8859_1);
            data.writeInt(bytes.length);
            data.write(bytes);
        }
    }

    @SuppressWarnings("unchecked")
    private static BuildCache.Postings readPostings(CodecInput in, LeftInFile left) throws IOException {
        RecordCodec.Reader small = new RecordCodec.Reader(in, left);
        String knowledge = (String) small.read();
        List<String> docs = (List<String>) small.read();
        List<String> names = (List<String>) small.read();
        List<Integer> han = (List<Integer>) small.read();
        List<Integer> hanFirst = (List<Integer>) small.read();
        int shards = (Integer) small.read();
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("negative length");
        }
        Blob blob = left.read(in, length);
        return new BuildCache.Postings(knowledge, new MergedPostings(docs, names, han, hanFirst, shards,
                MergedPostings.later(() -> lists(blob))));
    }

    /** The terms and lists of the postings file, from their blob (read from the file now, if it was left there). */
    private static MergedPostings.Lists lists(Blob blob) {
        try {
            CodecInput in = CodecInput.of(blob.bytes());
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("negative count");
            }
            List<String> terms = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                terms.add(in.readChars(in.readInt()));
            }
            List<String> lists = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                lists.add(new String(in.readBytes(in.readInt()), StandardCharsets.ISO_8859_1));
            }
            return new MergedPostings.Lists(terms, lists);
        } catch (IOException e) {
            throw new Unreadable(e);
        }
    }

    /** What a file's payload is read with; null for a file that is not for this build (left unread). */
    private interface Payload<T> {
        T read(CodecInput in) throws IOException;
    }

    /** As {@link Payload}, for a payload that may leave blobs in the file ({@code left}). */
    private interface LeavingPayload<T> {
        T read(CodecInput in, LeftInFile left) throws IOException;
    }

    /**
     * One cache file's payload; empty when the file was written by other code. Throws when it is
     * truncated, corrupt or not a cache file.
     */
    private static <T> Optional<T> readFile(Path file, Payload<T> payload) throws IOException {
        return readFile(file, (in, left) -> payload.read(in), new ConcurrentLinkedQueue<>());
    }

    /** As {@link #readFile(Path, Payload)}; the file is added to {@code open} when blobs were left in it. */
    private static <T> Optional<T> readFile(Path file, LeavingPayload<T> payload, Queue<FileChannel> open)
            throws IOException {
        // The checksum is checked first, over the file in large chunks; then the file is read
        // through a plain buffer (a checksum updated a byte at a time cost a tenth of loading).
        verifyChecksum(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        LeftInFile left = new LeftInFile(channel);
        boolean kept = false;
        try {
            CodecInput in = new CodecInput(left, 1 << 16);
            if (!MAGIC.equals(in.readShortString()) || in.readInt() != FORMAT
                    || !header().equals(in.readShortString())) {
                return Optional.empty();
            }
            T value = payload.read(in, left);
            if (value == null) {
                return Optional.empty();
            }
            in.readLong();
            if (in.read() != -1) {
                throw new IOException("the cache does not end where its checksum begins");
            }
            if (left.leftAny()) {
                open.add(channel);
                kept = true;
            }
            return Optional.of(value);
        } finally {
            if (!kept) {
                channel.close();
            }
        }
    }

    /**
     * Whether blobs are left in the cache's files. Not on Windows, which refuses to replace a file
     * that is open, as a save does with the segments that changed: there every blob is read at once.
     */
    private static final boolean LEAVES_BLOBS = File.separatorChar == '/';

    /**
     * A blob of the build cache that could not be read when it was asked for: the cache's file
     * changed under the build, or was closed. The build is done again without the cache
     * ({@link Build#run(BuildRequest, boolean, Consumer)}).
     */
    static final class Unreadable extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        Unreadable(IOException cause) {
            super("part of the build cache in " + FOLDER + "/ (an article body or search terms) could not be read: "
                    + cause.getMessage(), cause);
        }
    }

    /**
     * A cache file being read, and the blobs of at least {@link #LEFT_FROM} bytes it leaves where
     * they are (article bodies and search terms: 230 MB at 10,000 articles, of which a rebuild after
     * one article was added decodes and holds a few hundred kilobytes). Such a blob is read when
     * asked for, by position, from the file as it was loaded, which stays open until the
     * {@link Loaded} cache is closed: a save renames new files over it, and the open file keeps
     * its bytes.
     */
    private static final class LeftInFile implements CodecInput.Fill, RecordCodec.Blobs {
        static final int LEFT_FROM = 256;
        private final FileChannel channel;
        private boolean leftAny;

        LeftInFile(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(byte[] bytes, int from, int length) throws IOException {
            return channel.read(ByteBuffer.wrap(bytes, from, length));
        }

        @Override
        public void skip(long n) throws IOException {
            channel.position(channel.position() + n);
        }

        @Override
        public Blob read(CodecInput in, int length) throws IOException {
            if (length < LEFT_FROM || !LEAVES_BLOBS) {
                return Blob.owning(in.readBytes(length));
            }
            long at = in.position();
            byte[] head = in.readBytes(Blob.HEAD);
            in.skip(length - Blob.HEAD);
            leftAny = true;
            return new FileBlob(this, at, length, head);
        }

        boolean leftAny() {
            return leftAny;
        }

        byte[] read(long at, int length) {
            byte[] bytes = new byte[length];
            ByteBuffer into = ByteBuffer.wrap(bytes);
            try {
                while (into.hasRemaining()) {
                    if (channel.read(into, at + into.position()) < 0) {
                        throw new EOFException("the file ends early");
                    }
                }
            } catch (IOException e) {
                throw new Unreadable(e);
            }
            return bytes;
        }
    }

    /** A blob left in a cache file. */
    private static final class FileBlob implements Blob {
        private final LeftInFile file;
        private final long at;
        private final int length;
        private final byte[] head;

        FileBlob(LeftInFile file, long at, int length, byte[] head) {
            this.file = file;
            this.at = at;
            this.length = length;
            this.head = head;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public byte[] head() {
            return head;
        }

        @Override
        public byte[] bytes() {
            return file.read(at, length);
        }

        @Override
        public String toString() {
            return "Blob[" + length + " bytes, left in the build cache]";
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
            // read into native memory: a heap buffer is read through a temporary native one and
            // copied again (265 MB of cache files at 10,000 articles, on every rebuild)
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 18);
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

    /**
     * Keeps {@code cache} for the next build into {@code out}; a failure only costs the next build its
     * speed. Of the segments, only those whose entries differ from {@code last}'s (the cache this
     * build started from, as loaded) or whose file is missing are written.
     *
     * @param articles how many articles the build built, written beside the cache for the launcher
     */
    static void save(Path project, String variant, Path out, BuildCache cache, BuildCache last, int articles,
            Consumer<String> notes) {
        Path file = file(project, variant);
        try {
            Files.createDirectories(file.getParent());
            String settings = settings(cache);
            // Parts kept under another configuration are written again even when their entries are
            // the same: the next build would not use them.
            boolean sameSettings = settings.equals(settings(last));
            List<Segment> now = segments(cache);
            List<Segment> before = segments(last);
            List<Integer> changed = IntStream.range(0, SEGMENTS)
                    .filter(n -> !sameSettings || !now.get(n).same(before.get(n))
                            || !Files.isRegularFile(segment(file, n)))
                    .boxed().toList();
            // Every file to write is encoded on every core at once: the main file (the written
            // pages' stamps, 3.7 MB at 10,000 articles), the postings, the changed segments (a
            // first build writes them all). Their order does not matter: each part is checked
            // against the configuration and keyed by what it was made from.
            List<Write> writes = new ArrayList<>();
            writes.add(() -> writeFile(file, data -> writeWhole(data, key(out), cache, cache.written())));
            Path postings = postings(file);
            if (cache.postings().isEmpty()) {
                Files.deleteIfExists(postings);
            } else if (!sameSettings || !cache.postings().equals(last.postings()) || !Files.isRegularFile(postings)) {
                writes.add(() -> writeFile(postings, data -> {
                    data.writeShortString(settings);
                    writePostings(data, cache.postings().get());
                }));
            }
            for (int n : changed) {
                writes.add(() -> writeFile(segment(file, n), data -> {
                    data.writeShortString(settings);
                    new RecordCodec.Writer(data, true).write(now.get(n));
                }));
            }
            // every write is over before a failure is reported (and the main file deleted for it)
            Queue<Exception> failures = new ConcurrentLinkedQueue<>();
            writes.parallelStream().forEach(write -> {
                try {
                    write.run();
                } catch (IOException | RuntimeException e) {
                    failures.add(e);
                }
            });
            Exception failed = failures.peek();
            if (failed instanceof IOException io) {
                throw io;
            } else if (failed instanceof RuntimeException e) {
                throw e;
            }
            Files.writeString(file.resolveSibling(CODE), codeFingerprint() + "\n" + articles + "\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            notes.accept("could not keep the build cache in " + FOLDER + "/ (" + e + "); the next build starts "
                    + "from scratch");
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do: a missing cache is a cold build
            }
        }
    }

    /** One cache file to write. */
    private interface Write {
        void run() throws IOException;
    }

    /** What a file's payload is written with. */
    private interface Body {
        void write(CodecOutput data) throws IOException;
    }

    /** Writes one cache file: header, payload, checksum, into a temporary file renamed over the old one. */
    private static void writeFile(Path file, Body body) throws IOException {
        // a name of its own: two builds of one project at once must not write into each other's
        Path temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
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
                body.write(data);
                data.flush();
                data.writeLong(crc.getValue());
                data.flush();
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The configuration a cache was made with, as a key its segments carry. */
    private static String settings(BuildCache cache) {
        return new Hashes().add(cache.config().map(config -> "config " + RecordText.of(config)).orElse("no config"))
                .hex();
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
     * every file in it. Computed once per process. A jar's CRC is over its entries' names, sizes and
     * CRC-32s as its central directory lists them (the zip format keeps a checksum of every entry),
     * read from the end of the jar: reading and checksumming the whole jar (21 MB) took 40 ms of every
     * build.
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
            if (Files.isRegularFile(where)) {
                made = Files.size(where) + ":" + Long.toHexString(entriesCrc(where));
            } else {
                CRC32C crc = new CRC32C();
                long size = 0;
                try (Stream<Path> walk = Files.walk(where)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        byte[] bytes = Files.readAllBytes(f);
                        crc.update(where.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        crc.update(bytes);
                        size += bytes.length;
                    }
                }
                made = size + ":" + Long.toHexString(crc.getValue());
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown code cannot vouch for a cache: a fresh value per process never matches a saved one.
            made = "unknown-" + System.nanoTime();
        }
        code = Optional.of(made);
        return made;
    }

    /**
     * The CRC32C of a jar's central directory (the zip format's list of entries, each with its
     * name, sizes and CRC-32; PKWARE APPNOTE 4.3.12), found through the end-of-central-directory
     * record at the end of the file (4.3.16); of the whole file when it has none that fits.
     */
    static long entriesCrc(Path jar) throws IOException {
        final int endRecord = 22;
        final int signature = 0x06054b50;
        CRC32C crc = new CRC32C();
        try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(size, endRecord + 0xFFFF);
            ByteBuffer end = readAt(channel, size - tail, tail).order(ByteOrder.LITTLE_ENDIAN);
            // the record ends the file but for its comment, whose length it gives: a comment
            // holding the signature is not taken for it
            for (int at = tail - endRecord; at >= 0; at--) {
                if (end.getInt(at) == signature && (end.getShort(at + 20) & 0xFFFF) == tail - at - endRecord) {
                    long length = end.getInt(at + 12) & 0xFFFFFFFFL;
                    long start = end.getInt(at + 16) & 0xFFFFFFFFL;
                    if (start + length <= size - tail + at && length < Integer.MAX_VALUE) {
                        crc.update(readAt(channel, start, (int) length));
                        return crc.getValue();
                    }
                }
            }
            crc.update(readAt(channel, 0, (int) Math.min(size, Integer.MAX_VALUE)));
            return crc.getValue();
        }
    }

    private static ByteBuffer readAt(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, at + bytes.position()) < 0) {
                throw new EOFException("the file ends early");
            }
        }
        return bytes.flip();
    }
}

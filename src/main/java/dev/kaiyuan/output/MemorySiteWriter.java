package dev.kaiyuan.output;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the site in memory, for the preview server, each file packed ({@link PackedFile}: gzip, as
 * it is sent to a browser), its bytes in the heap or, for a large site, in a {@link PackFolder}.
 * Each {@link #open} collects a complete new
 * snapshot and its commit swaps it in with one atomic reference update, so a reader sees either the
 * whole previous site or the whole new one, never a half-written page. A build that fails never
 * commits, so the last good site stays.
 *
 * <p>The snapshot map is unmodifiable, and holds the files as they were packed when put: a file kept from
 * the last snapshot ({@link SiteOutput#keep}), or put again with the same bytes, is the same {@link
 * PackedFile}, so an unchanged page's bytes are in memory once however many builds keep it.
 *
 * <p>A file's stamp here is its size and the number of the put that gave it, not a time: so the
 * stamp a build recorded for a file it put matches only as long as the current site holds that very
 * file, and never a file of a build that was not committed. Each writer counts from a random
 * number, so a stamp recorded with another writer (a cache passed to the wrong one) matches
 * nothing either: the two writers' numbers would have to overlap, odds of about one in 10^13 with
 * a million puts each.
 *
 * <p>With a folder, the held bytes stay until {@link #keepBytesOnlyOf} says which files are still
 * needed: the preview says so once it serves a new site, naming the files of that site and of the
 * one before it (a request may still be sending one of those). Bytes put by a build that never
 * committed are needed by neither. A file whose bytes are in a pack file that is mostly unneeded
 * bytes is held again when this writer keeps it, or puts it again with the same bytes.
 */
public final class MemorySiteWriter implements SiteWriter {
    /** The committed site: its files by path, and the stamp each was put or kept with. */
    private record Site(Map<String, PackedFile> files, Map<String, FileStamp> stamps) {
    }

    private final AtomicReference<Site> current = new AtomicReference<>(new Site(Map.of(), Map.of()));
    /** The last number a put gave its file, across every snapshot of this writer. */
    private final AtomicLong puts = new AtomicLong(new SecureRandom().nextLong());
    private final @Nullable PackFolder folder;
    /** Outputs open and not yet committed or closed: bytes are dropped only while there are none. */
    private final AtomicInteger open = new AtomicInteger();

    /** A writer that holds every file's bytes in the heap. */
    public MemorySiteWriter() {
        this.folder = null;
    }

    /** A writer that holds every file's bytes in {@code folder} (which it does not close). */
    public MemorySiteWriter(PackFolder folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    @Override
    public SiteOutput open() {
        Site last = current.get();
        open.incrementAndGet();
        return new SiteOutput() {
            private final Map<String, PackedFile> next = new TreeMap<>();
            private final Map<String, FileStamp> stamps = new HashMap<>();
            private boolean done;

            @Override
            public void put(OutputFile file) throws IOException {
                // packed on the thread that made the file: pages are put from every core; a file
                // made again as it was is the last site's, packed once
                PackedFile packed = PackedFile.of(file, last.files().get(file.path()), folder);
                add(packed, new FileStamp(packed.size(), puts.incrementAndGet()));
            }

            @Override
            public synchronized boolean keep(String path, FileStamp written) throws IOException {
                PackedFile file = last.files().get(path);
                if (file == null || !written.equals(last.stamps().get(path))) {
                    return false;
                }
                add(folder == null ? file : file.repackedIn(folder), written);
                return true;
            }

            private synchronized void add(PackedFile file, FileStamp stamp) throws IOException {
                if (done) {
                    throw new IOException("the site was already committed or closed");
                }
                if (next.put(file.path(), file) != null) {
                    throw new IOException("two files for one path: " + file.path());
                }
                stamps.put(file.path(), stamp);
            }

            @Override
            public synchronized void commit() throws IOException {
                if (done) {
                    throw new IOException("the site was already committed or closed");
                }
                done = true;
                current.set(new Site(Collections.unmodifiableMap(next), Collections.unmodifiableMap(stamps)));
                open.decrementAndGet();
            }

            @Override
            public synchronized Map<String, FileStamp> stamps() {
                return Map.copyOf(stamps);
            }

            @Override
            public synchronized void close() {
                if (!done) {
                    open.decrementAndGet();
                }
                done = true;
            }
        };
    }

    /**
     * With a folder, lets it drop the bytes of every file but {@code needed} (see {@link
     * PackFolder#keepOnly}); nothing while an output is open, whose files are not among them. The
     * files of the last committed site must be among them: the next build keeps files from it.
     */
    public void keepBytesOnlyOf(Collection<PackedFile> needed) throws IOException {
        if (folder == null || open.get() > 0) {
            return;
        }
        Set<PackFolder.Location> locations = new HashSet<>();
        for (PackedFile file : needed) {
            PackFolder.Location location = file.location();
            if (location != null) {
                locations.add(location);
            }
        }
        folder.keepOnly(locations);
    }

    /** The last written site by path ({@code articles/x/index.html}); empty before the first write. */
    public Map<String, PackedFile> snapshot() {
        return current.get().files();
    }
}

package dev.kaiyuan.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A folder that holds the bytes of packed files ({@link PackedFile}) instead of the heap, one
 * after another in pack files of about {@value #PACK_SIZE} bytes. The preview keeps a large site's
 * pages here: at 100,000 articles they are about a gigabyte gzipped, which the heap would otherwise
 * hold and the collector trace on every rebuild (BENCHMARKS.md, "Twentieth session"). Pack files
 * rather than a file per page: 266,000 small files would take half again their size in blocks.
 *
 * <p>Bytes are only ever appended. Which are still needed is for the writer to say ({@link
 * #keepOnly}): a pack file nothing needs is deleted, and one that is mostly unneeded bytes is
 * marked {@link #sparse}, so that the next build writes the files it still holds again, into the
 * newest pack file, and it is deleted in turn.
 *
 * <p>The folder is {@code serve-*} in the folder given (the project's {@code .kaiyuan/}), locked
 * while it is used and deleted when closed. A folder of a preview that could not delete it (killed)
 * is deleted by the next one to open: its lock is gone with its process. A new folder is made and
 * locked under another name first ({@code .serve-new-*}), so that no other preview ever sees it
 * unlocked.
 */
public final class PackFolder implements AutoCloseable {
    static final String PREFIX = "serve-";
    static final long PACK_SIZE = 64L << 20;
    private static final String LOCK = "lock";
    private static final String STAGING = ".serve-new-";
    /** A staging folder this old was left by a preview that died while making it. */
    private static final Duration ABANDONED_STAGING = Duration.ofMinutes(10);
    /**
     * The folders this JVM holds. File locks belong to the process, and closing any channel to a
     * locked file releases them (POSIX), so a folder of this JVM's own must not be probed.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    /** One pack file: contents appended one after another, read at their offsets from any thread. */
    static final class Pack {
        final Path file;
        final FileChannel channel;
        /** Bytes given out so far (written, or being written); guarded by the folder. */
        long size;
        /** Most of its bytes are no longer needed: what is still needed moves out at the next build. */
        volatile boolean sparse;

        Pack(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    /** Where one held content is: its pack file, offset and length. */
    record Location(Pack pack, long offset, int length) {
    }

    private final Path folder;
    private final long packSize;
    private final FileChannel lockFile;
    /** Every pack file not deleted, oldest first; the last one is written to. Guarded by this. */
    private final List<Pack> packs = new ArrayList<>();
    /** The number of the next pack file; guarded by this. */
    private int nextPack;
    /** Set by {@link #close}: no more pack files are made. Guarded by this. */
    private boolean closed;

    /** @param lockFile the channel that holds the folder's lock, until it is closed */
    private PackFolder(Path folder, long packSize, FileChannel lockFile) {
        this.folder = folder;
        this.packSize = packSize;
        this.lockFile = lockFile;
    }

    /**
     * Makes a new folder in {@code parent} (created if need be), after deleting the folders there
     * that no running preview holds.
     */
    public static PackFolder open(Path parent) throws IOException {
        return open(parent, PACK_SIZE);
    }

    static PackFolder open(Path parent, long packSize) throws IOException {
        Files.createDirectories(parent);
        deleteAbandoned(parent);
        Path staging = Files.createTempDirectory(parent, STAGING);
        FileChannel lockFile = FileChannel.open(staging.resolve(LOCK), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try {
            lockFile.lock();
            Path folder = parent.resolve(PREFIX + staging.getFileName().toString().substring(STAGING.length()));
            HELD_HERE.add(folder);
            try {
                // the lock is the file's, not its name's: it holds across the move
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                HELD_HERE.remove(folder);
                throw e;
            }
            return new PackFolder(folder, packSize, lockFile);
        } catch (IOException | RuntimeException e) {
            lockFile.close();
            DiskSiteWriter.deleteTree(staging);
            throw e;
        }
    }

    /**
     * Deletes the {@code serve-*} folders in {@code parent} whose lock no process holds, and the
     * staging folders left by a preview that died while making its folder.
     */
    private static void deleteAbandoned(Path parent) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder) && !HELD_HERE.contains(folder) && !locked(folder.resolve(LOCK))) {
                    DiskSiteWriter.deleteTree(folder);
                }
            }
        }
        Instant old = Instant.now().minus(ABANDONED_STAGING);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, STAGING + "*")) {
            for (Path folder : folders) {
                if (Files.getLastModifiedTime(folder).toInstant().isBefore(old)) {
                    DiskSiteWriter.deleteTree(folder);
                }
            }
        }
    }

    private static boolean locked(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very process
        } catch (NoSuchFileException e) {
            return false; // its preview deleted the lock and stopped before deleting the rest
        } catch (IOException e) {
            return true; // cannot tell: leave it
        }
    }

    /** The folder's path. */
    public Path path() {
        return folder;
    }

    /** Holds {@code bytes}, appended to the newest pack file; may be called from any thread. */
    Location hold(byte[] bytes) throws IOException {
        Location location = reserve(bytes.length);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            location.pack().channel.write(buffer, location.offset() + buffer.position());
        }
        return location;
    }

    /** Gives out the next {@code length} bytes of the newest pack file (a new one when it is full). */
    private synchronized Location reserve(int length) throws IOException {
        if (closed) {
            throw new IOException("the preview is stopping: " + folder + " is closed");
        }
        Pack last = packs.isEmpty() ? null : packs.get(packs.size() - 1);
        if (last == null || last.size > 0 && last.size + length > packSize) {
            Path file = folder.resolve(String.format("%06d.pack", nextPack++));
            // someone may have deleted .kaiyuan/ (which the README says is safe): the packs open
            // still read, and new ones go into the folder made again
            Files.createDirectories(folder);
            last = new Pack(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
            packs.add(last);
        }
        Location location = new Location(last, last.size, length);
        last.size += length;
        return location;
    }

    /** The held bytes at {@code location}. */
    static byte[] read(Location location) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(location.length());
        while (buffer.hasRemaining()) {
            if (location.pack().channel.read(buffer, location.offset() + buffer.position()) < 0) {
                throw new IOException("pack file " + location.pack() + " ends before its content does");
            }
        }
        return buffer.array();
    }

    /** Writes the held bytes at {@code location} to {@code out}. */
    static void writeTo(Location location, OutputStream out) throws IOException {
        out.write(read(location));
    }

    /** Whether what is at {@code location} is to move to the newest pack file. */
    static boolean sparse(Location location) {
        return location.pack().sparse;
    }

    /**
     * Deletes the pack files that hold none of {@code needed}, and marks those where they are less
     * than half of the bytes {@link #sparse}. The newest pack file, still written to, stays as it is.
     */
    synchronized void keepOnly(Collection<Location> needed) throws IOException {
        Map<Pack, Long> live = new IdentityHashMap<>();
        for (Location location : needed) {
            live.merge(location.pack(), (long) location.length(), Long::sum);
        }
        List<Pack> kept = new ArrayList<>();
        for (int i = 0; i < packs.size(); i++) {
            Pack pack = packs.get(i);
            long bytes = live.getOrDefault(pack, 0L);
            if (i == packs.size() - 1) {
                kept.add(pack);
            } else if (bytes == 0) {
                pack.channel.close();
                Files.deleteIfExists(pack.file);
            } else {
                pack.sparse = bytes * 2 < pack.size;
                kept.add(pack);
            }
        }
        packs.clear();
        packs.addAll(kept);
    }

    /** Deletes the folder with everything in it, and releases its lock; no pack file is made after. */
    @Override
    public void close() throws IOException {
        try {
            synchronized (this) {
                closed = true;
                for (Pack pack : packs) {
                    closeQuietly(pack.channel);
                }
                packs.clear();
            }
            DiskSiteWriter.deleteTree(folder);
        } finally {
            // deleted first, lock last: no other preview deletes the folder while this one does
            closeQuietly(lockFile);
            HELD_HERE.remove(folder);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close(); // releases its lock too
        } catch (IOException e) {
            // nothing more to do with it
        }
    }
}

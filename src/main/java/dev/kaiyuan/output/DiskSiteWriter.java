package dev.kaiyuan.output;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes the site beside the output folder first ({@code .NAME.kaiyuan-new}), file by file as the
 * build makes them, then swaps it in with two renames. Until the swap the old site is untouched, so
 * a build that fails — or is killed — while writing leaves the last good site exactly as it was.
 *
 * <p>A file whose bytes equal the current site's file at the same path is not written again: the
 * current file is hard-linked into the new site (copied with its times where links are not
 * possible), so it keeps its modification time and a deploy that syncs by time or content uploads
 * only what changed. Files no build output names are simply not carried over.
 */
public final class DiskSiteWriter implements SiteWriter {
    private final Path out;
    private final boolean clearLater;
    /** The removal of the site the last commit replaced, until it is waited for (only with {@code clearLater}). */
    private final AtomicReference<Optional<FutureTask<Void>>> clearing = new AtomicReference<>(Optional.empty());

    public DiskSiteWriter(Path out) {
        this(out, false);
    }

    /**
     * @param clearLater whether a commit leaves removing the replaced site to a thread of its own,
     *                   for {@link #finish} to wait for: the caller can meanwhile do other work (a
     *                   rebuild keeps its cache), instead of waiting for tens of thousands of
     *                   unlinks. The new site is in place either way when the commit returns.
     */
    public DiskSiteWriter(Path out, boolean clearLater) {
        this.out = out.toAbsolutePath().normalize();
        this.clearLater = clearLater;
    }

    /**
     * Waits until the site a commit replaced is removed, when that is still under way.
     *
     * @throws IOException when it could not be removed
     */
    public void finish() throws IOException {
        Optional<FutureTask<Void>> running = clearing.getAndSet(Optional.empty());
        if (running.isEmpty()) {
            return;
        }
        try {
            running.get().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while removing the replaced site");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io
                    : new IOException("could not remove the replaced site: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public SiteOutput open() throws IOException {
        finish();
        Path parent = out.getParent();
        if (parent == null) {
            throw new IOException("refusing to replace a file-system root: " + out);
        }
        Files.createDirectories(parent);
        Path fresh = parent.resolve("." + out.getFileName() + ".kaiyuan-new");
        Path old = parent.resolve("." + out.getFileName() + ".kaiyuan-old");
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
            // A build killed between the two renames of its commit: the last good site comes back.
            Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(fresh);
        deleteTree(old);
        Files.createDirectories(fresh);
        return new Staged(fresh, old);
    }

    /** The new site in its staging folder. */
    private final class Staged implements SiteOutput {
        private final Path fresh;
        private final Path old;
        private final boolean current;
        private final Map<String, FileStamp> stamps = new ConcurrentHashMap<>();
        private final Set<Path> folders = ConcurrentHashMap.newKeySet();
        private volatile boolean committed;
        private volatile boolean closed;

        Staged(Path fresh, Path old) {
            this.fresh = fresh;
            this.old = old;
            this.current = Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public void put(OutputFile file) throws IOException {
            Path target = claim(file.path());
            byte[] bytes = file.bytes();
            Optional<Path> same = current ? sameFile(out.resolve(file.path()), bytes) : Optional.empty();
            if (same.isPresent()) {
                link(same.get(), target);
            } else {
                Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            stamps.put(file.path(), stamp(target));
        }

        @Override
        public boolean keep(String path, FileStamp written) throws IOException {
            if (!current) {
                return false;
            }
            Path existing = out.resolve(path).normalize();
            if (!existing.startsWith(out) || !stamp(existing, written)) {
                return false;
            }
            Path target = claim(path);
            link(existing, target);
            stamps.put(path, stamp(target));
            return true;
        }

        /** The staging path of a new file, its folder made; fails for a path outside the site or put twice. */
        private Path claim(String path) throws IOException {
            if (closed || committed) {
                throw new IOException("the site was already committed or closed");
            }
            Path target = fresh.resolve(path).normalize();
            if (!target.startsWith(fresh)) {
                throw new IOException("refusing to write outside the site: " + path);
            }
            if (stamps.putIfAbsent(path, new FileStamp(0, 0)) != null) {
                throw new IOException("two files for one path: " + path);
            }
            // createDirectories on a folder that exists costs a failed mkdir and an exception, and
            // 10,000 text scripts share one folder: 0.2 s of a CI rebuild at 10,000 articles.
            Path folder = target.getParent();
            if (!folders.contains(folder)) {
                Files.createDirectories(folder);
                folders.add(folder);
            }
            return target;
        }

        @Override
        public Map<String, FileStamp> stamps() {
            return new TreeMap<>(stamps);
        }

        @Override
        public void commit() throws IOException {
            if (closed || committed) {
                throw new IOException("the site was already committed or closed");
            }
            if (Files.exists(out)) {
                Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, out, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            if (!clearLater) {
                deleteTree(old);
                return;
            }
            FutureTask<Void> removal = new FutureTask<>(() -> {
                deleteTree(old);
                return null;
            });
            clearing.set(Optional.of(removal));
            new Thread(removal, "kaiyuan-clear-old-site").start();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                if (!committed) {
                    deleteTree(fresh);
                }
            }
        }
    }

    /** The current site's file when it holds exactly {@code bytes}: sizes first, then contents. */
    private static Optional<Path> sameFile(Path existing, byte[] bytes) throws IOException {
        Optional<BasicFileAttributes> attrs = attributes(existing);
        if (attrs.isEmpty() || !attrs.get().isRegularFile() || attrs.get().size() != bytes.length) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(existing)) {
            return Arrays.equals(in.readNBytes(bytes.length + 1), bytes) ? Optional.of(existing) : Optional.empty();
        }
    }

    /** Links (or, where the file system cannot, copies with its times) an existing file to a new path. */
    private static void link(Path existing, Path target) throws IOException {
        try {
            Files.createLink(target, existing);
        } catch (UnsupportedOperationException | IOException e) {
            Files.deleteIfExists(target);
            Files.copy(existing, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static boolean stamp(Path existing, FileStamp expected) {
        return attributes(existing).filter(a -> a.isRegularFile() && stampOf(a).equals(expected)).isPresent();
    }

    private static FileStamp stamp(Path file) throws IOException {
        return stampOf(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    private static FileStamp stampOf(BasicFileAttributes attrs) {
        return new FileStamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    private static Optional<BasicFileAttributes> attributes(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

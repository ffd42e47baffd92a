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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Writes a site into its output folder so that a build that fails, or is killed, while writing
 * leaves the last good site as it was. Into a folder that holds a site, only what changed is written:
 * each changed or new file goes to a staging folder beside it ({@code .NAME.kaiyuan-new}), and the
 * commit moves those into place and removes what the new site no longer has (see {@link Updated}). A
 * file whose bytes equal the current one's, or that the build keeps unmade, is not touched: it keeps
 * its modification time, and a deploy that syncs by time or content uploads only what changed. A
 * first build writes the whole site into the staging folder and renames it into place.
 */
public final class DiskSiteWriter implements SiteWriter {
    private final Path out;

    public DiskSiteWriter(Path out) {
        this.out = out.toAbsolutePath().normalize();
    }

    @Override
    public SiteOutput open() throws IOException {
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
        return Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS) ? new Updated(fresh) : new Staged(fresh, old);
    }

    /**
     * What both kinds of new site keep: each file's stamp as it was put or kept, and whether the
     * site was committed or closed. A path is claimed once; a second claim is a bug.
     */
    private abstract static class Claims implements SiteOutput {
        final Map<String, FileStamp> stamps = new ConcurrentHashMap<>();
        volatile boolean committed;
        volatile boolean closed;

        /** {@code path} resolved in {@code root}; fails after the commit, outside {@code root}, or for a path put twice. */
        Path claim(Path root, String path) throws IOException {
            ensureOpen();
            Path target = root.resolve(path).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                throw new IOException("refusing to write outside the site: " + path);
            }
            if (stamps.putIfAbsent(path, new FileStamp(0, 0)) != null) {
                throw new IOException("two files for one path: " + path);
            }
            return target;
        }

        /** Fails once the site was committed or closed. */
        void ensureOpen() throws IOException {
            if (closed || committed) {
                throw new IOException("the site was already committed or closed");
            }
        }

        @Override
        public Map<String, FileStamp> stamps() {
            return new TreeMap<>(stamps);
        }
    }

    /**
     * A new site as changes to the current one: a file whose bytes changed (or that is new) is
     * written to the staging folder, a kept or unchanged file is left where it is, and the commit
     * moves the changed files into place and removes what the new site does not have, as
     * {@code rsync --delay-updates} does. Building a whole new tree instead (a hard link per kept
     * file, a folder per article) and removing the old one cost a rebuild at 10,000 articles half a
     * second of system time for fifty changed files. Until the commit the current site is untouched;
     * a build killed during the commit's few moves leaves some files new, which the next build, whose
     * cache still has their old stamps, writes again.
     */
    private final class Updated extends Claims {
        private final Path fresh;
        /** Paths of the files in the staging folder, to move into place. */
        private final Set<String> changed = ConcurrentHashMap.newKeySet();
        private final Set<Path> folders = ConcurrentHashMap.newKeySet();

        Updated(Path fresh) {
            this.fresh = fresh;
        }

        @Override
        public void put(OutputFile file) throws IOException {
            Path current = claim(out, file.path());
            byte[] bytes = file.bytes();
            Optional<BasicFileAttributes> same = sameFile(current, bytes);
            if (same.isPresent()) {
                stamps.put(file.path(), stampOf(same.get()));
                return;
            }
            Path staged = fresh.resolve(file.path());
            Path folder = staged.getParent();
            if (!folders.contains(folder)) {
                Files.createDirectories(folder);
                folders.add(folder);
            }
            Files.write(staged, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            changed.add(file.path());
            stamps.put(file.path(), stamp(staged));
        }

        @Override
        public boolean keep(String path, FileStamp written) throws IOException {
            Path existing = out.resolve(path).normalize();
            if (!existing.startsWith(out) || !stamp(existing, written)) {
                return false;
            }
            claim(out, path);
            stamps.put(path, written);
            return true;
        }

        @Override
        public void commit() throws IOException {
            ensureOpen();
            for (Path gone : notInNewSite()) {
                deleteTree(gone);
            }
            Set<Path> made = new java.util.HashSet<>();
            for (String path : new java.util.TreeSet<>(changed)) {
                Path target = out.resolve(path);
                Path folder = target.getParent();
                if (made.add(folder) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(folder);
                }
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    // a folder of the current site where the new one has a file
                    deleteTree(target);
                }
                Files.move(fresh.resolve(path), target, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            committed = true;
            deleteTree(fresh);
        }

        /**
         * What the current site has that the new one does not: in every folder of the new site, each
         * entry that is neither one of its files nor one of its folders (listed on every core: a large
         * site has a folder per article). A folder of the new site that is a file on disk goes too.
         */
        private List<Path> notInNewSite() throws IOException {
            Set<String> newFolders = new java.util.HashSet<>();
            newFolders.add("");
            for (String path : stamps.keySet()) {
                for (int slash = path.lastIndexOf('/'); slash > 0 && newFolders.add(path.substring(0, slash));
                        slash = path.lastIndexOf('/', slash - 1)) {
                    // each folder up to one already known
                }
            }
            java.util.Queue<Path> gone = new java.util.concurrent.ConcurrentLinkedQueue<>();
            try {
                newFolders.parallelStream().forEach(folder -> {
                    Path dir = folder.isEmpty() ? out : out.resolve(folder);
                    try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                        for (Path entry : entries) {
                            String name = entry.getFileName().toString();
                            String path = folder.isEmpty() ? name : folder + "/" + name;
                            if (!stamps.containsKey(path) && !newFolders.contains(path)) {
                                gone.add(entry);
                            }
                        }
                    } catch (java.nio.file.NoSuchFileException e) {
                        // a folder the new site adds
                    } catch (java.nio.file.NotDirectoryException e) {
                        gone.add(dir);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            return List.copyOf(gone);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                deleteTree(fresh);
            }
        }
    }

    /** A first site, whole in its staging folder until the commit renames it into place. */
    private final class Staged extends Claims {
        private final Path fresh;
        private final Path old;
        private final Set<Path> folders = ConcurrentHashMap.newKeySet();

        Staged(Path fresh, Path old) {
            this.fresh = fresh;
            this.old = old;
        }

        @Override
        public void put(OutputFile file) throws IOException {
            Path target = staged(file.path());
            Files.write(target, file.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            stamps.put(file.path(), stamp(target));
        }

        /** The staging path of a new file, its folder made. */
        private Path staged(String path) throws IOException {
            Path target = claim(fresh, path);
            // createDirectories on a folder that exists costs a failed mkdir and an exception, and
            // 10,000 text scripts share one folder.
            Path folder = target.getParent();
            if (!folders.contains(folder)) {
                Files.createDirectories(folder);
                folders.add(folder);
            }
            return target;
        }

        @Override
        public void commit() throws IOException {
            ensureOpen();
            // Something that is not a folder (a file, a link) in the output folder's place is set aside.
            if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, out, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            deleteTree(old);
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

    /**
     * The attributes of the current site's file when it holds exactly {@code bytes}: sizes first, then
     * contents.
     */
    private static Optional<BasicFileAttributes> sameFile(Path existing, byte[] bytes) throws IOException {
        Optional<BasicFileAttributes> attrs = attributes(existing);
        if (attrs.isEmpty() || !attrs.get().isRegularFile() || attrs.get().size() != bytes.length) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(existing)) {
            return Arrays.equals(in.readNBytes(bytes.length + 1), bytes) ? attrs : Optional.empty();
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

package dev.kaiyuan.output;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes a site into its output folder so that a build that fails, or is killed, before its commit
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
            return Map.copyOf(stamps);
        }
    }

    /**
     * A new site as changes to the current one: a file whose bytes changed (or that is new) is
     * written to the staging folder, a kept or unchanged file is left where it is, and the commit
     * moves the changed files into place and removes what the new site does not have, as
     * {@code rsync --delay-updates} does. Building a whole new tree instead (a hard link per kept
     * file, a folder per article) and removing the old one cost a rebuild at 10,000 articles half a
     * second of system time for fifty changed files. Until the commit the current site is untouched.
     * The commit moves files one by one (fifty for a new article, every page after a theme change):
     * a build killed there, or an I/O error, leaves some files new and some old, which the next build,
     * whose cache still has the old stamps, puts right.
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

        /**
         * Moves the changed files into place, then removes what the new site does not have. A folder
         * of the new site that is not a real folder on disk (a symbolic link, a file) is replaced
         * first: the files kept under a link are copied into the staging folder through it, and the
         * link itself is removed, so that nothing outside the site is ever written or removed.
         */
        @Override
        public void commit() throws IOException {
            ensureOpen();
            Set<String> newFolders = newFolders();
            for (String folder : notRealFolders(newFolders)) {
                String under = folder + "/";
                for (String path : new TreeSet<>(stamps.keySet())) {
                    if (path.startsWith(under) && changed.add(path)) {
                        Path staged = fresh.resolve(path);
                        Files.createDirectories(staged.getParent());
                        Files.copy(out.resolve(path), staged, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
                deleteTree(out.resolve(folder));
            }
            Set<Path> made = new HashSet<>();
            for (String path : new TreeSet<>(changed)) {
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
            removeWhatIsGone(newFolders);
            deleteTree(fresh);
        }

        /** Every folder of the new site, "" for its top. */
        private Set<String> newFolders() {
            Set<String> newFolders = new HashSet<>();
            newFolders.add("");
            for (String path : stamps.keySet()) {
                for (int slash = path.lastIndexOf('/'); slash > 0 && newFolders.add(path.substring(0, slash));
                        slash = path.lastIndexOf('/', slash - 1)) {
                    // each folder up to one already known
                }
            }
            return newFolders;
        }

        /**
         * The folders of the new site that exist on disk as something else than a folder (looked at
         * without following links, on every core), outermost first; a folder under one of them is
         * left out, since it is reached through it.
         */
        private List<String> notRealFolders(Set<String> newFolders) {
            List<String> found = newFolders.parallelStream().filter(folder -> !folder.isEmpty())
                    .filter(folder -> attributes(out.resolve(folder)).filter(a -> !a.isDirectory()).isPresent())
                    .sorted(Comparator.comparingInt(String::length).thenComparing(f -> f)).toList();
            List<String> outermost = new ArrayList<>();
            for (String folder : found) {
                if (outermost.stream().noneMatch(o -> folder.startsWith(o + "/"))) {
                    outermost.add(folder);
                }
            }
            return outermost;
        }

        /**
         * Removes what the current site has that the new one does not: in every folder of the new
         * site (all real folders by now), each entry that is neither one of its files nor one of its
         * folders, listed on every core (a large site has a folder per article). Where the file
         * system ignores case, an entry the new site has under another case is renamed, not removed.
         */
        private void removeWhatIsGone(Set<String> newFolders) throws IOException {
            Queue<String> gone = new ConcurrentLinkedQueue<>();
            try {
                newFolders.parallelStream().forEach(folder -> {
                    Path dir = folder.isEmpty() ? out : out.resolve(folder);
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                        for (Path entry : entries) {
                            String name = entry.getFileName().toString();
                            String path = folder.isEmpty() ? name : folder + "/" + name;
                            if (!stamps.containsKey(path) && !newFolders.contains(path)) {
                                gone.add(path);
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (gone.isEmpty()) {
                return;
            }
            Map<String, String> byLowerCase = new HashMap<>();
            if (ignoresCase()) {
                for (String path : stamps.keySet()) {
                    byLowerCase.put(path.toLowerCase(Locale.ROOT), path);
                }
                for (String folder : newFolders) {
                    byLowerCase.put(folder.toLowerCase(Locale.ROOT), folder);
                }
            }
            // outermost first: a folder renamed for its case is then listed under its new name
            for (String path : gone.stream().sorted(Comparator.comparingInt(String::length)).toList()) {
                String kept = byLowerCase.get(path.toLowerCase(Locale.ROOT));
                Path entry = out.resolve(path);
                if (kept == null) {
                    deleteTree(entry);
                } else if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                    // the same entry under the new site's case: renamed in two steps, since a
                    // rename that only changes case is not one to a file system that ignores it
                    Path step = entry.resolveSibling(".kaiyuan-case-" + entry.getFileName());
                    Files.move(entry, step);
                    Files.move(step, out.resolve(kept));
                }
            }
        }

        /** Whether the file system of the staging folder takes names that differ only in case as one. */
        private boolean ignoresCase() throws IOException {
            Path probe = Files.createFile(fresh.resolve(".kaiyuan-case-probe"));
            try {
                return Files.exists(fresh.resolve(".KAIYUAN-CASE-PROBE"));
            } finally {
                Files.delete(probe);
            }
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

package dev.kaiyuan.output;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
    /**
     * How long before a commit starts a folder's status must last have changed for the commit to
     * vouch for the folder's stamp: wider than the tick of any file system's clock (2 s on FAT, a
     * few milliseconds on ext4), so that nothing done to the folder after the commit started can
     * leave it the same change time (git's "racily clean" entries, the same margin as for seeds).
     */
    static final long MARGIN_NANOS = 3_000_000_000L;

    private final Path out;
    private final Set<String> lastFiles;
    private final Map<String, FolderStamp> lastFolders;

    public DiskSiteWriter(Path out) {
        this(out, Set.of(), Map.of());
    }

    /**
     * A writer that knows what the last commit left in {@code out}.
     *
     * @param lastFiles   every file of the site the last build committed to {@code out} (not copied:
     *                    it must not change)
     * @param lastFolders the folder stamps that commit vouched for ({@link SiteOutput#folders}): a
     *                    folder that has its stamp holds that site's entries and is not listed
     */
    public DiskSiteWriter(Path out, Set<String> lastFiles, Map<String, FolderStamp> lastFolders) {
        this.out = followed(out.toAbsolutePath().normalize());
        this.lastFiles = lastFiles;
        this.lastFolders = Map.copyOf(lastFolders);
    }

    /**
     * {@code out}, or where it leads when it is a link to a folder (a web server's folder): the site
     * is written there, not in a folder that replaces the link. The new site is staged beside it.
     */
    private static Path followed(Path out) {
        if (Files.isSymbolicLink(out) && Files.isDirectory(out)) {
            try {
                return out.toRealPath();
            } catch (IOException e) {
                return out; // gone meanwhile: open() sees what is there
            }
        }
        return out;
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
            Path target = inside(root, path)
                    .orElseThrow(() -> new IOException("refusing to write outside the site: " + path));
            record(path, new FileStamp(0, 0));
            return target;
        }

        /** {@code path} resolved in {@code root}, or empty when that is {@code root} itself or outside it. */
        static Optional<Path> inside(Path root, String path) {
            Path target = root.resolve(path).normalize();
            return target.startsWith(root) && !target.equals(root) ? Optional.of(target) : Optional.empty();
        }

        /** Records {@code path}'s stamp for a file of the new site; fails after the commit or for a path put twice. */
        void record(String path, FileStamp stamp) throws IOException {
            ensureOpen();
            if (stamps.putIfAbsent(path, stamp) != null) {
                throw new IOException("two files for one path: " + path);
            }
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
        /** Set by the commit: the folders the next commit may take as they are. */
        private volatile Map<String, FolderStamp> vouched = Map.of();

        Updated(Path fresh) {
            this.fresh = fresh;
        }

        @Override
        public void put(OutputFile file) throws IOException {
            Path current = claim(out, file.path());
            Optional<BasicFileAttributes> same = sameFile(current, file);
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
            writeNew(staged, file);
            changed.add(file.path());
            stamps.put(file.path(), stamp(staged));
        }

        @Override
        public boolean keep(String path, FileStamp written) throws IOException {
            Optional<Path> existing = inside(out, path);
            if (existing.isEmpty() || !stamp(existing.get(), written)) {
                return false;
            }
            record(path, written);
            return true;
        }

        /**
         * Moves the changed files into place, then removes what the new site does not have. A folder
         * of the new site that is not a real folder on disk (a symbolic link, a file) is replaced
         * first: the files kept under a link are copied into the staging folder through it, and the
         * link itself is removed, so that nothing outside the site is ever written or removed.
         *
         * <p>Each folder of the new site is looked at before anything is moved. One whose status
         * changed more than {@link #MARGIN_NANOS} before the commit started (by the clock of the
         * file system: a file made in the staging folder tells it), and that the commit leaves as
         * it was, is vouched for with the stamp it had: whenever it has that stamp, it holds exactly
         * this site's entries (a snapshot of it taken then, restored later, included), since
         * anything done to it afterwards gives it a later change time, which a coarse clock cannot
         * round back to the one vouched for (unless the clock is set back by more than the margin).
         * On a file system that ignores case nothing is vouched for, and every folder is listed as
         * before: an entry whose name the new site has in another case is renamed from the listing.
         */
        @Override
        public void commit() throws IOException {
            ensureOpen();
            Probe probe = probe();
            Set<String> newFolders = newFolders();
            Map<String, Folder> before = folders(newFolders);
            // every folder whose entries this commit adds, removes or renames, and those above them
            Set<String> touched = new HashSet<>();
            for (String folder : notRealFolders(before)) {
                addWithFoldersAbove(folder, touched);
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
            changed.forEach(path -> addWithFoldersAbove(path, touched));
            committed = true;
            removeWhatIsGone(newFolders, before, probe).forEach(path -> addWithFoldersAbove(path, touched));
            vouched = vouched(before, touched, probe);
            deleteTree(fresh);
        }

        /** Adds the folders above {@code path} (the site's top "" too) and, for a folder, itself. */
        private static void addWithFoldersAbove(String path, Set<String> folders) {
            folders.add(path);
            folders.add("");
            folders.addAll(foldersAbove(path));
        }

        /** The folders above {@code path}, outermost first, without the site's top "". */
        private static List<String> foldersAbove(String path) {
            List<String> above = new ArrayList<>();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                above.add(path.substring(0, slash));
            }
            return above;
        }

        @Override
        public Map<String, FolderStamp> folders() {
            return vouched;
        }

        /**
         * The folders whose stamps the next commit may trust (see {@link #commit}): seen before this
         * commit, settled then, not touched by it, and reached through real folders only (one under
         * a link was seen through it).
         */
        private Map<String, FolderStamp> vouched(Map<String, Folder> before, Set<String> touched, Probe probe) {
            if (probe.now().isEmpty() || probe.ignoresCase()) {
                return Map.of();
            }
            long settled = probe.now().getAsLong() - MARGIN_NANOS;
            Map<String, FolderStamp> vouched = new HashMap<>(before.size() * 4 / 3 + 1);
            before.forEach((folder, seen) -> seen.stamp()
                    .filter(stamp -> seen.directory() && stamp.changedNanos() < settled && !touched.contains(folder)
                            && realFoldersAbove(folder, before))
                    .ifPresent(stamp -> vouched.put(folder, stamp)));
            return vouched;
        }

        private static boolean realFoldersAbove(String folder, Map<String, Folder> before) {
            return foldersAbove(folder).stream().map(before::get).allMatch(above -> above != null && above.directory());
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

        /** How each folder of the new site that exists on disk is there (every core; links not followed). */
        private Map<String, Folder> folders(Set<String> newFolders) {
            Map<String, Folder> found = new ConcurrentHashMap<>();
            newFolders.parallelStream().forEach(folder -> Folder.of(folder.isEmpty() ? out : out.resolve(folder))
                    .ifPresent(seen -> found.put(folder, seen)));
            return found;
        }

        /**
         * The folders of the new site that exist on disk as something else than a folder, outermost
         * first; a folder under one of them is left out, since it is reached through it.
         */
        private List<String> notRealFolders(Map<String, Folder> before) {
            List<String> found = before.entrySet().stream()
                    .filter(e -> !e.getKey().isEmpty() && !e.getValue().directory()).map(Map.Entry::getKey)
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
         *
         * <p>A folder that had the stamp the last commit vouched for before this one began holds
         * the last site's entries (see {@link #commit}): it is not listed, and the entries the last
         * site had there and this one does not are known from the last site's files. A rebuild of
         * 10,000 articles spent 80-180 ms listing its 10,600 folders.
         *
         * @return the entries removed or renamed, and the new names of those renamed
         */
        private List<String> removeWhatIsGone(Set<String> newFolders, Map<String, Folder> before, Probe probe)
                throws IOException {
            Set<String> unchanged = unchanged(before, probe);
            Queue<String> gone = new ConcurrentLinkedQueue<>();
            if (!unchanged.isEmpty()) {
                for (String path : lastFiles) {
                    if (!stamps.containsKey(path)) {
                        // the outermost entry of the path that the new site has no place for
                        String entry = path;
                        for (int slash = entry.lastIndexOf('/'); slash > 0
                                && !newFolders.contains(entry.substring(0, slash)); slash = entry.lastIndexOf('/')) {
                            entry = entry.substring(0, slash);
                        }
                        int slash = entry.lastIndexOf('/');
                        if (unchanged.contains(slash < 0 ? "" : entry.substring(0, slash))
                                && !newFolders.contains(entry) && !stamps.containsKey(entry)) {
                            gone.add(entry);
                        }
                    }
                }
            }
            try {
                newFolders.parallelStream().filter(folder -> !unchanged.contains(folder)).forEach(folder -> {
                    Path dir = folder.isEmpty() ? out : out.resolve(folder);
                    try {
                        for (String name : names(dir)) {
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
                return List.of();
            }
            List<String> removedOrRenamed = new ArrayList<>();
            Map<String, String> byLowerCase = new HashMap<>();
            if (probe.ignoresCase()) {
                for (String path : stamps.keySet()) {
                    byLowerCase.put(path.toLowerCase(Locale.ROOT), path);
                }
                for (String folder : newFolders) {
                    byLowerCase.put(folder.toLowerCase(Locale.ROOT), folder);
                }
            }
            // outermost first: a folder renamed for its case is then listed under its new name
            for (String path : gone.stream().distinct().sorted(Comparator.comparingInt(String::length)).toList()) {
                String kept = byLowerCase.get(path.toLowerCase(Locale.ROOT));
                Path entry = out.resolve(path);
                removedOrRenamed.add(path);
                if (kept == null) {
                    deleteTree(entry);
                } else if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                    removedOrRenamed.add(kept);
                    // the same entry under the new site's case: renamed in two steps, since a
                    // rename that only changes case is not one to a file system that ignores it
                    Path step = entry.resolveSibling(".kaiyuan-case-" + entry.getFileName());
                    Files.move(entry, step);
                    Files.move(step, out.resolve(kept));
                }
            }
            return removedOrRenamed;
        }

        /** The folders that still have the stamp the last commit vouched for, all real folders. */
        private Set<String> unchanged(Map<String, Folder> before, Probe probe) {
            if (lastFolders.isEmpty() || probe.ignoresCase()) {
                return Set.of();
            }
            Set<String> unchanged = new HashSet<>();
            before.forEach((folder, seen) -> {
                if (seen.directory() && seen.stamp().isPresent() && seen.stamp().equals(
                        Optional.ofNullable(lastFolders.get(folder)))) {
                    unchanged.add(folder);
                }
            });
            return unchanged;
        }

        /**
         * A file made in the staging folder (beside the output folder, on its file system) tells
         * that file system's clock now, and whether it takes names that differ only in case as one.
         */
        private Probe probe() throws IOException {
            Path probe = Files.createFile(fresh.resolve(".kaiyuan-probe"));
            try {
                OptionalLong now = Folder.CHANGE_TIMES ? OptionalLong.of(((FileTime) Files.getAttribute(probe,
                        "unix:ctime", LinkOption.NOFOLLOW_LINKS)).to(TimeUnit.NANOSECONDS)) : OptionalLong.empty();
                return new Probe(now, Files.exists(fresh.resolve(".KAIYUAN-PROBE")));
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
            writeNew(target, file);
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
     * The names of the entries in {@code dir}. {@link java.io.File#list} makes no {@link Path} for
     * each: for a folder of 10,000 entries (a site's articles/) a third of a directory stream's
     * time, in a rebuild's code not yet compiled.
     */
    private static String[] names(Path dir) throws IOException {
        String[] names = dir.toFile().list();
        if (names != null) {
            return names;
        }
        // File#list says nothing of what went wrong; the directory stream throws it
        List<String> listed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                listed.add(entry.getFileName().toString());
            }
        }
        return listed.toArray(String[]::new);
    }

    /** The stamp {@code folder} has now, as a commit sees it; empty where it is none or the platform gives none. */
    static Optional<FolderStamp> stampOf(Path folder) {
        return Folder.of(folder).filter(Folder::directory).flatMap(Folder::stamp);
    }

    /**
     * What the file system of the staging folder is like when a commit starts.
     *
     * @param now         its clock (the status change time of a file made then), or empty where it
     *                    keeps no such time
     * @param ignoresCase whether it takes names that differ only in case as one
     */
    private record Probe(OptionalLong now, boolean ignoresCase) {
    }

    /**
     * A folder of the new site as it is on disk before the commit: whether it is a real folder (not
     * a link, not a file), and its stamp, where the platform gives status change times (the {@code
     * unix} attribute view).
     */
    private record Folder(boolean directory, Optional<FolderStamp> stamp) {
        static final boolean CHANGE_TIMES = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

        static Optional<Folder> of(Path path) {
            try {
                if (!CHANGE_TIMES) {
                    return Optional.of(new Folder(Files.readAttributes(path, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS).isDirectory(), Optional.empty()));
                }
                Map<String, Object> attrs = Files.readAttributes(path, "unix:isDirectory,dev,ino,ctime",
                        LinkOption.NOFOLLOW_LINKS);
                return Optional.of(new Folder((Boolean) attrs.get("isDirectory"), Optional.of(new FolderStamp(
                        (Long) attrs.get("dev"), (Long) attrs.get("ino"),
                        ((FileTime) attrs.get("ctime")).to(TimeUnit.NANOSECONDS)))));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * The attributes of the current site's file when it holds exactly {@code bytes}: sizes first, then
     * contents.
     */
    private static Optional<BasicFileAttributes> sameFile(Path existing, OutputFile file) throws IOException {
        Optional<BasicFileAttributes> attrs = attributes(existing);
        if (attrs.isEmpty() || !attrs.get().isRegularFile() || attrs.get().size() != file.size()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(existing)) {
            return ByteBuffer.wrap(in.readNBytes(file.size() + 1)).equals(file.view()) ? attrs : Optional.empty();
        }
    }

    /**
     * Writes {@code file} as a new file at {@code target} from its bytes as they are: a site's pages
     * are written once each, and a copy of each (what {@link OutputFile#bytes} gives) was 350 MB of
     * a cold 10,000-article build's allocations.
     */
    private static void writeNew(Path target, OutputFile file) throws IOException {
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = file.view();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
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

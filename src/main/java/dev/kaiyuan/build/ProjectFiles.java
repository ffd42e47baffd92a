package dev.kaiyuan.build;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SourceFile;
import dev.kaiyuan.model.SourceRef;
import dev.kaiyuan.output.FileStamp;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds a project's seeds: every article file under {@code seeds/} in path order, each paired with
 * its sidecar. Hidden files and folders and editor backups are skipped as other generators do;
 * anything else that is not an article (a link to nothing or to a folder, a pipe) is reported,
 * never silently dropped. {@code seeds/data/} is reserved for the knowledge base and not read as
 * articles. {@code seeds/} itself may be a link to a folder kept elsewhere.
 */
final class ProjectFiles {
    static final String SEEDS = "seeds";
    static final String SIDECAR_SUFFIX = ".meta.yaml";
    /** A news article is kilobytes; anything this large is a mistake, not an article. */
    static final long MAX_SEED_BYTES = 8L * 1024 * 1024;
    /** Why a file the user's permissions keep out cannot be read. */
    private static final String DENIED = "permission denied";

    private ProjectFiles() {
    }

    /** The seeds under {@code seeds/}, in path order, not yet read; sidecars without an article are reported. */
    static List<SeedFile> seeds(Path project, List<String> extensions, DiagnosticSink sink) throws IOException {
        Path root = project.resolve(SEEDS);
        if (!Files.isDirectory(root)) {
            sink.report(Diagnostic.error("project.no-seeds", SourceRef.file(SEEDS + "/"), "no seeds/ folder",
                    "looked in " + project.toAbsolutePath().normalize(),
                    "run in a project folder, pass --project DIR, or create seeds/ with an article"));
            return List.of();
        }
        Map<Path, Optional<FileStamp>> files = list(project, root, sink);
        Map<String, Path> sidecars = new HashMap<>();
        Map<Path, String> articles = new LinkedHashMap<>();
        for (Path file : files.keySet()) {
            String rel = relative(project, file);
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            if (skipped(rel)) {
                continue;
            }
            if (name.endsWith(SIDECAR_SUFFIX)) {
                sidecars.put(rel.substring(0, rel.length() - SIDECAR_SUFFIX.length()), file);
            } else if (extensions.contains(extension(name))) {
                articles.put(file, rel);
            } else {
                sink.report(Diagnostic.warning("project.unknown-file", SourceRef.file(rel), "not an article, skipped",
                        "", "articles end in ." + String.join(", .", extensions) + "; sidecars in " + SIDECAR_SUFFIX));
            }
        }
        List<SeedFile> seeds = new ArrayList<>();
        for (Map.Entry<Path, String> article : articles.entrySet()) {
            Path file = article.getKey();
            String rel = article.getValue();
            String key = rel.substring(0, rel.lastIndexOf('.'));
            Optional<Path> sidecar = Optional.ofNullable(sidecars.remove(key));
            Optional<FileStamp> sidecarStamp = sidecar.flatMap(files::get);
            // no stamp when either file has none (a link)
            boolean stamped = files.get(file).isPresent() && (sidecar.isEmpty() || sidecarStamp.isPresent());
            Optional<BuildCache.SeedStamp> stamp = stamped
                    ? Optional.of(new BuildCache.SeedStamp(files.get(file).get(), sidecarStamp)) : Optional.empty();
            seeds.add(new SeedFile(file, rel, sidecar, stamp));
        }
        sidecars.values().stream().sorted().forEach(orphan -> sink.report(Diagnostic.warning("project.orphan-sidecar",
                SourceRef.file(relative(project, orphan)), "sidecar without an article", "",
                "name it after its article: NAME.txt takes NAME" + SIDECAR_SUFFIX)));
        return seeds;
    }

    /**
     * Whether the file at {@code rel} (from the project) is left alone: the knowledge base's
     * ({@code seeds/data/}, read by its own paths), hidden files and editor backups.
     */
    private static boolean skipped(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        return rel.equals(SEEDS + "/data") || rel.startsWith(SEEDS + "/data/") || name.startsWith(".")
                || name.endsWith("~");
    }

    /** Whether the listing leaves the folder at {@code rel} (from the project) unentered: the knowledge base's, or a hidden one. */
    private static boolean unentered(String rel) {
        return rel.equals(SEEDS + "/data") || rel.substring(rel.lastIndexOf('/') + 1).startsWith(".");
    }

    /**
     * One seed's bytes and its sidecar's; empty (with an error in {@code sink}) when the file is too
     * large to be an article or cannot be read. Any thread may call it.
     */
    static Optional<Seed> read(Path project, SeedFile seed, DiagnosticSink sink) {
        Optional<SourceFile> source = readQuietly(project, seed.file(), sink);
        return source.map(s -> new Seed(s, seed.sidecar().flatMap(c -> readQuietly(project, c, sink))));
    }

    /**
     * One seed read again by itself, with its sidecar if it has one: for the preview, which refreshes
     * a saved article before the full rebuild. Empty (with diagnostics) when it cannot be read.
     */
    static Optional<Seed> seed(Path project, Path file, DiagnosticSink sink) throws IOException {
        String rel = relative(project, file);
        Path sidecar = project.resolve(rel.substring(0, rel.lastIndexOf('.')) + SIDECAR_SUFFIX);
        Optional<SourceFile> source = read(project, file, sink);
        Optional<SourceFile> meta = Files.isRegularFile(sidecar) ? readQuietly(project, sidecar, sink)
                : Optional.empty();
        return source.map(s -> new Seed(s, meta));
    }

    private static Optional<SourceFile> readQuietly(Path project, Path file, DiagnosticSink sink) {
        try {
            return read(project, file, sink);
        } catch (IOException e) {
            sink.report(unreadable(relative(project, file), false, e));
            return Optional.empty();
        }
    }

    /**
     * The error for a file or folder of the project that cannot be read: most often one the user
     * the build runs as has no permission for. The build goes on without it, to report what else
     * is wrong, and fails.
     */
    static Diagnostic unreadable(String rel, boolean folder, IOException e) {
        return unreadable(rel, folder, reason(e));
    }

    /** {@link #unreadable(String, boolean, IOException)} for one the system's permissions keep out. */
    static Diagnostic denied(String rel, boolean folder) {
        return unreadable(rel, folder, DENIED);
    }

    private static Diagnostic unreadable(String rel, boolean folder, String reason) {
        String what = folder ? "folder" : "file";
        String hint = "make the " + what + " readable by " + System.getProperty("user.name", "the build's user")
                + (rel.startsWith(SEEDS + "/") && !rel.startsWith(SEEDS + "/data/") ? ", or move it out of "
                        + SEEDS + "/" : "");
        return Diagnostic.error("io.unreadable", SourceRef.file(folder && !rel.endsWith("/") ? rel + "/" : rel),
                "cannot read " + what, reason, hint);
    }

    /** What the system said went wrong, without the path it names (the diagnostic has it). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return DENIED;
        }
        if (e instanceof NoSuchFileException) {
            return "it was removed while the build ran";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static Optional<SourceFile> read(Path project, Path file, DiagnosticSink sink) throws IOException {
        String rel = relative(project, file);
        // One open file for its size and its bytes: a stat of the path beside Files.readAllBytes,
        // which asks the open file its size again, cost 0.18 s of a cold 10k build's CPU.
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size > MAX_SEED_BYTES) {
                tooLarge(rel, size, sink);
                return Optional.empty();
            }
            return Optional.of(new SourceFile(rel, readAll(channel, (int) size)));
        }
    }

    /** The channel's bytes to its end, {@code size} of them unless the file changed meanwhile. */
    static byte[] readAll(FileChannel channel, int size) throws IOException {
        byte[] bytes = new byte[size];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return Arrays.copyOf(bytes, buffer.position());
            }
        }
        byte[] more = Channels.newInputStream(channel).readAllBytes();
        if (more.length == 0) {
            return bytes;
        }
        byte[] all = Arrays.copyOf(bytes, size + more.length);
        System.arraycopy(more, 0, all, size, more.length);
        return all;
    }

    private static void tooLarge(String rel, long size, DiagnosticSink sink) {
        sink.report(Diagnostic.error("seed.too-large", SourceRef.file(rel), "file too large for an article",
                size + " bytes; the limit is " + MAX_SEED_BYTES, "split it into articles or move it out of seeds/"));
    }

    /**
     * Every file under {@code root} in path order, with its stamp as the walk saw it (no second stat
     * per file); a link to a file is followed, and has no stamp: the walk saw the link's own. When
     * {@code root} itself is a link (seeds kept elsewhere), the folder it names is walked, and its
     * files are named under {@code root}, as if it were that folder. A link to a folder below it is
     * not followed (it could lead back up and round), and is reported. Hidden folders and the
     * knowledge base's are not entered.
     */
    private static SortedMap<Path, Optional<FileStamp>> list(Path project, Path root, DiagnosticSink sink)
            throws IOException {
        SortedMap<Path, Optional<FileStamp>> files = new TreeMap<>();
        Walked walked = Walked.of(root);
        Files.walkFileTree(walked.start(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(walked.start()) || !unentered(relative(project, walked.named(dir)))
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path found, IOException e) {
                // a folder that cannot be opened (it was never pre-visited), or an entry that cannot
                // be looked at; one the listing would skip anyway (a hidden folder) is no problem
                Path named = walked.named(found);
                String rel = relative(project, named);
                boolean folder = Files.isDirectory(found);
                if (found.equals(walked.start()) || !(folder ? unentered(rel) : skipped(rel))) {
                    sink.report(unreadable(found.equals(walked.start()) ? SEEDS : rel, folder, e));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path found, BasicFileAttributes attrs) {
                Path file = walked.named(found);
                if (attrs.isRegularFile()) {
                    files.put(file, Optional.of(new FileStamp(attrs.size(),
                            attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS))));
                    return FileVisitResult.CONTINUE;
                }
                boolean link = attrs.isSymbolicLink();
                if (link && Files.isRegularFile(found)) {
                    files.put(file, Optional.empty());
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(project, file);
                if (skipped(rel)) {
                    return FileVisitResult.CONTINUE;
                }
                if (link && Files.isDirectory(found)) {
                    sink.report(Diagnostic.warning("project.linked-folder", SourceRef.file(rel),
                            "link to a folder, not followed", "", "move the folder under " + SEEDS
                                    + "/ or link its files one by one"
                                    + (walked.linked() ? "" : ", or make " + SEEDS + "/ itself the link")));
                } else if (link && Files.notExists(found)) {
                    sink.report(Diagnostic.warning("project.broken-link", SourceRef.file(rel),
                            "link to nothing, skipped", "", "fix or remove the link"));
                } else if (link && !Files.exists(found)) {
                    sink.report(Diagnostic.warning("project.unreadable-link", SourceRef.file(rel),
                            "cannot tell where the link leads, skipped", "", "check the permissions of its target"));
                } else {
                    // a named pipe, socket or device (or a link to one): reading it could block the build
                    sink.report(Diagnostic.warning("project.unknown-file", SourceRef.file(rel),
                            "not a regular file, skipped", "", "articles are files; move it out of " + SEEDS + "/"));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /**
     * The files under {@code root} in path order, links to files among them. {@code root} itself is
     * followed when it is a link to a folder (a theme kept elsewhere), which {@code Files.walk}
     * would give as one entry; its files are named under {@code root}. Hidden folders ({@code .git/})
     * are not entered, nor links to folders further down.
     */
    static List<Path> files(Path root) throws IOException {
        return files(root, (found, folder, e) -> {
            throw e;
        });
    }

    /** What a walk does with a folder it cannot open or an entry it cannot look at. */
    interface Unlisted {
        /** @param found the folder or file, named under the walk's root */
        void at(Path found, boolean folder, IOException e) throws IOException;
    }

    /** {@link #files(Path)}, telling {@code unlisted} of what cannot be listed instead of stopping there. */
    static List<Path> files(Path root, Unlisted unlisted) throws IOException {
        List<Path> files = new ArrayList<>();
        Walked walked = Walked.of(root);
        Files.walkFileTree(walked.start(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(walked.start()) || !hidden(dir) ? FileVisitResult.CONTINUE
                        : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path found, IOException e) throws IOException {
                boolean folder = Files.isDirectory(found);
                // a hidden folder that cannot be opened would not have been entered
                if (found.equals(walked.start()) || !(folder && hidden(found))) {
                    unlisted.at(walked.named(found), folder, e);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path found, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(found)) {
                    files.add(walked.named(found));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    /** Whether {@code path}'s name starts with a dot: a hidden folder ({@code .git/}) is not entered. */
    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    /**
     * A folder as a walk takes it: {@code start} is {@code root}, or where {@code root} leads when it
     * is a link; what the walk finds there is named under {@code root} ({@link #named}).
     */
    private record Walked(Path root, Path start, boolean linked) {
        static Walked of(Path root) throws IOException {
            return Files.isSymbolicLink(root) ? new Walked(root, root.toRealPath(), true)
                    : new Walked(root, root, false);
        }

        /** {@code found}'s path with {@code start} replaced by {@code root}: by their text where it can be. */
        Path named(Path found) {
            if (!linked) {
                return found;
            }
            String from = start.toString();
            String full = found.toString();
            if (full.startsWith(from)
                    && (full.length() == from.length() || full.charAt(from.length()) == File.separatorChar)) {
                return root.getFileSystem().getPath(root + full.substring(from.length()));
            }
            return root.resolve(start.relativize(found).toString());
        }
    }

    /**
     * {@code file}'s path from {@code project}, with forward slashes. A file the walk found under the
     * project (both absolute and normalised) starts with the project's path: that is cut off, as
     * {@link Path#relativize} would give, without its work (a third of listing 10,000 seeds).
     */
    static String relative(Path project, Path file) {
        String base = project.toString();
        String full = file.toString();
        if (project.isAbsolute() && file.isAbsolute() && full.length() > base.length() + 1 && full.startsWith(base)
                && full.charAt(base.length()) == File.separatorChar && !base.endsWith(File.separator)
                && file.normalize().equals(file) && project.normalize().equals(project)) {
            return full.substring(base.length() + 1).replace(File.separatorChar, '/').replace('\\', '/');
        }
        return project.relativize(file).toString().replace('\\', '/');
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.kaiyuan.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Watches a project's {@code seeds/} and {@code templates/} (every folder, including ones created
 * later) and its {@code kaiyuan.yaml}, and calls back once a burst of changes has settled: after
 * {@code quiet} without a new event, so that saving many files at once (a {@code git checkout})
 * causes one rebuild, not dozens. A burst that never settles still gets a rebuild after
 * {@code longest}. Before that, once the burst's first events pause for {@code quick} (a saved file
 * is one write and a rename), the listener is told which files they named, so that it can show a
 * saved article at once. Once the project has then been quiet for {@code idle} (or from the start),
 * the listener is told so, once per quiet spell. The listener runs on the watcher's own thread, so
 * nothing it does overlaps.
 * Hidden files and editor backups ({@code ~}) are ignored, as the build ignores them.
 */
final class ProjectWatcher implements AutoCloseable {
    static final List<String> FOLDERS = List.of("seeds", "templates");
    static final String CONFIG = "kaiyuan.yaml";

    /** What the watcher tells, on its own thread. */
    interface Listener {
        /**
         * The first events of a burst paused: the files they named (some may be gone again, e.g. an
         * editor's temporary file). Not called when events were lost.
         */
        void changed(Set<Path> files);

        /** The burst settled: time to rebuild. */
        void settled();

        /** Nothing changed for a while since the watcher started or the last burst settled. */
        void idle();
    }

    private final Path project;
    private final Duration quick;
    private final Duration quiet;
    private final Duration longest;
    private final Duration idle;
    private final Listener listener;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Thread thread;

    ProjectWatcher(Path project, Duration quick, Duration quiet, Duration longest, Duration idle,
            Listener listener) throws IOException {
        this.project = project.toAbsolutePath().normalize();
        this.quick = quick;
        this.quiet = quiet;
        this.longest = longest;
        this.idle = idle;
        this.listener = listener;
        this.service = this.project.getFileSystem().newWatchService();
        register(this.project);
        for (String folder : FOLDERS) {
            registerTree(this.project.resolve(folder));
        }
        this.thread = new Thread(this::loop, "kaiyuan-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            boolean quietSpell = true;
            while (true) {
                Set<Path> files = new LinkedHashSet<>();
                WatchKey first = quietSpell ? service.poll(idle.toMillis(), TimeUnit.MILLISECONDS) : service.take();
                if (first == null) {
                    quietSpell = false;
                    listener.idle();
                    continue;
                }
                if (!handle(first, files)) {
                    continue;
                }
                quietSpell = true;
                long settle = System.nanoTime() + longest.toNanos();
                boolean told = false;
                while (System.nanoTime() < settle) {
                    WatchKey next = service.poll((told ? quiet : quick).toMillis(), TimeUnit.MILLISECONDS);
                    if (next != null) {
                        handle(next, files);
                    } else if (told) {
                        break;
                    } else {
                        told = true;
                        if (!files.contains(LOST)) {
                            listener.changed(Set.copyOf(files));
                        }
                    }
                }
                listener.settled();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the preview is stopping
        }
    }

    /** Stands for files whose events were lost. */
    private static final Path LOST = Path.of("");

    /** Registers new folders and adds the files named to {@code files}; true when the events may change the site. */
    private boolean handle(WatchKey key, Set<Path> files) {
        @Nullable Path dir = folders.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                // events were lost: look at everything again
                FOLDERS.forEach(f -> registerTree(project.resolve(f)));
                files.add(LOST);
                relevant = true;
                continue;
            }
            if (dir == null || !(event.context() instanceof Path name)) {
                continue;
            }
            Path changed = dir.resolve(name);
            if (relevant(dir, changed)) {
                relevant = true;
                files.add(changed);
            }
            boolean top = dir.equals(project) && FOLDERS.contains(name.toString());
            if (top && event.kind() != ENTRY_MODIFY) {
                // seeds/ or templates/ replaced (a link pointed elsewhere): what it led to is not watched any more
                forgetTree(changed);
            }
            if (event.kind() == ENTRY_CREATE && (dir.equals(project) ? top
                    : Files.isDirectory(changed, LinkOption.NOFOLLOW_LINKS))) {
                registerTree(changed);
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
        return relevant;
    }

    private boolean relevant(Path dir, Path changed) {
        String name = changed.getFileName().toString();
        if (dir.equals(project)) {
            return name.equals(CONFIG) || FOLDERS.contains(name);
        }
        return !name.startsWith(".") && !name.endsWith("~");
    }

    private void register(Path dir) {
        try {
            folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
        } catch (IOException | ClosedWatchServiceException e) {
            // the folder went away again, or we are closing; the next event will tell
        }
    }

    /** Stops watching the folders registered under {@code root}'s path. */
    private void forgetTree(Path root) {
        folders.entrySet().removeIf(entry -> {
            boolean under = entry.getValue().startsWith(root);
            if (under) {
                entry.getKey().cancel();
            }
            return under;
        });
    }

    /**
     * Registers a folder and every folder below it (files may already be inside when we see it). The
     * project's seeds/ or templates/ may be a link to a folder, which is followed, as the build
     * follows it; links to folders further down are not, as the build does not read them.
     */
    private void registerTree(Path root) {
        boolean linkedTop = root.getParent() != null && root.getParent().equals(project) && Files.isSymbolicLink(root);
        if (!(linkedTop ? Files.isDirectory(root) : Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS))) {
            return;
        }
        try {
            Set<FileVisitOption> follow = linkedTop ? EnumSet.of(FileVisitOption.FOLLOW_LINKS)
                    : EnumSet.noneOf(FileVisitOption.class);
            Files.walkFileTree(root, follow, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // (only a walk that follows links meets one to a folder here)
                    if (!dir.equals(root) && (dir.getFileName().toString().startsWith(".")
                            || linkedTop && Files.isSymbolicLink(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    register(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a folder vanished while we walked it; the event for that will follow
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
        try {
            // a rebuild in progress finishes first; interrupting it could break its file reads
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}

package dev.kaiyuan.build;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SourceRef;
import dev.kaiyuan.render.TemplateEngine;
import dev.kaiyuan.render.freemarker.FreemarkerEngine;
import dev.kaiyuan.render.pebble.PebbleEngine;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The theme a build renders with: the project's {@code templates/} (if any) in front of the
 * default theme packaged in the jar, so a project can override single templates or assets.
 *
 * <p>A theme folder holds templates of one engine: FreeMarker ({@code .ftlh}) or Pebble
 * ({@code .peb}). The default theme carries both: FreeMarker at its top level and a complete
 * Pebble port in its {@code pebble/} folder; a project may do the same. The engine is the one
 * asked for ({@code --engine}, else {@code engine:} in the config), else the one the project's
 * templates are written for, else FreeMarker. Both engines share the theme's {@code assets/}.
 * The packaged theme is read through the jar's file system, opened once per process and never closed:
 * its files cannot change while the process runs, and a preview renders with the engine of its last
 * build long after that build is over.
 */
final class Theme {
    static final String BUILTIN = "/dev/kaiyuan/theme/";
    static final String PEBBLE_PORT = "pebble";
    private static final String PROBE = "layout.ftlh";

    /** The two engines, by the name users write and the extension of their templates. */
    enum Engine {
        FREEMARKER("freemarker", "ftlh"), PEBBLE("pebble", "peb");

        final String id;
        final String extension;

        Engine(String id, String extension) {
            this.id = id;
            this.extension = extension;
        }

        static Optional<Engine> named(String name) {
            return Stream.of(values()).filter(e -> e.id.equalsIgnoreCase(name.strip())).findFirst();
        }
    }

    private final Engine engine;
    private final List<Path> templateRoots;
    private final List<Path> themeFolders;
    private final boolean projectTemplates;
    /** The default theme, when it is read from the jar this code runs from (see {@link #fingerprint()}). */
    private final Optional<Path> inCodeJar;

    private Theme(Engine engine, List<Path> templateRoots, List<Path> themeFolders, boolean projectTemplates,
            Optional<Path> inCodeJar) {
        this.engine = engine;
        this.templateRoots = List.copyOf(templateRoots);
        this.themeFolders = List.copyOf(themeFolders);
        this.projectTemplates = projectTemplates;
        this.inCodeJar = inCodeJar;
    }

    /**
     * @param requested engine named by flag or config, if any
     * @return empty when the project's templates are unusable (reported to the sink)
     */
    static Optional<Theme> open(Path project, Optional<String> requested, DiagnosticSink sink) throws IOException {
        Path own = project.resolve("templates");
        boolean hasOwn = Files.isDirectory(own);
        if (hasOwn && !readable(project, own, sink)) {
            return Optional.empty();
        }
        Optional<Engine> engine = choose(own, hasOwn, requested, sink);
        if (engine.isEmpty()) {
            return Optional.empty();
        }
        List<Path> folders = new ArrayList<>();
        if (hasOwn) {
            folders.add(own);
        }
        URL probe = Theme.class.getResource(BUILTIN + PROBE);
        Optional<Path> inCodeJar = Optional.empty();
        if (probe != null) {
            URI uri = toUri(probe);
            if ("jar".equals(uri.getScheme())) {
                Path packaged = jar(uri).getPath(BUILTIN);
                folders.add(packaged);
                inCodeJar = inJarOf(uri, Theme.class) ? Optional.of(packaged) : Optional.empty();
            } else {
                folders.add(Path.of(uri).getParent());
            }
        }
        List<Path> roots = folders.stream().map(f -> engineRoot(f, engine.get())).toList();
        return Optional.of(new Theme(engine.get(), roots, folders, hasOwn, inCodeJar));
    }

    /**
     * Whether every folder and file of the project's theme can be read; each one that cannot is
     * reported (a theme read in part would render pages with parts missing).
     */
    private static boolean readable(Path project, Path own, DiagnosticSink sink) throws IOException {
        int before = sink.errorCount();
        List<Path> files = ProjectFiles.files(own, (found, folder, e) ->
                sink.report(ProjectFiles.unreadable(ProjectFiles.relative(project, found), folder, e)));
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                sink.report(ProjectFiles.denied(ProjectFiles.relative(project, file), false));
            }
        }
        return sink.errorCount() == before;
    }

    private static Optional<Engine> choose(Path own, boolean hasOwn, Optional<String> requested, DiagnosticSink sink)
            throws IOException {
        Optional<Engine> asked = Optional.empty();
        if (requested.isPresent()) {
            asked = Engine.named(requested.get());
            if (asked.isEmpty()) {
                sink.report(Diagnostic.error("theme.engine", SourceRef.file("--engine"),
                        "unknown template engine '" + requested.get() + "'", "", "use freemarker or pebble"));
                return Optional.empty();
            }
        }
        if (!hasOwn) {
            return Optional.of(asked.orElse(Engine.FREEMARKER));
        }
        Engine engine = asked.isPresent() ? asked.get() : detect(own);
        Path root = engineRoot(own, engine);
        List<String> ftlh = templates(own, root, Engine.FREEMARKER);
        List<String> peb = templates(own, root, Engine.PEBBLE);
        if (!ftlh.isEmpty() && !peb.isEmpty()) {
            sink.report(Diagnostic.error("theme.mixed", SourceRef.file(peb.get(0)),
                    "the theme mixes FreeMarker and Pebble templates",
                    "FreeMarker: " + String.join(", ", ftlh) + "; Pebble: " + String.join(", ", peb),
                    "keep one engine per folder; a Pebble port of a FreeMarker theme goes in templates/pebble/"));
            return Optional.empty();
        }
        List<String> other = engine == Engine.PEBBLE ? ftlh : peb;
        if (!other.isEmpty()) {
            sink.report(Diagnostic.error("theme.engine-mismatch", SourceRef.file(other.get(0)),
                    "engine " + engine.id + " was chosen but the project's templates are written for the other engine",
                    String.join(", ", other), "choose the engine the templates are written in, or add a port"));
            return Optional.empty();
        }
        return Optional.of(engine);
    }

    /**
     * The engine a project's own templates are written for; FreeMarker when they say nothing. A
     * project that overrides only files of the Pebble port (templates/pebble/) is written for
     * Pebble: choosing FreeMarker would silently ignore its templates.
     */
    private static Engine detect(Path own) throws IOException {
        boolean ftlh = !templates(own, own, Engine.FREEMARKER).isEmpty();
        boolean peb = !templates(own, own, Engine.PEBBLE).isEmpty();
        if (!ftlh && !peb) {
            Path port = own.resolve(PEBBLE_PORT);
            return Files.isDirectory(port) && !templates(own, port, Engine.PEBBLE).isEmpty() ? Engine.PEBBLE
                    : Engine.FREEMARKER;
        }
        return peb && !ftlh ? Engine.PEBBLE : Engine.FREEMARKER;
    }

    /** Where an engine's templates live in a theme folder: a Pebble port in pebble/, else the folder. */
    private static Path engineRoot(Path folder, Engine engine) {
        Path port = folder.resolve(PEBBLE_PORT);
        return engine == Engine.PEBBLE && Files.isDirectory(port) ? port : folder;
    }

    /** Template files of one engine under {@code root}, outside assets/ and outside a nested port. */
    private static List<String> templates(Path project, Path root, Engine engine) throws IOException {
        Path port = root.resolve(PEBBLE_PORT);
        return ProjectFiles.files(root).stream()
                .filter(p -> !p.startsWith(root.resolve("assets")) && (root.endsWith(PEBBLE_PORT) || !p.startsWith(port)))
                .filter(p -> p.getFileName().toString().endsWith("." + engine.extension))
                .map(p -> "templates/" + project.relativize(p).toString().replace('\\', '/'))
                .sorted().toList();
    }

    private static URI toUri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad theme location " + url, e);
        }
    }

    /**
     * Whether a {@code jar:} URI names an entry of the jar {@code code} was loaded from; false when
     * that cannot be told (the theme is then hashed file by file).
     */
    static boolean inJarOf(URI entry, Class<?> code) {
        CodeSource source = code.getProtectionDomain().getCodeSource();
        String part = entry.getRawSchemeSpecificPart();
        int separator = part.indexOf("!/");
        if (source == null || source.getLocation() == null || separator < 0) {
            return false;
        }
        try {
            return Path.of(new URI(part.substring(0, separator))).equals(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return false;
        }
    }

    /** The jar's file system: opened by the first build in this process, kept open for the others. */
    private static synchronized FileSystem jar(URI uri) throws IOException {
        try {
            return FileSystems.getFileSystem(uri);
        } catch (java.nio.file.FileSystemNotFoundException e) {
            return FileSystems.newFileSystem(uri, Map.of());
        }
    }

    TemplateEngine engine() {
        return engine == Engine.PEBBLE ? new PebbleEngine(templateRoots) : new FreemarkerEngine(templateRoots);
    }

    String engineName() {
        return engine.id;
    }

    /**
     * How a template appears in messages: the file that actually served it, relative to the project,
     * or {@code (default theme)/…} when it came from the packaged theme.
     */
    String displayName(Path project, String template) {
        for (int i = 0; i < templateRoots.size(); i++) {
            Path root = templateRoots.get(i);
            boolean own = projectTemplates && i == 0;
            if (Files.isRegularFile(root.resolve(template))) {
                return own ? project.relativize(root.resolve(template)).toString().replace('\\', '/')
                        : "(default theme)/" + (engine == Engine.PEBBLE ? PEBBLE_PORT + "/" : "") + template;
            }
        }
        return (projectTemplates ? project.relativize(templateRoots.get(0)).toString().replace('\\', '/') + "/"
                : "(default theme)/") + template;
    }

    /**
     * A hash of every file in the theme's folders (the project's and the default theme: templates of
     * both engines and assets), so that any change to the theme is seen, including templates that
     * are only included by others. The default theme in the jar this code runs from is not read for
     * it: that jar cannot change under a running process, and a cache kept by another jar is never
     * used (its header names the jar's fingerprint, see PersistentCache); reading its 27 files
     * through the jar's file system cost a one-article build about 8 ms.
     */
    String fingerprint() throws IOException {
        Hashes hash = new Hashes();
        for (int i = 0; i < themeFolders.size(); i++) {
            Path folder = themeFolders.get(i);
            hash.add(String.valueOf(i));
            if (inCodeJar.isPresent() && inCodeJar.get().equals(folder)) {
                hash.add("(default theme in the jar)");
                continue;
            }
            List<Path> files = new ArrayList<>(ProjectFiles.files(folder));
            // a Pebble port or an assets/ linked in from elsewhere: the walk above does not enter
            // links to folders, but the engine and assets() read them
            for (String part : List.of(PEBBLE_PORT, "assets")) {
                Path linked = folder.resolve(part);
                if (Files.isSymbolicLink(linked) && Files.isDirectory(linked)) {
                    files.addAll(ProjectFiles.files(linked));
                }
            }
            files.sort(null);
            for (Path file : files) {
                hash.add(folder.relativize(file).toString().replace('\\', '/')).add(Files.readAllBytes(file));
            }
        }
        return hash.hex();
    }

    /** Asset files by site path ({@code assets/style.css}); the project's win over the default theme's. */
    Map<String, Path> assets() throws IOException {
        Map<String, Path> assets = new TreeMap<>();
        for (int i = themeFolders.size() - 1; i >= 0; i--) {
            Path dir = themeFolders.get(i).resolve("assets");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (Path file : ProjectFiles.files(dir)) {
                String rel = dir.relativize(file).toString().replace('\\', '/');
                // hidden files at any depth (.DS_Store) are not published, nor hidden folders (not walked)
                if (!rel.startsWith(".") && !rel.contains("/.")) {
                    assets.put("assets/" + rel, file);
                }
            }
        }
        return assets;
    }
}

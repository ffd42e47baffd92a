package dev.kaiyuan.build;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The template folders a build renders with: the project's {@code templates/} (if any) in front
 * of the default theme packaged in the jar. A project can override single templates or assets;
 * a project without {@code templates/} gets the whole default theme. Close it after the build
 * (the packaged theme is read through the jar's file system).
 */
final class Theme implements AutoCloseable {
    static final String BUILTIN = "/dev/kaiyuan/theme/";
    private static final String PROBE = "layout.ftlh";

    private final List<Path> roots;
    private final Optional<FileSystem> opened;

    private Theme(List<Path> roots, Optional<FileSystem> opened) {
        this.roots = List.copyOf(roots);
        this.opened = opened;
    }

    static Theme open(Path project) throws IOException {
        List<Path> roots = new ArrayList<>();
        Path own = project.resolve("templates");
        if (Files.isDirectory(own)) {
            roots.add(own);
        }
        URL probe = Theme.class.getResource(BUILTIN + PROBE);
        if (probe == null) {
            return new Theme(roots, Optional.empty());
        }
        URI uri = toUri(probe);
        if (!"jar".equals(uri.getScheme())) {
            roots.add(Path.of(uri).getParent());
            return new Theme(roots, Optional.empty());
        }
        Optional<FileSystem> fs = openJar(uri);
        FileSystem jar = fs.orElseGet(() -> FileSystems.getFileSystem(uri));
        roots.add(jar.getPath(BUILTIN));
        return new Theme(roots, fs);
    }

    private static URI toUri(URL url) throws IOException {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad theme location " + url, e);
        }
    }

    /** Opens the jar's file system unless another build in this process already has it open. */
    private static Optional<FileSystem> openJar(URI uri) throws IOException {
        try {
            return Optional.of(FileSystems.newFileSystem(uri, Map.of()));
        } catch (FileSystemAlreadyExistsException e) {
            return Optional.empty();
        }
    }

    List<Path> templateRoots() {
        return roots;
    }

    /** How template paths appear in messages: the project's own folder when it has one. */
    String displayFolder(Path project) {
        return !roots.isEmpty() && roots.get(0).equals(project.resolve("templates")) ? "templates/" : "(default theme)/";
    }

    /** Asset files by site path ({@code assets/style.css}); the project's win over the default theme's. */
    Map<String, Path> assets() throws IOException {
        Map<String, Path> assets = new TreeMap<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            Path dir = roots.get(i).resolve("assets");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = dir.relativize(file).toString().replace('\\', '/');
                    if (!rel.startsWith(".")) {
                        assets.put("assets/" + rel, file);
                    }
                }
            }
        }
        return assets;
    }

    @Override
    public void close() throws IOException {
        if (opened.isPresent()) {
            opened.get().close();
        }
    }
}

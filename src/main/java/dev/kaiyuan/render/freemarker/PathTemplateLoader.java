package dev.kaiyuan.render.freemarker;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads templates from an ordered list of folders (the project's {@code templates/} first, then the
 * built-in theme, which may sit inside the jar's file system). The first folder holding a name wins,
 * so a project overrides single templates of the default theme. Names never leave their folder.
 */
final class PathTemplateLoader implements TemplateLoader {
    private final List<Path> roots;

    PathTemplateLoader(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    @Override
    public Object findTemplateSource(String name) {
        for (Path root : roots) {
            Path candidate = root.resolve(name).normalize();
            if (candidate.startsWith(root.normalize()) && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public long getLastModified(Object source) {
        try {
            return Files.getLastModifiedTime((Path) source).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        return Files.newBufferedReader((Path) source, StandardCharsets.UTF_8);
    }

    @Override
    public void closeTemplateSource(Object source) {
        // Nothing held open between calls.
    }
}

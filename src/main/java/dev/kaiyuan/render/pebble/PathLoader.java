package dev.kaiyuan.render.pebble;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads {@code .peb} templates from an ordered list of folders (the project's theme before the
 * default one, which may sit in the jar's file system); the first folder holding a name wins.
 * Names are resolved from the theme root and can never leave it.
 */
final class PathLoader implements Loader<String> {
    static final String SUFFIX = ".peb";
    private final List<Path> roots;

    PathLoader(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    @Override
    public Reader getReader(String name) {
        Path file = find(name).orElseThrow(() -> new LoaderException(null, "template not found: " + name));
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LoaderException(e, "cannot read template " + name);
        }
    }

    Optional<Path> find(String name) {
        String file = name.endsWith(SUFFIX) ? name : name + SUFFIX;
        for (Path root : roots) {
            Path candidate = root.resolve(file).normalize();
            if (candidate.startsWith(root.normalize()) && Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public void setCharset(String charset) {
        // Always UTF-8.
    }

    @Override
    public void setPrefix(String prefix) {
        // Roots are fixed at construction.
    }

    @Override
    public void setSuffix(String suffix) {
        // Always .peb.
    }

    /** Every name is relative to the theme root, as in FreeMarker, so includes read the same in both. */
    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return relativePath;
    }

    @Override
    public String createCacheKey(String templateName) {
        return templateName;
    }

    @Override
    public boolean resourceExists(String templateName) {
        return find(templateName).isPresent();
    }
}

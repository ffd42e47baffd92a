package dev.kaiyuan.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refuses output folders whose replacement would destroy something: the project itself or a
 * folder above it, its {@code seeds/} or {@code templates/}, or an existing folder that does not
 * look like a generated site (non-empty and without {@code index.html}).
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /** Why {@code out} must not be replaced, or empty when it is safe. */
    public static Optional<String> problem(Path project, Path out) {
        Path p = project.toAbsolutePath().normalize();
        Path o = out.toAbsolutePath().normalize();
        if (p.startsWith(o)) {
            return Optional.of("the output folder " + o + " is the project or holds it; the build replaces "
                    + "its output folder as a whole");
        }
        if (o.startsWith(p.resolve("seeds")) || o.startsWith(p.resolve("templates"))) {
            return Optional.of("the output folder " + o + " is inside seeds/ or templates/");
        }
        if (Files.isDirectory(o) && !Files.exists(o.resolve("index.html")) && !isEmpty(o)) {
            return Optional.of("the output folder " + o + " exists, is not empty and does not look like a "
                    + "built site (no index.html); choose another folder or empty it yourself");
        }
        if (Files.exists(o) && !Files.isDirectory(o)) {
            return Optional.of("the output path " + o + " is a file");
        }
        return Optional.empty();
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}

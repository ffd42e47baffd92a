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

    /**
     * Why {@code out} must not be replaced, or empty when it is safe. Links count where they lead: a
     * {@code site/} linked to the project, or into its seeds, is refused as the folder itself would be.
     */
    public static Optional<String> problem(Path project, Path out) {
        Path p = project.toAbsolutePath().normalize();
        Path o = out.toAbsolutePath().normalize();
        Path realP = real(p);
        Path realO = real(o);
        if (p.startsWith(o) || realP.startsWith(realO)) {
            return Optional.of("the output folder " + o + " is the project or holds it; the build replaces "
                    + "its output folder as a whole");
        }
        for (String kept : new String[] {"seeds", "templates"}) {
            if (o.startsWith(p.resolve(kept)) || realO.startsWith(real(p.resolve(kept)))) {
                return Optional.of("the output folder " + o + " is inside seeds/ or templates/");
            }
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

    /**
     * Where {@code path} leads once its links are followed: its real path, or, where it does not
     * exist yet, its nearest existing folder's real path with the rest of it.
     */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(existing.relativize(absolute));
            } catch (IOException e) {
                // not there (or not readable): try the folder above
            }
        }
        return absolute;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}

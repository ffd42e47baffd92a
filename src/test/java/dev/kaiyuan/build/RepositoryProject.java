package dev.kaiyuan.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The repository's own project — {@code seeds/} (with the knowledge base in {@code seeds/data/})
 * and {@code kaiyuan.yaml} from the Maven project root, where tests run — copied into a temporary
 * folder so that a test can build it without touching the repository's {@code site/}. It has no
 * {@code templates/}: the default theme comes from the classpath, as in the jar.
 */
final class RepositoryProject {
    static final Path SEEDS = Path.of("seeds");
    static final Path CONFIG = Path.of("kaiyuan.yaml");

    private RepositoryProject() {
    }

    /** Copies the project into {@code target} (created) and returns it. */
    static Path copyTo(Path target) {
        try {
            Files.createDirectories(target);
            copyTree(SEEDS, target.resolve("seeds"));
            if (Files.isRegularFile(CONFIG)) {
                Files.copy(CONFIG, target.resolve("kaiyuan.yaml"));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.sorted().toList()) {
                Path dest = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
        }
    }

    /**
     * Where the tests publish the site: with a base URL the build also writes what needs absolute
     * URLs (feeds, sitemap, canonical links), so the pages are complete, as CI deploys them.
     */
    static final String BASE_URL = "https://example.org/kaiyuan/";

    /** A (non-strict) build of {@code project} into {@code out} with {@code engine}, published at {@link #BASE_URL}. */
    static BuildResult build(Path project, Path out, String engine) {
        return Build.run(new BuildRequest(project, out, false, false, Optional.of(BASE_URL), Optional.of(engine)));
    }

    /** The build's diagnostics, one per line, for assertion messages. */
    static String describe(BuildResult result) {
        List<String> lines = result.diagnostics().stream().map(d -> d.format()).toList();
        return result.summary() + "\n" + String.join("\n", lines);
    }
}

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
 * {@code templates/}: the default theme comes from the classpath, as in the jar. Tests that want
 * less take parts of it: the real seed article and the knowledge base.
 */
public final class RepositoryProject {
    static final Path SEEDS = Path.of("seeds");
    static final Path CONFIG = Path.of("kaiyuan.yaml");
    /** The real seed article, in Traditional Chinese, with a sidecar: its name without the extensions. */
    static final String SEED = "000_2ce86e36bd807f4f";
    static final Path KNOWLEDGE = SEEDS.resolve("data");

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

    /** Copies the real seed article and its sidecar into {@code project}'s {@code seeds/} and returns the project. */
    public static Path copySeed(Path project) {
        try {
            Path seeds = Files.createDirectories(project.resolve("seeds"));
            for (String file : List.of(SEED + ".txt", SEED + ".meta.yaml")) {
                Files.copy(SEEDS.resolve(file), seeds.resolve(file));
            }
            return project;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the knowledge base (organizations, models, people) into {@code project}'s {@code seeds/data/}. */
    public static Path copyKnowledgeBase(Path project) {
        try (Stream<Path> files = Files.list(KNOWLEDGE)) {
            Path data = Files.createDirectories(project.resolve("seeds/data"));
            for (Path yaml : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                Files.copy(yaml, data.resolve(yaml.getFileName().toString()));
            }
            return project;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the folder {@code from} to {@code to}, every file and folder in it. */
    static void copyTree(Path from, Path to) throws IOException {
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

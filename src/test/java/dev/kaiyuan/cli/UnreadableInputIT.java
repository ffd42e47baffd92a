package dev.kaiyuan.cli;

import static dev.kaiyuan.build.TestSites.GOOD_ARTICLE;
import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.sun.security.auth.module.UnixSystem;
import dev.kaiyuan.build.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and folders of a project that the user running the build may not read: a seed, a folder of
 * seeds, a knowledge-base table, the config and a theme folder. Each is an error naming it, all of
 * them in one run, with exit code 1 and the last good site left as it was; never a crash. Run
 * through the launcher as a user without the permission: as root, whom no permission stops, the
 * build runs as {@code nobody} through util-linux's {@code setpriv}.
 */
class UnreadableInputIT {
    private static final Path LAUNCHER = Path.of("target", "kaiyuan").toAbsolutePath();
    private static final String NONE = "---------";

    @TempDir
    Path project;

    @BeforeAll
    static void unixOnly() {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "POSIX permissions");
    }

    @Test
    void everyUnreadableInputIsAnErrorNamingItAndTheSiteIsKept() throws Exception {
        write(project, "seeds/good.md", GOOD_ARTICLE);
        write(project, "seeds/secret.md", GOOD_ARTICLE.replace("good", "secret"));
        write(project, "seeds/locked/inside.md", GOOD_ARTICLE.replace("good", "inside"));
        write(project, "seeds/.hidden/notes.md", "not an article");
        for (String table : List.of("organizations.yaml", "models.yaml", "people.yaml")) {
            write(project, "seeds/data/" + table, Files.readAllBytes(Path.of("seeds/data", table)));
        }
        write(project, "kaiyuan.yaml", "title: Readable digest\n");
        write(project, "templates/partials/note.ftlh", "<#-- not used -->\n");
        everyoneMay(project);
        Run first = run("build");
        assertThat(first.exit()).as(first.output()).isZero();
        Map<String, byte[]> site = TestSites.snapshot(project.resolve("site"));
        List<Path> before = listing();

        try {
            for (String rel : List.of("seeds/secret.md", "seeds/locked", "seeds/.hidden", "seeds/data/people.yaml",
                    "kaiyuan.yaml", "templates/partials")) {
                Files.setPosixFilePermissions(project.resolve(rel), PosixFilePermissions.fromString(NONE));
            }

            Run denied = run("build");

            assertThat(denied.exit()).as(denied.output()).isEqualTo(ExitCode.CONTENT);
            String user = asRoot() ? "nobody" : System.getProperty("user.name");
            assertThat(denied.output()).contains(
                    "seeds/secret.md: error: cannot read file — permission denied\n"
                            + "    hint: make the file readable by " + user + ", or move it out of seeds/",
                    "seeds/locked/: error: cannot read folder — permission denied\n"
                            + "    hint: make the folder readable by " + user + ", or move it out of seeds/",
                    "seeds/data/people.yaml: error: cannot read file — permission denied\n"
                            + "    hint: make the file readable by " + user + "\n",
                    "kaiyuan.yaml: error: cannot read file — permission denied",
                    "templates/partials/: error: cannot read folder — permission denied",
                    "5 errors; the previous site was left as it was")
                    .doesNotContain("internal error", ".hidden");
            Map<String, byte[]> after = TestSites.snapshot(project.resolve("site"));
            assertThat(after.keySet()).containsExactlyElementsOf(site.keySet());
            site.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
            assertThat(TestSites.leftovers(project.resolve("site"))).as("temporary folders beside site/").isEmpty();
            assertThat(listing()).isEqualTo(before);
        } finally {
            everyoneMay(project);
        }
    }

    /** A knowledge base's folder that cannot be entered would make its tables look absent. */
    @Test
    void anUnreadableKnowledgeBaseFolderIsAnErrorNotAnEmptyKnowledgeBase() throws Exception {
        write(project, "seeds/good.md", GOOD_ARTICLE);
        write(project, "seeds/data/people.yaml", Files.readAllBytes(Path.of("seeds/data/people.yaml")));
        everyoneMay(project);
        try {
            Files.setPosixFilePermissions(project.resolve("seeds/data"), PosixFilePermissions.fromString(NONE));

            Run denied = run("build");

            assertThat(denied.exit()).as(denied.output()).isEqualTo(ExitCode.CONTENT);
            assertThat(denied.output()).contains("seeds/data/: error: cannot read folder — permission denied",
                    "1 error;");
            assertThat(project.resolve("site")).doesNotExist();
        } finally {
            everyoneMay(project);
        }
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> walk = Files.walk(project, 1)) {
            return walk.sorted().toList();
        }
    }

    /** Lets every user read, write and enter everything under {@code root}, so that the build's user can. */
    private static void everyoneMay(Path root) throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                Files.setPosixFilePermissions(path,
                        PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        }
    }

    private static boolean asRoot() {
        return new UnixSystem().getUid() == 0;
    }

    private record Run(int exit, String output) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        assertThat(LAUNCHER).as("mvn package makes the launcher").isExecutable();
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(project.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.DiagnosticSink;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the seeds of a project are found: in path order, with their sidecars, links to files followed,
 * hidden folders left alone, and links that lead nowhere or to a folder reported.
 */
class ProjectFilesTest {
    @TempDir
    Path project;

    @Test
    void seedsAreListedInPathOrderWithSidecarsAndLinksToFilesFollowed() throws Exception {
        TestSites.write(project, "seeds/b.md", "---\ntitle: B\n---\nB.\n");
        TestSites.write(project, "seeds/b.meta.yaml", "source: Somewhere\n");
        TestSites.write(project, "elsewhere/a.md", "---\ntitle: A\n---\nA.\n");
        Files.createSymbolicLink(project.resolve("seeds/a.md"), project.resolve("elsewhere/a.md"));
        Files.createSymbolicLink(project.resolve("seeds/broken.md"), project.resolve("nowhere.md"));
        TestSites.write(project, "seeds/data/people.yaml", "[]\n");
        // hidden folders are not entered, as serve does not watch them: no article, no warning
        TestSites.write(project, "seeds/.drafts/c.md", "---\ntitle: C\n---\nC.\n");
        TestSites.write(project, "seeds/.git/HEAD", "ref: refs/heads/main\n");
        // a folder whose name ends in ~ is a folder like any other (editor backups are files)
        TestSites.write(project, "seeds/old~/c.md", "---\ntitle: C\n---\nC.\n");

        DiagnosticSink sink = new DiagnosticSink();
        List<SeedFile> seeds = ProjectFiles.seeds(project, List.of("md", "txt"), sink);

        assertThat(seeds).extracting(SeedFile::path).containsExactly("seeds/a.md", "seeds/b.md", "seeds/old~/c.md");
        assertThat(seeds.get(1).sidecar()).contains(project.resolve("seeds/b.meta.yaml"));
        assertThat(ProjectFiles.read(project, seeds.get(0), sink).orElseThrow().file().size()).isPositive();
        assertThat(sink.sorted()).extracting(d -> d.code() + " " + d.where().path())
                .containsExactly("project.broken-link seeds/broken.md");
    }

    /**
     * seeds/ may itself be a link (articles kept in another checkout): its files are named under
     * seeds/ as if it were the folder. A link to a folder further down is reported, not followed.
     */
    @Test
    void aLinkedSeedsFolderIsReadWhereItLeadsAndALinkedFolderInsideIsReported() throws Exception {
        TestSites.write(project, "kept/b.md", "---\ntitle: B\n---\nB.\n");
        TestSites.write(project, "kept/2025/a.md", "---\ntitle: A\n---\nA.\n");
        TestSites.write(project, "kept/2025/a.meta.yaml", "source: Somewhere\n");
        TestSites.write(project, "more/c.md", "---\ntitle: C\n---\nC.\n");
        Files.createSymbolicLink(project.resolve("kept/more"), project.resolve("more"));
        // the knowledge base (read by its own paths) and hidden folders are not reported
        Files.createSymbolicLink(project.resolve("kept/data"), project.resolve("more"));
        Files.createSymbolicLink(project.resolve("kept/.drafts"), project.resolve("more"));
        Files.createSymbolicLink(project.resolve("seeds"), project.resolve("kept"));

        DiagnosticSink sink = new DiagnosticSink();
        List<SeedFile> seeds = ProjectFiles.seeds(project, List.of("md", "txt"), sink);

        assertThat(seeds).extracting(SeedFile::path).containsExactly("seeds/2025/a.md", "seeds/b.md");
        assertThat(seeds.get(0).file()).isEqualTo(project.resolve("seeds/2025/a.md"));
        assertThat(seeds.get(0).sidecar()).contains(project.resolve("seeds/2025/a.meta.yaml"));
        assertThat(seeds.get(0).stamp()).isPresent();
        assertThat(ProjectFiles.read(project, seeds.get(1), sink).orElseThrow().file().path()).isEqualTo("seeds/b.md");
        assertThat(sink.sorted()).extracting(d -> d.code() + " " + d.where().path())
                .containsExactly("project.linked-folder seeds/more");
        assertThat(sink.sorted().get(0).hint()).as("seeds/ is already a link").doesNotContain("itself the link");
    }

    /** A theme's files: a linked root named under the link, hidden folders (a .git/) and links to folders not entered. */
    @Test
    void aLinkedFoldersFilesAreNamedUnderTheLinkWithoutItsHiddenFolders() throws Exception {
        TestSites.write(project, "kept/x/y.ftlh", "y");
        TestSites.write(project, "kept/.git/HEAD", "ref: refs/heads/main");
        TestSites.write(project, "kept/.hidden.ftlh", "h");
        TestSites.write(project, "other/z.ftlh", "z");
        Files.createSymbolicLink(project.resolve("kept/linked"), project.resolve("other"));
        Files.createSymbolicLink(project.resolve("kept/a.ftlh"), project.resolve("other/z.ftlh"));
        Files.createSymbolicLink(project.resolve("templates"), project.resolve("kept"));

        assertThat(ProjectFiles.files(project.resolve("templates")))
                .extracting(p -> project.relativize(p).toString().replace('\\', '/'))
                .containsExactly("templates/.hidden.ftlh", "templates/a.ftlh", "templates/x/y.ftlh");
    }

    @Test
    void aFileThatIsNotARegularFileIsReportedNotRead() throws Exception {
        TestSites.write(project, "seeds/a.md", "---\ntitle: A\n---\nA.\n");
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(project.resolve("seeds/socket.md")));
            Files.createSymbolicLink(project.resolve("seeds/to-socket.md"), project.resolve("seeds/socket.md"));

            DiagnosticSink sink = new DiagnosticSink();
            List<SeedFile> seeds = ProjectFiles.seeds(project, List.of("md", "txt"), sink);

            assertThat(seeds).extracting(SeedFile::path).containsExactly("seeds/a.md");
            assertThat(sink.sorted()).extracting(d -> d.code() + " " + d.where().path() + " " + d.title())
                    .containsExactly("project.unknown-file seeds/socket.md not a regular file, skipped",
                            "project.unknown-file seeds/to-socket.md not a regular file, skipped");
        }
    }

    /** A file that grew or shrank between its size and its reading is read to its end all the same. */
    @Test
    void aFileIsReadToItsEndWhateverItsSizeSaid() throws Exception {
        Path file = project.resolve("ten.md");
        Files.write(file, "0123456789".getBytes(StandardCharsets.US_ASCII));
        for (int said : new int[] {0, 4, 10, 20}) {
            try (FileChannel channel = FileChannel.open(file)) {
                assertThat(new String(ProjectFiles.readAll(channel, said), StandardCharsets.US_ASCII))
                        .as("size said %d", said).isEqualTo("0123456789");
            }
        }
    }

    /**
     * The quick relative path (the project's path cut off the file's) is the one
     * {@link Path#relativize} gives, for files the walk finds (the first four) and for paths it
     * does not take (a dot segment, a path outside the project, the project itself).
     */
    @ParameterizedTest
    @ValueSource(strings = {"seeds/a.md", "seeds/深度/求索 1.md", "seeds/a b/c.txt", "seeds/back\\slash.md",
            "seeds/x/../y.md", "seeds/./z.md", "../out/a.md", ""})
    void aFilesPathFromTheProjectIsWhatRelativizeGives(String rel) {
        Path file = project.resolve(rel);
        assertThat(ProjectFiles.relative(project, file))
                .isEqualTo(project.relativize(file).toString().replace('\\', '/'));
    }
}

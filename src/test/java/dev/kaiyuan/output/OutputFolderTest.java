package dev.kaiyuan.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folders a build refuses to replace, given as paths or as links to them: the project or
 * a folder above it, its seeds/ or templates/, a file, a folder with something else in it.
 */
class OutputFolderTest {
    @TempDir
    Path tmp;
    Path project;

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve("seeds"));
        Files.createDirectories(project.resolve("templates"));
        Files.writeString(project.resolve("seeds/a.md"), "A.");
    }

    @Test
    void aNewFolderOrABuiltSiteMayBeReplaced() throws IOException {
        assertThat(OutputFolder.problem(project, project.resolve("site"))).isEmpty();
        Files.createDirectories(tmp.resolve("built"));
        Files.writeString(tmp.resolve("built/index.html"), "<p>site</p>");
        assertThat(OutputFolder.problem(project, tmp.resolve("built"))).isEmpty();
        assertThat(OutputFolder.problem(project, tmp.resolve("not/there/yet"))).isEmpty();
    }

    @Test
    void theProjectItsParentsItsSeedsAndTemplatesAreRefused() {
        assertThat(OutputFolder.problem(project, project)).get().asString().contains("is the project or holds it");
        assertThat(OutputFolder.problem(project, tmp)).get().asString().contains("is the project or holds it");
        assertThat(OutputFolder.problem(project, project.resolve("seeds/site"))).get().asString()
                .contains("inside seeds/ or templates/");
        assertThat(OutputFolder.problem(project, project.resolve("templates"))).get().asString()
                .contains("inside seeds/ or templates/");
    }

    /** A link is judged by where it leads: the build writes there. */
    @Test
    void aLinkToTheProjectOrIntoItsSeedsIsRefusedAsTheFolderItselfWouldBe() throws IOException {
        Files.writeString(tmp.resolve("index.html"), "<p>looks like a site</p>");
        Path up = Files.createSymbolicLink(project.resolve("up"), tmp);
        Path self = Files.createSymbolicLink(project.resolve("self"), project);
        Path intoSeeds = Files.createSymbolicLink(project.resolve("out"), project.resolve("seeds"));
        Path throughLink = Files.createSymbolicLink(tmp.resolve("p2"), project);

        assertThat(OutputFolder.problem(project, up)).get().asString().contains("is the project or holds it");
        assertThat(OutputFolder.problem(project, self)).get().asString().contains("is the project or holds it");
        assertThat(OutputFolder.problem(project, intoSeeds)).get().asString().contains("inside seeds/ or templates/");
        assertThat(OutputFolder.problem(project, throughLink.resolve("seeds/new"))).get().asString()
                .contains("inside seeds/ or templates/");
    }

    @Test
    void aLinkToAnEmptyFolderElsewhereMayBeReplaced() throws IOException {
        Path www = Files.createDirectories(tmp.resolve("www"));
        Path site = Files.createSymbolicLink(project.resolve("site"), www);

        assertThat(OutputFolder.problem(project, site)).isEmpty();
    }

    @Test
    void aFileOrAFolderHoldingSomethingElseIsRefused() throws IOException {
        Files.writeString(tmp.resolve("file"), "x");
        Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(tmp.resolve("docs/notes.txt"), "mine");

        assertThat(OutputFolder.problem(project, tmp.resolve("file"))).get().asString().contains("is a file");
        assertThat(OutputFolder.problem(project, tmp.resolve("docs"))).get().asString()
                .contains("does not look like a built site");
    }
}

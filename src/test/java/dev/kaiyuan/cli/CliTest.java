package dev.kaiyuan.cli;

import static dev.kaiyuan.build.TestSites.GOOD_ARTICLE;
import static dev.kaiyuan.build.TestSites.write;
import static dev.kaiyuan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts and CI use it: exit codes, compiler-style diagnostics, the summary line. */
class CliTest {
    /** 'draft: maybe' — the value starts on line 3, column 8. */
    static final String BAD = """
            ---
            title: A bad article
            draft: maybe
            date: 2025-08-21
            ---
            The body is fine.
            """;

    @TempDir
    Path dir;

    private Path project(String name) {
        return dir.resolve(name);
    }

    @Test
    void buildOfAGoodProjectExitsZeroWithASummaryLine() {
        Path p = project("good");
        write(p, "seeds/good.md", GOOD_ARTICLE);

        CliRun r = run("build", "--project", p.toString(), "--base-url", "https://example.org/");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out().strip()).matches("Built 1 article, \\d+ pages in \\d+\\.\\d s, \\d+ warnings?");
        assertThat(r.err()).isEmpty();
        assertThat(p.resolve("site/index.html")).isRegularFile();
        assertThat(p.resolve("site/articles/good/index.html")).isRegularFile();
    }

    @Test
    void brokenProjectExitsOneWithCompilerStyleDiagnosticsAndHints() {
        Path p = project("broken");
        write(p, "seeds/good.md", GOOD_ARTICLE);
        write(p, "seeds/bad.md", BAD);

        CliRun r = run("build", "--project", p.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.CONTENT);
        List<String> lines = r.errLines();
        int at = indexOfMatch(lines, "seeds/bad\\.md:3:8: error: front matter: .+");
        assertThat(at).as(r.toString()).isNotNegative();
        assertThat(lines.get(at)).contains("'draft'").contains("maybe");
        assertThat(lines).hasSizeGreaterThan(at + 1);
        assertThat(lines.get(at + 1)).matches("\\s+hint: .+");
        assertThat(r.out()).contains("Build failed");
        assertThat(p.resolve("site")).doesNotExist();
    }

    @Test
    void diagnosticPathsUseForwardSlashesRelativeToTheProject() {
        Path p = project("nested");
        write(p, "seeds/2025/08/bad.md", BAD);

        CliRun r = run("build", "--project", p.toString());

        assertThat(r.code()).isEqualTo(ExitCode.CONTENT);
        assertThat(r.errLines()).anyMatch(l -> l.startsWith("seeds/2025/08/bad.md:3:8: error: "));
        assertThat(r.err()).doesNotContain(p.toString() + "/seeds").doesNotContain("\\");
    }

    @Test
    void warningsPassUnlessStrict() {
        Path p = project("undated");
        write(p, "seeds/undated.md", GOOD_ARTICLE.replace("date: 2025-08-21\n", ""));

        CliRun lenient = run("build", "--project", p.toString(), "--base-url", "https://example.org/");
        assertThat(lenient.code()).as(lenient.toString()).isEqualTo(ExitCode.OK);
        assertThat(lenient.out().strip()).matches("Built 1 article, \\d+ pages in \\d+\\.\\d s, 1 warning");
        assertThat(lenient.errLines()).anyMatch(l -> l.matches("seeds/undated\\.md: warning: .+"));

        CliRun strict = run("build", "--project", p.toString(), "--base-url", "https://example.org/", "--strict");
        assertThat(strict.code()).as(strict.toString()).isEqualTo(ExitCode.CONTENT);
        assertThat(strict.out()).contains("Build failed");

        CliRun strictOff = run("build", "--project", p.toString(), "--base-url", "https://example.org/", "--strict=false");
        assertThat(strictOff.code()).as(strictOff.toString()).isEqualTo(ExitCode.OK);
        assertThat(run("build", "--project", p.toString(), "--base-url", "https://example.org/", "--strict=true").code())
                .isEqualTo(ExitCode.CONTENT);
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun r = run("build", "--frobnicate");

        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--frobnicate");
    }

    @Test
    void unknownTopLevelOptionIsAUsageError() {
        assertThat(run("--frobnicate").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CliRun r = run();

        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("build");
    }

    @Test
    void everyCommandsHelpShowsItsOptionsWithTheirValues() {
        assertThat(run("build", "--help").out()).contains("Usage: kaiyuan build [-hV] [--drafts] [--no-cache] [--strict]",
                "[--base-url=URL]", "[--engine=ENGINE] [--out=DIR] [--project=DIR]", "-h, --help", "-V, --version",
                "Treat warnings as errors.");
        assertThat(run("check", "--help").out()).contains("Usage: kaiyuan check [-hV] [--no-cache] [--strict]",
                "Exit codes: 0 clean");
        assertThat(run("serve", "--help").out()).contains("[--bind=ADDRESS] [--engine=ENGINE] [--hold=WHERE]",
                "[--port=N]", "(default: 1313; 0: any", "(default: 127.0.0.1,");
        assertThat(run("new", "--help").out()).contains("[--project=DIR] [--tag=TAG]... TITLE",
                "--date=YYYY-MM-DD");
    }

    @Test
    void versionPrintsTheVersion() {
        CliRun r = run("--version");

        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out().strip()).matches("kaiyuan \\S.*");
    }

    @Test
    void versionAfterTheSubcommandPrintsTheVersionToo() {
        CliRun r = run("build", "--version");

        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out().strip()).isEqualTo(run("--version").out().strip());
    }

    @Test
    void helpExitsZeroAndListsTheCommands() {
        CliRun top = run("--help");
        assertThat(top.code()).isEqualTo(ExitCode.OK);
        assertThat(top.out()).contains("Usage:").contains("build");

        CliRun build = run("build", "--help");
        assertThat(build.code()).isEqualTo(ExitCode.OK);
        assertThat(build.out()).contains("--project").contains("--out");
        assertThat(build.out()).startsWith("Usage: kaiyuan build ");
    }

    /** Main adds only the command named first; help, no command and a mistake still list every one. */
    @Test
    void everyCommandIsListedWhereverCommandsAreListed() {
        String[] commands = {"\n  build ", "\n  check ", "\n  new ", "\n  serve ", "\n  help "};
        assertThat(run("--help").out()).contains(commands);
        assertThat(run("help").out()).contains(commands);
        assertThat(run().err()).contains(commands);
        CliRun mistake = run("bild");
        assertThat(mistake.code()).isEqualTo(ExitCode.USAGE);
        assertThat(mistake.err()).contains("'bild'").contains(commands);
        assertThat(run("help", "serve").out()).startsWith("Usage: kaiyuan serve ").contains("--hold");
    }

    @Test
    void outWritesThereAndNotIntoTheProject() {
        Path p = project("proj");
        write(p, "seeds/good.md", GOOD_ARTICLE);
        Path out = dir.resolve("elsewhere/public");

        CliRun r = run("build", "--project", p.toString(), "--out", out.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(out.resolve("articles/good/index.html")).isRegularFile();
        assertThat(p.resolve("site")).doesNotExist();
    }

    @Test
    void outThatWouldReplaceTheProjectOrItsSeedsIsRefused() {
        Path p = project("precious");
        write(p, "seeds/good.md", GOOD_ARTICLE);

        for (Path out : List.of(p, p.resolve("seeds"), p.resolve("seeds/site"), dir, p.resolve("templates"))) {
            CliRun r = run("build", "--project", p.toString(), "--out", out.toString());
            assertThat(r.code()).as(out + "\n" + r).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains("output folder");
        }
        assertThat(p.resolve("seeds/good.md")).hasContent(GOOD_ARTICLE);
        assertThat(dir.resolve(".precious.kaiyuan-old")).doesNotExist();
    }

    @Test
    void outThatHoldsSomethingElseIsRefused() {
        Path p = project("proj2");
        write(p, "seeds/good.md", GOOD_ARTICLE);
        Path documents = dir.resolve("documents");
        write(documents, "notes.txt", "keep me");

        CliRun r = run("build", "--project", p.toString(), "--out", documents.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(documents.resolve("notes.txt")).hasContent("keep me");
        assertThat(documents.resolve("index.html")).doesNotExist();
    }

    @Test
    void projectWithoutSeedsExitsOneWithAClearMessage() {
        Path p = project("empty");
        write(p, "kaiyuan.yaml", "title: Empty\n");

        CliRun r = run("build", "--project", p.toString());

        assertThat(r.code()).isEqualTo(ExitCode.CONTENT);
        assertThat(r.err()).contains("seeds/").contains("no seeds/ folder");
        assertThat(r.err()).containsPattern("hint: .*--project");
        assertThat(p.resolve("site")).doesNotExist();
    }

    /** The seeds are listed while the cache loads; what the listing finds is reported once, on every build. */
    @Test
    void aFileThatIsNoArticleIsReportedOnceOnEveryBuild() {
        Path p = project("unknown-file");
        write(p, "seeds/good.md", GOOD_ARTICLE);
        write(p, "seeds/notes.docx", "not an article");

        for (int build = 1; build <= 2; build++) {
            CliRun r = run("build", "--project", p.toString());

            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
            assertThat(r.err().split("seeds/notes.docx: warning: not an article, skipped", -1)).as(r.err()).hasSize(2);
            assertThat(p.resolve("site/index.html")).exists();
        }
        assertThat(p.resolve(".kaiyuan")).isDirectory();
    }

    /** At most a thousand problems are printed, and the rest counted in a last line. */
    @Test
    void problemsPastTheFirstThousandAreCountedNotPrinted() {
        Path p = project("many-problems");
        write(p, "seeds/good.md", GOOD_ARTICLE);
        for (int n = 0; n < 1003; n++) {
            write(p, "seeds/notes/n" + n + ".docx", "not an article");
        }

        CliRun r = run("build", "--project", p.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        Matcher summary = Pattern.compile("(\\d+) warnings").matcher(r.out());
        assertThat(summary.find()).as(r.out()).isTrue();
        int warnings = Integer.parseInt(summary.group(1));
        List<String> lines = r.err().lines().toList();
        long printed = lines.stream().filter(line -> line.contains(": warning: ")).count();
        assertThat(warnings).isGreaterThan(1003);
        assertThat(printed).isEqualTo(1000);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("… and " + (warnings - printed) + " more problems not shown");
    }

    @Test
    void binaryAndOversizedSeedsAreReportedTogetherInOneRun() {
        Path p = project("mixed");
        write(p, "seeds/good.md", GOOD_ARTICLE);
        byte[] binary = new byte[4096];
        new Random(42).nextBytes(binary);
        for (int i = 0; i < binary.length; i += 7) {
            binary[i] = 0;
        }
        write(p, "seeds/binary.txt", binary);
        byte[] huge = new byte[9 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        write(p, "seeds/huge.md", huge);

        CliRun r = run("build", "--project", p.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.CONTENT);
        assertThat(r.errLines()).anySatisfy(l -> assertThat(l)
                .matches("seeds/binary\\.txt(:\\d+)*: error: .*(binary|decode).*"));
        assertThat(r.errLines()).anySatisfy(l -> assertThat(l)
                .matches("seeds/huge\\.md(:\\d+)*: error: .*too large.*"));
        assertThat(r.out()).contains("2 errors");
        assertThat(r.err()).doesNotContain("seeds/good.md");
        assertThat(p.resolve("site")).doesNotExist();
    }

    private static int indexOfMatch(List<String> lines, String regex) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(regex)) {
                return i;
            }
        }
        return -1;
    }
}

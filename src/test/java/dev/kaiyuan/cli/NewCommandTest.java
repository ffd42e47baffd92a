package dev.kaiyuan.cli;

import static dev.kaiyuan.build.TestSites.GOOD_ARTICLE;
import static dev.kaiyuan.build.TestSites.page;
import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.build.Build;
import dev.kaiyuan.build.BuildRequest;
import dev.kaiyuan.build.BuildResult;
import dev.kaiyuan.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaiyuan new}: a new seed with front matter that builds, dated by an injected clock, never overwriting. */
class NewCommandTest {
    /** 17:30 UTC on 20 August 2025 is already 21 August in Shanghai. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-20T17:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.run(CLOCK, args);
    }

    private Path project(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static String read(Path p, String relative) throws IOException {
        return Files.readString(p.resolve(relative), StandardCharsets.UTF_8);
    }

    private static BuildResult build(Path p, boolean drafts) {
        return Build.run(new BuildRequest(p, p.resolve("site"), drafts, false, Optional.empty(), Optional.empty()));
    }

    @Test
    void writesTodayInTheConfigsTimezoneAndCreatesTheSeedsFolder() throws IOException {
        Path p = project("zoned");
        write(p, "kaiyuan.yaml", "timezone: Asia/Shanghai\n");

        CliRun r = run("new", "Open models keep coming", "--project", p.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("seeds/2025-08-21-open-models-keep-coming.md" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
        String text = read(p, "seeds/2025-08-21-open-models-keep-coming.md");
        assertThat(text).startsWith("---\n").contains("\ntitle: Open models keep coming\n", "\ndate: 2025-08-21\n",
                "\nslug: open-models-keep-coming\n").doesNotContain("draft").doesNotContain("lang:");
        assertThat(text.lines().filter(l -> l.equals("---"))).hasSize(2);
    }

    @Test
    void withoutAConfigTodayIsTakenInUtc() throws IOException {
        Path p = project("utc");

        CliRun r = run("new", "Hello", "--project", p.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out().strip()).isEqualTo("seeds/2025-08-20-hello.md");
        assertThat(p.resolve("seeds/2025-08-20-hello.md")).isRegularFile();
    }

    @Test
    void dateOptionWinsOverTheClock() throws IOException {
        Path p = project("dated");

        CliRun r = run("new", "Hello", "--project", p.toString(), "--date", "2024-02-29");

        assertThat(r.out().strip()).isEqualTo("seeds/2024-02-29-hello.md");
        assertThat(read(p, "seeds/2024-02-29-hello.md")).contains("\ndate: 2024-02-29\n");
    }

    @Test
    void chineseTitleIsRomanisedIntoTheSlug() throws IOException {
        Path p = project("zh");

        CliRun r = run("new", "开源模型", "--project", p.toString(), "--date", "2025-08-21", "--lang", "zh-CN");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out().strip()).isEqualTo("seeds/2025-08-21-kai-yuan-mo-xing.md");
        assertThat(read(p, "seeds/2025-08-21-kai-yuan-mo-xing.md"))
                .contains("\ntitle: 开源模型\n", "\nslug: kai-yuan-mo-xing\n", "\nlang: zh-Hans\n");
    }

    @Test
    void titleWithYamlSyntaxRoundTripsThroughFrontMatterIntoThePage() throws IOException {
        Path p = project("nasty");
        String title = "DeepSeek: \"R1\" is #1 - 'really' & [more]: {yes} #";

        CliRun r = run("new", title, "--project", p.toString(), "--date", "2025-01-20",
                "--tag", "open weights", "--tag", "DeepSeek", "--tag", "open weights");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        String file = r.out().strip();
        assertThat(file).isEqualTo("seeds/2025-01-20-deepseek-r1-is-1-really-more-yes.md");
        BuildResult result = build(p, false);
        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        assertThat(result.diagnostics()).extracting(Diagnostic::format).noneMatch(d -> d.contains(file));
        var article = page(p.resolve("site"), "articles/deepseek-r1-is-1-really-more-yes/index.html");
        assertThat(article.selectFirst("h1.article-title").text()).isEqualTo(title);
        assertThat(article.text()).contains("open weights").contains("DeepSeek");
        assertThat(read(p, file)).containsOnlyOnce("open weights");
    }

    @Test
    void neverOverwritesAndNumbersTheFileAndSlug() throws IOException {
        Path p = project("twice");
        write(p, "seeds/2025-08-21-weekly-digest.md", "---\ntitle: Mine\n---\nKeep me.\n");

        CliRun second = run("new", "Weekly digest", "--project", p.toString(), "--date", "2025-08-21");
        CliRun third = run("new", "Weekly digest", "--project", p.toString(), "--date", "2025-08-21");

        assertThat(second.out().strip()).isEqualTo("seeds/2025-08-21-weekly-digest-2.md");
        assertThat(third.out().strip()).isEqualTo("seeds/2025-08-21-weekly-digest-3.md");
        assertThat(read(p, "seeds/2025-08-21-weekly-digest.md")).isEqualTo("---\ntitle: Mine\n---\nKeep me.\n");
        assertThat(read(p, "seeds/2025-08-21-weekly-digest-3.md")).contains("\nslug: weekly-digest-3\n");
    }

    @Test
    void numberedSlugOfALongTitleKeepsItsNumberAndBuilds() throws IOException {
        Path p = project("long");
        String title = "A very long title about open models ".repeat(4).strip();

        CliRun first = run("new", title, "--project", p.toString(), "--date", "2025-08-21");
        CliRun second = run("new", title, "--project", p.toString(), "--date", "2025-08-21");

        String slug = second.out().strip().replaceAll("^seeds/2025-08-21-|\\.md$", "");
        assertThat(slug).endsWith("-2").hasSizeLessThanOrEqualTo(80);
        assertThat(first.out()).isNotEqualTo(second.out());
        BuildResult result = build(p, false);
        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        assertThat(p.resolve("site/articles/" + slug + "/index.html")).isRegularFile();
    }

    @Test
    void draftIsLeftOutOfTheSiteUnlessDraftsAreAsked() throws IOException {
        Path p = project("draft");
        write(p, "seeds/published.md", GOOD_ARTICLE);

        CliRun r = run("new", "Work in progress", "--project", p.toString(), "--date", "2025-08-22", "--draft");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(read(p, r.out().strip())).contains("\ndraft: true\n");
        CliRun notDraft = run("new", "Ready", "--project", p.toString(), "--date", "2025-08-22", "--draft=false");
        assertThat(read(p, notDraft.out().strip())).doesNotContain("draft");
        assertThat(build(p, false).succeeded()).isTrue();
        assertThat(p.resolve("site/articles/published/index.html")).isRegularFile();
        assertThat(p.resolve("site/articles/work-in-progress")).doesNotExist();
        assertThat(build(p, true).succeeded()).isTrue();
        assertThat(p.resolve("site/articles/work-in-progress/index.html")).isRegularFile();
    }

    @Test
    void emptyTitleIsAUsageError() throws IOException {
        Path p = project("empty");

        for (String title : new String[] {"", "   "}) {
            CliRun r = run("new", title, "--project", p.toString());
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains("title").contains("Usage:");
        }
        CliRun none = run("new", "--project", p.toString());
        assertThat(none.code()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).startsWith("kaiyuan: Missing required parameter: 'TITLE'");
        assertThat(p.resolve("seeds")).doesNotExist();
    }

    @Test
    void badDateLanguageOrProjectAreUsageErrors() throws IOException {
        Path p = project("bad");

        assertThat(run("new", "T", "--project", p.toString(), "--date", "21/08/2025").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("new", "T", "--project", p.toString(), "--lang", "not a tag").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("new", "T", "--project", p.resolve("missing").toString()).code()).isEqualTo(ExitCode.USAGE);
        assertThat(p.resolve("seeds")).doesNotExist();
    }

    @Test
    void helpListsTheNewCommand() {
        CliRun top = CliRun.run("--help");
        assertThat(top.out()).contains("new");

        CliRun help = CliRun.run("new", "--help");
        assertThat(help.code()).isEqualTo(ExitCode.OK);
        assertThat(help.out()).contains("--date").contains("--tag").contains("--draft");
    }
}

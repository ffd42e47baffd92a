package dev.kaiyuan.cli;

import static dev.kaiyuan.build.TestSites.write;
import static dev.kaiyuan.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.check.SiteChecker;
import dev.kaiyuan.check.SiteProblem;
import dev.kaiyuan.check.SiteReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kaiyuan check}: a strict build into the normal output folder, then every link, fragment,
 * feed and sitemap of what was written is verified; each problem is printed as
 * {@code site/path.html: broken link '…' — why}, all of them in one run, then a summary.
 */
class CheckCommandTest {
    static final String ZH = """
            ---
            title: 深度求索发布新的开源模型
            date: 2025-09-01
            source: 新华社
            ---
            深度求索今天发布了新的开源模型，性能接近顶尖的专有模型。

            ## 细节

            [回到细节](#细节)；模型的权重以 MIT 许可证发布。
            """;
    static final String EN = """
            ---
            title: Open weights, again
            date: 2025-08-21
            ---
            Open models keep getting better. See [the other article](../zh/index.html).
            """;
    static final String BROKEN = """
            ---
            title: Links that go nowhere
            date: 2025-08-22
            ---
            A [dead page](../nope/index.html), a [missing anchor](#missing) and an image:

            <img src="/abs.png" alt="absolute">
            """;

    static final String BASE = "https://example.org/digest/";

    @TempDir
    Path dir;

    /** {@code kaiyuan check} with a base URL: without one the build warns (no feeds, no sitemap). */
    static CliRun check(Path project, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--project", project.toString(), "--base-url", BASE));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Path cleanProject(String name) {
        Path p = dir.resolve(name);
        write(p, "seeds/zh.md", ZH);
        write(p, "seeds/en.md", EN);
        return p;
    }

    @Test
    void cleanProjectExitsZeroWithASummary() {
        Path p = cleanProject("clean");

        CliRun r = check(p);

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).containsPattern("Built 2 articles, \\d+ pages")
                .containsPattern("Checked \\d+ pages, \\d+ files: no problems");
        assertThat(p.resolve("site/articles/zh/index.html")).isRegularFile();
        assertThat(p.resolve("site/sitemap.xml")).as("checked against the base URL").isRegularFile();
        assertThat(p.resolve("site/feed.xml")).isRegularFile();
    }

    @Test
    void withoutABaseUrlTheCheckWarnsButPassesAndStrictFails() {
        Path p = cleanProject("no-base");

        CliRun r = run("check", "--project", p.toString());

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.errLines()).anyMatch(l -> l.startsWith("kaiyuan.yaml: warning: "));
        CliRun strict = run("check", "--project", p.toString(), "--strict");
        assertThat(strict.code()).as(strict.toString()).isEqualTo(ExitCode.CONTENT);
        assertThat(strict.out()).contains("Check failed");
    }

    @Test
    void brokenLinksInAnArticleAreAllNamedWithThePagePathAndExitOne() {
        Path p = cleanProject("broken");
        write(p, "seeds/broken.md", BROKEN);

        CliRun r = check(p);

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.CONTENT);
        String page = "site/articles/broken/index.html: broken link ";
        assertThat(r.errLines()).as(r.toString())
                .anyMatch(l -> l.startsWith(page + "'../nope/index.html' — ") && l.contains("nope/index.html"))
                .anyMatch(l -> l.startsWith(page + "'#missing' — ") && l.contains("missing"))
                .anyMatch(l -> l.startsWith(page + "'/abs.png' — ") && l.contains("absolute path"));
        assertThat(r.errLines()).as("only the broken article has problems").allMatch(l -> l.startsWith(page));
        assertThat(r.out()).containsPattern("Check failed: 3 problems in 1 file; checked \\d+ pages, \\d+ files");
    }

    @Test
    void problemPathsFollowTheOutputFolderAsGiven() {
        Path p = cleanProject("out-elsewhere");
        write(p, "seeds/broken.md", BROKEN);

        CliRun inside = check(p, "--out", p.resolve("public/www").toString());
        assertThat(inside.errLines()).isNotEmpty().allMatch(l -> l.startsWith("public/www/articles/broken/index.html: "));

        Path outside = dir.resolve("elsewhere/site");
        CliRun r = check(p, "--out", outside.toString());
        assertThat(r.errLines()).isNotEmpty()
                .allMatch(l -> l.startsWith(outside.toString().replace('\\', '/') + "/articles/broken/index.html: "));
    }

    @Test
    void withStrictWarningsFailTheCheckAndKeepTheOldSite() throws IOException {
        Path p = cleanProject("strict");
        assertThat(run("build", "--project", p.toString(), "--base-url", BASE).code()).isEqualTo(ExitCode.OK);
        byte[] before = Files.readAllBytes(p.resolve("site/index.html"));
        write(p, "seeds/undated.md", "---\ntitle: No date\n---\nSomething happened, some day.\n");

        CliRun r = check(p, "--strict");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.CONTENT);
        assertThat(r.errLines()).anyMatch(l -> l.matches("seeds/undated\\.md: warning: .+"));
        assertThat(r.out()).contains("Build failed").contains("Check failed");
        assertThat(Files.readAllBytes(p.resolve("site/index.html"))).isEqualTo(before);
        assertThat(p.resolve("site/articles/undated")).doesNotExist();
    }

    @Test
    void wrongCommandLinesAreUsageErrors() {
        Path p = cleanProject("usage");

        assertThat(run("check", "--project", p.toString(), "--engine", "jinja").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("check", "--project", p.toString(), "--base-url", "example.org").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("check", "--project", dir.resolve("missing").toString()).code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("check", "--project", p.toString(), "--out", p.resolve("seeds").toString()).code())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void helpListsTheCheckCommand() {
        CliRun top = run("--help");
        assertThat(top.out()).contains("check");

        CliRun check = run("check", "--help");
        assertThat(check.code()).isEqualTo(ExitCode.OK);
        assertThat(check.out()).contains("--project").contains("--out").contains("--base-url").contains("--engine");
    }

    @Test
    void aLinkBrokenAfterTheBuildIsFoundByTheChecker() throws IOException {
        Path p = cleanProject("planted");
        assertThat(check(p).code()).isEqualTo(ExitCode.OK);
        Path page = p.resolve("site/articles/en/index.html");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).contains("href=\"../zh/index.html\"");
        Files.writeString(page, html.replace("href=\"../zh/index.html\"", "href=\"../zh/gone.html\""),
                StandardCharsets.UTF_8);

        SiteReport report = new SiteChecker(Optional.of(BASE)).check(p.resolve("site"));

        assertThat(report.problems()).containsExactly(new SiteProblem("articles/en/index.html",
                "broken link '../zh/gone.html' — there is no articles/zh/gone.html in the site"));
        assertThat(report.problems().get(0).format("site"))
                .isEqualTo("site/articles/en/index.html: broken link '../zh/gone.html' — there is no "
                        + "articles/zh/gone.html in the site");
        assertThat(report.clean()).isFalse();
    }

    @Test
    void brokenFeedsAndSitemapOfAWrittenSiteAreReported() throws IOException {
        Path p = cleanProject("xml");
        assertThat(check(p).code()).isEqualTo(ExitCode.OK);
        Path site = p.resolve("site");
        write(site, "feed.xml", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>x</feed>\n");
        write(site, "tags/ai/feed.xml", "<rss><channel><title>AI & more</title></channel></rss>");
        write(site, "sitemap.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>https://example.org/digest/</loc></url>
                <url><loc>https://example.org/digest/articles/zh/index.html</loc></url>
                <url><loc>https://example.org/digest/articles/gone/</loc></url>
                <url><loc>https://elsewhere.example/x.html</loc></url>
                </urlset>
                """);

        SiteReport report = new SiteChecker(Optional.of(BASE)).check(site);

        List<String> lines = report.problems().stream().map(x -> x.format("site")).toList();
        assertThat(lines).as(String.join("\n", lines)).hasSize(4)
                .anyMatch(l -> l.startsWith("site/feed.xml:3:") && l.contains("not well-formed XML"))
                .anyMatch(l -> l.startsWith("site/tags/ai/feed.xml:1:") && l.contains("not well-formed XML"))
                .anyMatch(l -> l.startsWith("site/sitemap.xml: <loc> 'https://example.org/digest/articles/gone/' — ")
                        && l.contains("articles/gone/index.html"))
                .anyMatch(l -> l.startsWith("site/sitemap.xml: <loc> 'https://elsewhere.example/x.html' is not under"));
        assertThat(report.summary()).startsWith("Check failed: 4 problems in 3 files");
    }

    @Test
    void theSitemapIsCheckedAgainstTheBaseUrlOfTheCommandLineElseTheConfig() throws IOException {
        Path p = cleanProject("config-base");
        BuildOptions options = new BuildOptions(p, null, null, null, false, false);
        assertThat(options.effectiveBaseUrl()).isEmpty();

        write(p, "kaiyuan.yaml", "base_url: https://example.org/digest\n");
        assertThat(options.effectiveBaseUrl()).contains("https://example.org/digest/");

        BuildOptions given = new BuildOptions(p, null, "https://user.github.io/repo", null, false, false);
        assertThat(given.effectiveBaseUrl()).contains("https://user.github.io/repo/");
    }
}

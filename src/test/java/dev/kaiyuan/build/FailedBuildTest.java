package dev.kaiyuan.build;

import static dev.kaiyuan.build.TestSites.GOOD_ARTICLE;
import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that fails must leave the last good site exactly as it was, report every broken file
 * with the line and column of its problem, and leave no half-written folders behind.
 */
class FailedBuildTest {
    /** The quote opened on line 3, column 8 is never closed. */
    static final String UNCLOSED_QUOTE = """
            ---
            date: 2025-08-20
            title: "An unclosed quote
            ---
            The body is fine.
            """;
    /** Month 13 on line 3; the value starts in column 7. */
    static final String BAD_DATE = """
            ---
            title: A bad date
            date: 2025-13-45
            ---
            The body is fine.
            """;

    @TempDir
    Path project;
    Path site;

    @BeforeEach
    void buildOnce() {
        write(project, "seeds/good.md", GOOD_ARTICLE);
        site = project.resolve("site");
        BuildResult first = Build.run(BuildRequest.of(project));
        assertThat(first.succeeded()).as(first.diagnostics().toString()).isTrue();
        assertThat(site.resolve("articles/good/index.html")).isRegularFile();
    }

    @Test
    void brokenArticlesFailTheBuildAndLeaveTheSiteUntouched() {
        Map<String, byte[]> before = TestSites.snapshot(site);
        write(project, "seeds/broken.md", UNCLOSED_QUOTE);
        write(project, "seeds/bad-date.md", BAD_DATE);

        BuildResult result = Build.run(BuildRequest.of(project));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.errors()).isGreaterThanOrEqualTo(2);
        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertThat(errors).anySatisfy(d -> {
            assertThat(d.where().path()).isEqualTo("seeds/bad-date.md");
            assertThat(d.where().line()).isEqualTo(3);
            assertThat(d.where().column()).isEqualTo(7);
            assertThat(d.title()).contains("2025-13-45");
        });
        assertThat(errors).anySatisfy(d -> {
            assertThat(d.where().path()).isEqualTo("seeds/broken.md");
            assertThat(d.code()).isEqualTo("frontmatter.syntax");
            assertThat(d.where().line()).isEqualTo(3);
            assertThat(d.where().column()).isEqualTo(8);
        });
        assertThat(result.summary()).startsWith("Build failed");
        assertSameSite(before);
    }

    /**
     * A seed too large to be an article is an error naming it, with its size; the seeds beside it are
     * still read and checked (every problem in one run), and a sidecar without an article is a warning.
     */
    @Test
    void aSeedTooLargeToBeAnArticleFailsTheBuildBesideTheOthersProblems() throws Exception {
        Map<String, byte[]> before = TestSites.snapshot(site);
        byte[] huge = new byte[(int) ProjectFiles.MAX_SEED_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        Files.write(project.resolve("seeds/huge.md"), huge);
        write(project, "seeds/bad-date.md", BAD_DATE);
        write(project, "seeds/lonely.meta.yaml", "source: Somewhere\n");

        BuildResult result = Build.run(BuildRequest.of(project));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("seed.too-large");
            assertThat(d.where().path()).isEqualTo("seeds/huge.md");
            assertThat(d.detail()).contains(String.valueOf(huge.length));
        }).anySatisfy(d -> assertThat(d.where().path()).isEqualTo("seeds/bad-date.md"));
        assertThat(result.diagnostics()).filteredOn(d -> !d.isError()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("project.orphan-sidecar");
            assertThat(d.where().path()).isEqualTo("seeds/lonely.meta.yaml");
        });
        assertSameSite(before);
    }

    /**
     * Seeds nested thousands deep exhaust the stack of the libraries that read such nesting
     * recursively, or are stopped before: block quotes (measured by MarkdownReader), flexmark's
     * regular expression for a line of asterisks (a thematic break), SnakeYAML's brackets in front
     * matter, a sidecar and the config. Each is an error naming its file, not a crash of the build;
     * the other seeds are still read and checked, and the site is kept.
     */
    /**
     * Brackets nested this deep in the config overflow the tests' 4 MB stacks in SnakeYAML's
     * composer however far the JIT has compiled it. Front matter and sidecars are read only below
     * 64 KiB, so theirs stay 20,000 deep, which overflows only while the composer's frames are
     * interpreted: a run that had compiled it reads them as lists, an error of another kind. Either
     * is an error naming the file.
     */
    private static final int CONFIG_DEPTH = 200_000;

    @Test
    void seedsNestedThousandsDeepAreErrorsOfTheirOwn() {
        Map<String, byte[]> before = TestSites.snapshot(site);
        String head = "---\ntitle: Deep\ndate: 2025-08-20\n---\n";
        write(project, "seeds/quotes.md", head + ">".repeat(20_000) + " deep\n");
        write(project, "seeds/asterisks.md", head + "*".repeat(50_000) + "x" + "*".repeat(50_000) + "\n");
        write(project, "seeds/brackets.md", "---\ntitle: " + "[".repeat(20_000) + "]".repeat(20_000)
                + "\ndate: 2025-08-20\n---\nThe body is fine.\n");
        write(project, "seeds/side.md", "The body is fine.\n");
        write(project, "seeds/side.meta.yaml", "tags: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        write(project, "seeds/bad-date.md", BAD_DATE);
        write(project, "kaiyuan.yaml", "title: " + "[".repeat(CONFIG_DEPTH) + "]".repeat(CONFIG_DEPTH) + "\n");

        BuildResult result = Build.run(BuildRequest.of(project));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.format())
                .startsWith("kaiyuan.yaml: error: config: nested too deeply to read"));
        List<Diagnostic> nesting = result.diagnostics().stream().filter(d -> d.code().equals("article.nesting"))
                .toList();
        assertThat(nesting).allSatisfy(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.title()).isEqualTo("nested too deeply to read");
        }).extracting(d -> d.where().path()).contains("seeds/asterisks.md")
                .isSubsetOf("seeds/asterisks.md", "seeds/brackets.md", "seeds/side.md");
        // the front matter's and the sidecar's brackets: too deep, or read as a list (see CONFIG_DEPTH)
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).anySatisfy(d -> assertThat(d.format())
                .matches("(?s)seeds/brackets\\.md(:2:8)?: error: (nested too deeply to read|front matter: 'title' must be text).*"));
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).anySatisfy(d -> assertThat(d.format())
                .matches("(?s)(seeds/side\\.md: error: nested too deeply to read.*seeds/side\\.meta\\.yaml.*"
                        + "|seeds/side\\.meta\\.yaml:1:8: error: front matter: 'tags' must be text.*)"));
        // quotes and lists are measured before flexmark sees them: the line and column where the limit passes
        assertThat(result.diagnostics()).filteredOn(d -> d.where().path().equals("seeds/quotes.md")).singleElement()
                .satisfies(d -> assertThat(d.format()).startsWith("seeds/quotes.md:5:201: error: Markdown: nested too deeply"));
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.where().path()).isEqualTo("seeds/bad-date.md"));
        assertSameSite(before);
    }

    /**
     * A config that is not UTF-8 (here saved as Latin-1) is an error at its first bad byte, not a
     * crash; the articles are still read and their problems reported in the same run.
     */
    @Test
    void aConfigNotInUtf8IsAnErrorWhereItsFirstBadByteIs() throws Exception {
        Map<String, byte[]> before = TestSites.snapshot(site);
        Files.write(project.resolve("kaiyuan.yaml"),
                "title: Digest\ndescription: Caf\u00e9 news\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        write(project, "seeds/bad-date.md", BAD_DATE);

        BuildResult result = Build.run(BuildRequest.of(project));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("config.encoding");
            assertThat(d.format()).startsWith("kaiyuan.yaml:2:17: error: config: not UTF-8 text — byte 0xE9");
        }).anySatisfy(d -> assertThat(d.where().path()).isEqualTo("seeds/bad-date.md"));
        assertSameSite(before);

        // with a byte order mark, as some editors save UTF-8, the config is read
        byte[] text = "title: Caf\u00e9 Digest\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] marked = new byte[text.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(text, 0, marked, 3, text.length);
        Files.write(project.resolve("kaiyuan.yaml"), marked);
        Files.delete(project.resolve("seeds/bad-date.md"));
        BuildResult fixed = Build.run(BuildRequest.of(project));
        assertThat(fixed.succeeded()).as(fixed.diagnostics().toString()).isTrue();
        assertThat(Files.readString(site.resolve("index.html"))).contains("<title>Caf\u00e9 Digest");
    }

    /** An unterminated quote is reported where it opens, not at the end of the front matter. */
    @Test
    void unclosedQuoteIsReportedWhereTheQuoteOpens() {
        write(project, "seeds/broken.md", UNCLOSED_QUOTE);

        BuildResult result = Build.run(BuildRequest.of(project));

        assertThat(result.diagnostics()).filteredOn(d -> d.where().path().equals("seeds/broken.md"))
                .singleElement()
                .satisfies(d -> assertThat(d.where().toString()).isEqualTo("seeds/broken.md:3:8"));
    }

    @Test
    void templateErrorNamesTheTemplateAndLineAndKeepsTheSite() {
        Map<String, byte[]> before = TestSites.snapshot(site);
        write(project, "templates/article.ftlh", """
                <#ftl output_format="HTML">
                <p>this line is fine</p>
                <p>${nope.missing}</p>
                """);

        BuildResult result = Build.run(BuildRequest.of(project));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("template");
            assertThat(d.where().path()).isEqualTo("templates/article.ftlh");
            assertThat(d.where().line()).isEqualTo(3);
            assertThat(d.title()).as("names what is missing").contains("nope");
            assertThat(d.detail()).contains("articles/good/index.html");
        });
        assertSameSite(before);
    }

    /**
     * A macro that calls itself without end overflows the template engine's stack: an error naming
     * the page's template, for FreeMarker and Pebble alike, not a crash; the site is kept.
     */
    @Test
    void aTemplateThatCallsItselfWithoutEndIsAnErrorNamingIt() throws Exception {
        Map<String, byte[]> before = TestSites.snapshot(site);
        write(project, "templates/article.ftlh", """
                <#ftl output_format="HTML">
                <#macro loop n><@loop n=n+1/></#macro>
                <@loop n=0/>
                """);
        assertEndlessCall(Build.run(BuildRequest.of(project)), "templates/article.ftlh");
        assertSameSite(before);

        write(project, "kaiyuan.yaml", "engine: pebble\n");
        write(project, "templates/pebble/article.peb", """
                {% macro loop(n) %}{{ loop(n + 1) }}{% endmacro %}
                {{ loop(0) }}
                """);
        Files.delete(project.resolve("templates/article.ftlh"));
        assertEndlessCall(Build.run(BuildRequest.of(project)), "templates/pebble/article.peb");
        assertSameSite(before);
    }

    private static void assertEndlessCall(BuildResult result, String template) {
        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("template");
            assertThat(d.where().path()).isEqualTo(template);
            assertThat(d.title()).contains("calls nest too deeply");
            assertThat(d.detail()).contains("articles/good/index.html");
        });
    }

    @Test
    void templateSyntaxErrorNamesTheTemplateAndLine() {
        Map<String, byte[]> before = TestSites.snapshot(site);
        write(project, "templates/index.ftlh", """
                <#ftl output_format="HTML">
                <p>fine</p>
                <p>fine</p>
                <#if>
                """);

        BuildResult result = Build.run(BuildRequest.of(project));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
            assertThat(d.where().path()).isEqualTo("templates/index.ftlh");
            assertThat(d.where().line()).isEqualTo(4);
        });
        assertSameSite(before);
    }

    @Test
    void fixingTheProblemRebuildsAndReplacesTheSite() {
        write(project, "seeds/bad-date.md", BAD_DATE);
        assertThat(Build.run(BuildRequest.of(project)).succeeded()).isFalse();
        assertThat(site.resolve("articles/bad-date")).doesNotExist();

        write(project, "seeds/bad-date.md", BAD_DATE.replace("2025-13-45", "2025-08-19"));
        BuildResult fixed = Build.run(BuildRequest.of(project));

        assertThat(fixed.succeeded()).as(fixed.diagnostics().toString()).isTrue();
        assertThat(site.resolve("articles/bad-date/index.html")).isRegularFile();
        assertThat(site.resolve("articles/good/index.html")).isRegularFile();
        assertThat(TestSites.leftovers(site)).isEmpty();
    }

    @Test
    void deletedArticlesDisappearFromTheRebuiltSite() throws Exception {
        write(project, "seeds/second.md", GOOD_ARTICLE.replace("A good article", "A second article"));
        assertThat(Build.run(BuildRequest.of(project)).succeeded()).isTrue();
        assertThat(site.resolve("articles/second/index.html")).isRegularFile();

        Files.delete(project.resolve("seeds/second.md"));
        assertThat(Build.run(BuildRequest.of(project)).succeeded()).isTrue();

        assertThat(site.resolve("articles/second")).doesNotExist();
        assertThat(TestSites.page(site, "index.html").select(".card-title").eachText())
                .containsExactly("A good article");
    }

    private void assertSameSite(Map<String, byte[]> before) {
        Map<String, byte[]> after = TestSites.snapshot(site);
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
        assertThat(TestSites.leftovers(site)).as("temporary folders beside site/").isEmpty();
    }

    /** A page that cannot be post-processed, among pages being written in parallel. */
    record FailingOn(String marker) implements dev.kaiyuan.postprocess.HtmlTransform {
        @Override
        public void apply(org.jsoup.nodes.Document page) {
            if (page.outerHtml().contains(marker)) {
                throw new IllegalStateException("cannot post-process " + marker);
            }
        }
    }

    @Test
    void aPageThatBreaksPostProcessingStopsTheBuildWithoutTouchingTheSiteOrLeavingStaging() {
        Map<String, byte[]> before = TestSites.snapshot(site);
        for (int i = 0; i < 40; i++) {
            write(project, "seeds/more-" + i + ".md", GOOD_ARTICLE.replace("title:", "title: more " + i + " —"));
        }

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Build.run(BuildRequest.of(project),
                new dev.kaiyuan.output.DiskSiteWriter(site), List.of(new FailingOn("more 17 —"))))
                .isInstanceOfSatisfying(BuildFailure.class, f -> assertThat(f.stage()).isEqualTo("postprocess"));

        assertThat(TestSites.snapshot(site)).as("the last good site").containsOnlyKeys(before.keySet());
        before.forEach((path, bytes) -> assertThat(site.resolve(path)).hasBinaryContent(bytes));
        assertThat(TestSites.leftovers(site)).as("temporary folders beside site/").isEmpty();
    }
}

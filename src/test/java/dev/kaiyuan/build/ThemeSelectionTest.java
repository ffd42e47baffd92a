package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.config.ConfigLoader;
import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.render.pebble.PebbleEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a build picks its template engine — {@code --engine}, else {@code engine:} in the config,
 * else the project's templates, else FreeMarker — and what happens when the choice is impossible
 * or a Pebble template is broken.
 */
class ThemeSelectionTest {
    /** A home page that only a Pebble build can produce; the rest comes from the default port. */
    private static final String MARKED_HOME = """
            {# Test theme: overrides only the home page of the default theme's Pebble port. #}
            {% extends "layout.peb" %}
            {% set pageTitle = site.title %}
            {% set pageLang = site.lang %}
            {% set pageDescription = site.description %}
            {% block content %}
            <p class="marker">rendered by the project's Pebble index</p>
            {% endblock %}
            """;

    @TempDir
    Path tmp;

    @Test
    void templatesOfBothEnginesAtTopLevelFailNamingBothFiles() throws IOException {
        Path project = project("mixed");
        TestSites.write(project, "templates/x.ftlh", "<p>${site.title}</p>");
        TestSites.write(project, "templates/y.peb", "<p>{{ site.title }}</p>");

        BuildResult result = build(project, Optional.empty());

        assertThat(result.succeeded()).isFalse();
        Diagnostic mixed = only(result, "theme.mixed");
        assertThat(mixed.format()).contains("templates/x.ftlh", "templates/y.peb");
        assertThat(project.resolve("site")).doesNotExist();
    }

    @Test
    void engineInConfigWithoutTemplatesBuildsWithTheDefaultPebblePort() throws IOException {
        Path project = project("config-pebble");
        TestSites.write(project, "kaiyuan.yaml", "engine: pebble\n");

        BuildResult pebble = build(project, Optional.empty());
        Path pebbleSite = project.resolve("site");
        BuildResult freemarker = Build.run(new BuildRequest(project, tmp.resolve("freemarker-site"), false, false,
                Optional.empty(), Optional.of("freemarker")));

        assertThat(pebble.succeeded()).as("%s", pebble.diagnostics()).isTrue();
        assertThat(freemarker.succeeded()).as("%s", freemarker.diagnostics()).isTrue();
        assertThat(SiteParity.differences(tmp.resolve("freemarker-site"), "freemarker", pebbleSite, "pebble")).isEmpty();
        DiagnosticSink sink = new DiagnosticSink();
        SiteConfig config = ConfigLoader.load(Files.readString(project.resolve("kaiyuan.yaml")), "kaiyuan.yaml", sink);
        Theme theme = Theme.open(project, config.engine(), sink).orElseThrow();
        assertThat(theme.engineName()).isEqualTo("pebble");
        assertThat(theme.engine()).isInstanceOf(PebbleEngine.class);
    }

    @Test
    void engineInConfigRendersWithTheProjectsPebbleTemplates() throws IOException {
        Path project = project("config-override");
        TestSites.write(project, "kaiyuan.yaml", "engine: pebble\n");
        TestSites.write(project, "templates/pebble/index.peb", MARKED_HOME);

        BuildResult result = build(project, Optional.empty());
        Path freemarkerSite = tmp.resolve("freemarker-site");
        BuildResult freemarker = Build.run(new BuildRequest(project, freemarkerSite, false, false, Optional.empty(),
                Optional.of("freemarker")));

        assertThat(result.succeeded()).as("%s", result.diagnostics()).isTrue();
        assertThat(read(project.resolve("site/index.html"))).contains("rendered by the project's Pebble index");
        // Only the overridden page differs: the article pages come from the default theme's port.
        assertThat(freemarker.succeeded()).isTrue();
        assertThat(read(freemarkerSite.resolve("index.html"))).doesNotContain("Pebble index");
        assertThat(SiteParity.differences(freemarkerSite, "freemarker", project.resolve("site"), "pebble"))
                .singleElement().asString().startsWith("index.html: ");
    }

    /**
     * templates/ may be a link to a theme kept elsewhere, shaped like the default theme (FreeMarker
     * templates with a Pebble port in pebble/): it is read as if it were the folder. Its templates
     * decide the engine, and they are part of what a cached rebuild checks, so an edit there shows.
     */
    @Test
    void aLinkedTemplatesFolderIsTheTheme() throws IOException {
        Path project = project("linked-theme");
        Path theme = tmp.resolve("shared-theme");
        TestSites.write(theme, "index.ftlh", markedFreemarkerHome("first edition"));
        TestSites.write(theme, "pebble/index.peb", MARKED_HOME);
        TestSites.write(theme, "assets/extra.css", "p { color: teal; }\n");
        Files.createSymbolicLink(project.resolve("templates"), theme);

        BuildResult first = Build.run(BuildRequest.of(project), true, note -> { });
        assertThat(first.succeeded()).as("%s", first.diagnostics()).isTrue();
        assertThat(read(project.resolve("site/index.html"))).as("FreeMarker, from the linked folder")
                .contains("first edition").doesNotContain("Pebble");
        assertThat(read(project.resolve("site/assets/extra.css"))).contains("teal");

        TestSites.write(theme, "index.ftlh", markedFreemarkerHome("second edition"));
        BuildResult second = Build.run(BuildRequest.of(project), true, note -> { });
        assertThat(second.succeeded()).as("%s", second.diagnostics()).isTrue();
        assertThat(read(project.resolve("site/index.html"))).as("rebuilt with the cache").contains("second edition");
    }

    /** A Pebble port linked in from elsewhere is the port, and a cached rebuild sees an edit made there. */
    @Test
    void aLinkedPebblePortIsReadAndItsEditsRenderAgain() throws IOException {
        Path project = project("linked-port");
        Path port = tmp.resolve("shared-port");
        TestSites.write(port, "index.peb", MARKED_HOME.replace("rendered by", "first edition, rendered by"));
        Files.createDirectories(project.resolve("templates"));
        Files.createSymbolicLink(project.resolve("templates/pebble"), port);

        BuildResult first = Build.run(BuildRequest.of(project), true, note -> { });
        assertThat(first.succeeded()).as("%s", first.diagnostics()).isTrue();
        assertThat(read(project.resolve("site/index.html"))).contains("first edition");

        TestSites.write(port, "index.peb", MARKED_HOME.replace("rendered by", "second edition, rendered by"));
        BuildResult second = Build.run(BuildRequest.of(project), true, note -> { });
        assertThat(second.succeeded()).as("%s", second.diagnostics()).isTrue();
        assertThat(read(project.resolve("site/index.html"))).as("rebuilt with the cache").contains("second edition");
    }

    /** The project's assets are published beside the default theme's, except hidden files and folders at any depth. */
    @Test
    void hiddenAssetsAreNotPublished() throws IOException {
        Path project = project("assets");
        TestSites.write(project, "templates/assets/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        TestSites.write(project, "templates/assets/img/.DS_Store", "finder");
        TestSites.write(project, "templates/assets/img/.cache/thumb.png", "cache");
        TestSites.write(project, "templates/assets/.env", "SECRET=1");

        BuildResult result = build(project, Optional.empty());

        assertThat(result.succeeded()).as("%s", result.diagnostics()).isTrue();
        try (var files = Files.walk(project.resolve("site/assets"))) {
            assertThat(files.filter(Files::isRegularFile)
                    .map(f -> project.resolve("site").relativize(f).toString().replace('\\', '/')))
                    .contains("assets/img/logo.svg", "assets/style.css")
                    .noneMatch(f -> f.contains("/."));
        }
    }

    /** A FreeMarker home page for the default layout, marked with {@code text}. */
    private static String markedFreemarkerHome(String text) {
        return "<#ftl output_format=\"HTML\">\n<#import \"layout.ftlh\" as layout>\n"
                + "<@layout.page title=site.title lang=site.lang description=site.description>"
                + "<p class=\"marker\">" + text + "</p></@layout.page>\n";
    }

    @Test
    void flagOverridesConfigAndConfigOverridesTheTemplates() throws IOException {
        Path project = project("precedence");
        TestSites.write(project, "templates/pebble/index.peb", MARKED_HOME);

        assertThat(homeAfterBuild(project, Optional.empty())).as("written for Pebble: detected").contains("marker");
        TestSites.write(project, "kaiyuan.yaml", "engine: freemarker\n");
        assertThat(homeAfterBuild(project, Optional.empty())).as("config wins").doesNotContain("marker");
        assertThat(homeAfterBuild(project, Optional.of("pebble"))).as("flag wins").contains("marker");
    }

    @Test
    void unknownEngineIsAnError() throws IOException {
        Path project = project("nonsense");

        BuildResult flag = build(project, Optional.of("nonsense"));
        TestSites.write(project, "kaiyuan.yaml", "engine: velocity\n");
        BuildResult config = build(project, Optional.empty());

        assertThat(flag.succeeded()).isFalse();
        Diagnostic fromFlag = only(flag, "theme.engine");
        assertThat(fromFlag.where().path()).isEqualTo("--engine");
        assertThat(fromFlag.format()).contains("'nonsense'", "freemarker", "pebble");
        assertThat(config.succeeded()).isFalse();
        Diagnostic fromConfig = only(config, "config.engine");
        assertThat(fromConfig.where().toString()).isEqualTo("kaiyuan.yaml:1:9");
        assertThat(fromConfig.format()).contains("'velocity'", "freemarker", "pebble");
        assertThat(project.resolve("site")).doesNotExist();
    }

    @Test
    void brokenPebbleTemplateFailsWithItsLocationAndKeepsThePreviousSite() throws IOException {
        Path project = project("broken");
        assertThat(build(project, Optional.of("pebble")).succeeded()).isTrue();
        Map<String, byte[]> before = TestSites.snapshot(project.resolve("site"));
        TestSites.write(project, "templates/pebble/article.peb", """
                {# Test theme: the default layout around a misspelt variable on line 5. #}
                {% extends "layout.peb" %}
                {% set pageTitle = article.title %}{% set pageLang = article.lang %}{% set pageDescription = "" %}
                {% block content %}
                <p>{{ nope }}</p>
                {% endblock %}
                """);

        BuildResult result = build(project, Optional.of("pebble"));

        assertThat(result.succeeded()).isFalse();
        Diagnostic error = only(result, "template");
        assertThat(error.where().toString()).startsWith("templates/pebble/article.peb:").isEqualTo(
                "templates/pebble/article.peb:5");
        assertThat(error.title()).contains("nope");
        assertThat(TestSites.snapshot(project.resolve("site"))).containsExactlyInAnyOrderEntriesOf(before);
    }

    private String homeAfterBuild(Path project, Optional<String> engine) throws IOException {
        BuildResult result = build(project, engine);
        assertThat(result.succeeded()).as("%s", result.diagnostics()).isTrue();
        return read(project.resolve("site/index.html"));
    }

    /** A project with two articles, so a broken article template would fail twice if not deduplicated. */
    private Path project(String name) throws IOException {
        Path project = tmp.resolve(name);
        TestSites.write(project, "seeds/a.md", "---\ntitle: First\ndate: 2025-08-21\n---\nOne.\n");
        TestSites.write(project, "seeds/b.md", "---\ntitle: Second\ndate: 2025-08-22\n---\nTwo.\n");
        return project;
    }

    private static BuildResult build(Path project, Optional<String> engine) {
        return Build.run(new BuildRequest(project, project.resolve("site"), false, false, Optional.empty(), engine));
    }

    private static Diagnostic only(BuildResult result, String code) {
        List<Diagnostic> matching = result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        assertThat(matching).as("%s in %s", code, result.diagnostics()).hasSize(1);
        return matching.get(0);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

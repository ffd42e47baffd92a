package dev.kaiyuan.build;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.Diagnostic;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article dated on a day no time zone has reached yet (most often a mistyped year) is warned
 * about, and still published as dated; one dated by a zone ahead of the machine's is not.
 */
class FutureDatedArticleTest {
    /** Noon in UTC on 1 December 2026: in UTC+14, already 2 a.m. on 2 December. */
    static final Clock NOON = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path project;

    @BeforeEach
    void seeds() {
        write(project, "seeds/past.md", article("Past news", "2025-08-21"));
        write(project, "seeds/beijing-morning.md", article("Dated by Beijing's calendar", "2026-12-02"));
        write(project, "seeds/typo.md", article("A mistyped year", "2062-12-01"));
    }

    private static String article(String title, String date) {
        return "---\ntitle: " + title + "\ndate: " + date + "\n---\nOpen models keep getting better.\n";
    }

    private static List<Diagnostic> futureDates(BuildResult result) {
        return result.diagnostics().stream().filter(d -> d.code().equals("date.future")).toList();
    }

    @Test
    void aDayNoZoneHasReachedIsWarnedAboutAndTheArticleIsPublishedAsDated() {
        BuildResult result = Build.run(BuildRequest.of(project).withClock(NOON));

        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        assertThat(futureDates(result)).singleElement().satisfies(d -> {
            assertThat(d.isError()).isFalse();
            assertThat(d.format()).isEqualTo("seeds/typo.md: warning: dated 2062-12-01, a day still to come"
                    + " — no time zone has reached it yet; the article is published as dated, first on the home page"
                    + "\n    hint: correct the date, or mark the article draft: true until that day");
        });
        Document home = TestSites.page(project.resolve("site"), "index.html");
        assertThat(home.select("main a[href^=articles/]").first().text()).isEqualTo("A mistyped year");
    }

    @Test
    void strictBuildsFailOnIt() {
        BuildRequest plain = BuildRequest.of(project).withClock(NOON);
        BuildResult result = Build.run(new BuildRequest(plain.project(), plain.out(), false, true, Optional.empty(),
                Optional.empty(), plain.clock()));

        assertThat(result.succeeded()).isFalse();
        assertThat(futureDates(result)).hasSize(1);
        assertThat(project.resolve("site")).doesNotExist();
    }

    @Test
    void aDraftLeftOutIsNotWarnedAbout() {
        write(project, "seeds/typo.md", "---\ntitle: A mistyped year\ndate: 2062-12-01\ndraft: true\n---\nText.\n");

        BuildResult result = Build.run(BuildRequest.of(project).withClock(NOON));

        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        assertThat(futureDates(result)).isEmpty();
    }

    /** Without a clock, as in the other tests, nothing is checked: a test's result never changes with the day it runs. */
    @Test
    void aBuildWithoutAClockChecksNothing() {
        assertThat(futureDates(Build.run(BuildRequest.of(project)))).isEmpty();
    }
}

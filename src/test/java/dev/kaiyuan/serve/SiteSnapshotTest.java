package dev.kaiyuan.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.OutputFile;
import dev.kaiyuan.output.PackedFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which open pages a build's changes reload, and a snapshot with a few pages replaced. */
class SiteSnapshotTest {
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    static Map.Entry<String, OutputFile> file(String path, String text) {
        return Map.entry(path, new OutputFile(path, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A file as the preview's writer holds it. */
    static Map.Entry<String, PackedFile> packed(String path, String text) {
        return Map.entry(path, PackedFile.of(file(path, text).getValue()));
    }

    static SiteSnapshot.Changes changes(List<String> added, List<String> changed, List<String> removed) {
        return new SiteSnapshot.Changes(added, changed, removed, false);
    }

    @Test
    void onlyThePagesShowingTheChangesReload() {
        assertThat(changes(List.of("articles/new/index.html"), List.of("index.html", "feed.xml", "sitemap.xml",
                SiteSnapshot.SEARCH_INDEX, "timeline/releases.json", "timeline/releases.csv", "robots.txt"),
                List.of("tags/old/index.html")).pagesToReload())
                .contains(List.of("articles/new/index.html", "index.html", "search/index.html", "tags/old/index.html"));
    }

    @Test
    void anArticlesSearchTextReloadsTheSearchPageOnly() {
        assertThat(changes(List.of(), List.of("articles/a/index.html", "search/text/articles/a.js"), List.of())
                .pagesToReload()).contains(List.of("articles/a/index.html", "search/index.html"));
        assertThat(changes(List.of("search/text/articles/b.js"), List.of(SiteSnapshot.SEARCH_INDEX), List.of())
                .pagesToReload()).contains(List.of("search/index.html"));
        assertThat(changes(List.of(), List.of("search/terms/0-3.js"), List.of("search/terms/1-4.js")).pagesToReload())
                .contains(List.of("search/index.html"));
        assertThat(changes(List.of(), List.of("search/docs/1.js"), List.of()).pagesToReload())
                .contains(List.of("search/index.html"));
    }

    @Test
    void aScriptOrAnImageAnyPageMayShowReloadsEveryPage() {
        assertThat(changes(List.of(), List.of("index.html", "assets/timeline.js"), List.of()).pagesToReload()).isEmpty();
        assertThat(changes(List.of("assets/logo.png"), List.of(), List.of()).pagesToReload()).isEmpty();
        assertThat(new SiteSnapshot.Changes(List.of(), List.of("index.html"), List.of(), true).pagesToReload())
                .as("the site moved to another path").isEmpty();
    }

    @Test
    void aChanged404PageOrVeryManyChangesReloadEveryPage() {
        assertThat(changes(List.of(), List.of("404.html", "index.html"), List.of()).pagesToReload()).isEmpty();
        List<String> many = java.util.stream.IntStream.range(0, SiteSnapshot.MOST_PAGES_NAMED + 1)
                .mapToObj(i -> "articles/a" + i + "/index.html").toList();
        assertThat(changes(List.of(), many, List.of()).pagesToReload()).isEmpty();
        assertThat(changes(List.of(), many.subList(0, SiteSnapshot.MOST_PAGES_NAMED), List.of()).pagesToReload())
                .isPresent();
    }

    @Test
    void aFileMadeAgainWithTheSameBytesKeepsItsValidatorsAndIsHeldOnce() {
        SiteSnapshot site = SiteSnapshot.NONE.next(Map.ofEntries(packed("index.html", "home"),
                packed("a.html", "a")), "/", NOW);
        Map.Entry<String, PackedFile> again = packed("index.html", "home");
        Map.Entry<String, PackedFile> edited = packed("a.html", "a, edited");

        SiteSnapshot next = site.next(Map.ofEntries(again, edited), "/", NOW.plusSeconds(5));

        SiteSnapshot.ServedFile home = next.files().get("index.html");
        assertThat(home.file()).isSameAs(again.getValue());
        assertThat(home.etag()).isEqualTo(site.files().get("index.html").etag());
        assertThat(home.lastModified()).isEqualTo(NOW);
        assertThat(next.files().get("a.html").lastModified()).isEqualTo(NOW.plusSeconds(5));
        assertThat(site.changesTo(next.files(), "/")).isEqualTo(changes(List.of(), List.of("a.html"), List.of()));
        assertThat(next.build()).isEqualTo(site.build() + 1);
        assertThat(next.next(Map.ofEntries(packed("index.html", "home"), packed("a.html", "a, edited")), "/",
                NOW.plusSeconds(9)).build()).isEqualTo(next.build());
    }

    @Test
    void replacingPagesKeepsTheOthersAndTheirValidators() {
        SiteSnapshot site = SiteSnapshot.NONE.next(Map.ofEntries(packed("index.html", "home"),
                packed("articles/a/index.html", "a")), "/", NOW);

        SiteSnapshot same = site.with(Map.ofEntries(file("articles/a/index.html", "a")), NOW.plusSeconds(5));
        SiteSnapshot edited = site.with(Map.ofEntries(file("articles/a/index.html", "a, edited")),
                NOW.plusSeconds(5));

        assertThat(same).isSameAs(site);
        assertThat(edited.build()).isEqualTo(site.build() + 1);
        assertThat(edited.files().get("index.html")).isSameAs(site.files().get("index.html"));
        SiteSnapshot.ServedFile page = edited.files().get("articles/a/index.html");
        assertThat(new String(page.file().bytes(), StandardCharsets.UTF_8)).isEqualTo("a, edited");
        assertThat(page.etag()).isNotEqualTo(site.files().get("articles/a/index.html").etag());
        assertThat(page.lastModified()).isEqualTo(NOW.plusSeconds(5));
        assertThat(site.changesTo(edited.files(), "/").pagesToReload()).isEqualTo(Optional.of(List.of(
                "articles/a/index.html")));
    }
}

package dev.kaiyuan.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemorySiteWriterTest {
    private static OutputFile file(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWriteReplacesTheWholeSnapshotAndEarlierSnapshotsStayAsTheyWere() throws IOException {
        MemorySiteWriter writer = new MemorySiteWriter();
        assertThat(writer.snapshot()).isEmpty();

        writer.write(List.of(file("index.html", "one"), file("old/index.html", "gone next time")));
        Map<String, PackedFile> first = writer.snapshot();
        writer.write(List.of(file("index.html", "two")));

        assertThat(first).containsOnlyKeys("index.html", "old/index.html");
        assertThat(new String(first.get("index.html").bytes(), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(writer.snapshot()).containsOnlyKeys("index.html");
        assertThat(new String(writer.snapshot().get("index.html").bytes(), StandardCharsets.UTF_8)).isEqualTo("two");
    }

    @Test
    void aKeptFileIsTheCommittedFileItselfWhileItsStampHolds() throws IOException {
        MemorySiteWriter writer = new MemorySiteWriter();
        FileStamp page;
        try (SiteOutput out = writer.open()) {
            out.put(file("index.html", "home"));
            out.put(file("a.html", "a"));
            out.commit();
            page = out.stamps().get("index.html");
        }
        PackedFile committed = writer.snapshot().get("index.html");
        // a build with errors: what it put is never committed
        FileStamp uncommitted;
        try (SiteOutput out = writer.open()) {
            out.put(file("a.html", "a, edited"));
            uncommitted = out.stamps().get("a.html");
        }

        try (SiteOutput out = writer.open()) {
            assertThat(out.keep("a.html", uncommitted)).isFalse();
            assertThat(out.keep("index.html", new FileStamp(page.size(), page.modifiedNanos() + 1))).isFalse();
            assertThat(out.keep("gone.html", page)).isFalse();
            assertThat(out.keep("index.html", page)).isTrue();
            out.put(file("a.html", "a, edited"));
            assertThat(out.stamps()).containsEntry("index.html", page).containsKey("a.html");
            out.commit();
        }
        assertThat(writer.snapshot().get("index.html")).isSameAs(committed);
        assertThat(new String(writer.snapshot().get("a.html").bytes(), StandardCharsets.UTF_8)).isEqualTo("a, edited");
    }

    @Test
    void aFilePutAgainWithTheSameBytesIsTheCommittedOneNotPackedAgain() throws IOException {
        MemorySiteWriter writer = new MemorySiteWriter();
        writer.write(List.of(file("search/index.js", "window.X = {\"docs\":[]};"), file("a.html", "a")));
        PackedFile index = writer.snapshot().get("search/index.js");
        PackedFile a = writer.snapshot().get("a.html");

        writer.write(List.of(file("search/index.js", "window.X = {\"docs\":[]};"), file("a.html", "b")));

        assertThat(writer.snapshot().get("search/index.js")).isSameAs(index);
        assertThat(writer.snapshot().get("a.html")).isNotSameAs(a);
        assertThat(new String(writer.snapshot().get("a.html").bytes(), StandardCharsets.UTF_8)).isEqualTo("b");
    }

    @Test
    void aStampOfAnotherWriterMatchesNothing() throws IOException {
        MemorySiteWriter one = new MemorySiteWriter();
        MemorySiteWriter other = new MemorySiteWriter();
        FileStamp stamp;
        try (SiteOutput out = one.open()) {
            out.put(file("index.html", "one"));
            out.commit();
            stamp = out.stamps().get("index.html");
        }
        try (SiteOutput out = other.open()) {
            out.put(file("index.html", "two"));
            out.commit();
        }

        try (SiteOutput out = other.open()) {
            assertThat(out.keep("index.html", stamp)).isFalse();
        }
    }

    @Test
    void snapshotsCannotBeChanged() throws IOException {
        MemorySiteWriter writer = new MemorySiteWriter();
        writer.write(List.of(file("index.html", "one")));

        assertThatThrownBy(() -> writer.snapshot().put("x.html", PackedFile.of(new OutputFile("x.html", new byte[0]))))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void twoFilesForOnePathAreABugNotASilentOverwrite() throws IOException {
        MemorySiteWriter writer = new MemorySiteWriter();
        writer.write(List.of(file("index.html", "kept")));

        assertThatThrownBy(() -> writer.write(List.of(file("a.html", "1"), file("a.html", "2"))))
                .isInstanceOf(IOException.class).hasMessageContaining("a.html");
        assertThat(writer.snapshot()).containsOnlyKeys("index.html");
    }
    /** What the preview does once it serves a site: the files of the one before and this one are needed. */
    static void served(MemorySiteWriter writer, Map<String, PackedFile> before) throws IOException {
        List<PackedFile> needed = new java.util.ArrayList<>(before.values());
        needed.addAll(writer.snapshot().values());
        writer.keepBytesOnlyOf(needed);
    }

    @Test
    void withAFolderTheBytesOfTheSitesServedStayAndTheRestGo(@TempDir Path parent) throws IOException {
        // a pack file for each content, so that what is dropped shows as a pack file deleted
        try (PackFolder folder = PackFolder.open(parent, 1)) {
            MemorySiteWriter writer = new MemorySiteWriter(folder);
            writer.write(List.of(file("index.html", "one"), file("a.html", "a"), file("same.html", "a")));
            Map<String, PackedFile> first = writer.snapshot();
            served(writer, Map.of());
            assertThat(PackFolderTest.packFiles(folder.path()))
                    .containsExactly("000000.pack", "000001.pack", "000002.pack");

            // a build with errors: what it put is never needed; nothing goes while it is open
            try (SiteOutput out = writer.open()) {
                out.put(file("index.html", "never served"));
                writer.keepBytesOnlyOf(List.of());
                assertThat(PackFolderTest.packFiles(folder.path())).hasSize(4);
            }
            writer.write(List.of(file("index.html", "two"), file("a.html", "a")));
            Map<String, PackedFile> second = writer.snapshot();
            assertThat(PackFolderTest.packFiles(folder.path())).as("nothing goes until a site is served")
                    .hasSize(5);
            served(writer, first);
            // "one" stays: a request may still be sending the site before; "never served" is gone
            assertThat(PackFolderTest.packFiles(folder.path()))
                    .containsExactly("000000.pack", "000001.pack", "000002.pack", "000004.pack");
            assertThat(new String(first.get("index.html").bytes(), StandardCharsets.UTF_8)).isEqualTo("one");

            writer.write(List.of(file("index.html", "three"), file("a.html", "a")));
            served(writer, second);
            assertThat(PackFolderTest.packFiles(folder.path()))
                    .containsExactly("000001.pack", "000004.pack", "000005.pack");
            assertThat(new String(writer.snapshot().get("index.html").bytes(), StandardCharsets.UTF_8))
                    .isEqualTo("three");
            assertThat(writer.snapshot().get("a.html")).isSameAs(first.get("a.html"));
            assertThatThrownBy(() -> first.get("index.html").bytes()).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("index.html");
        }
    }
}

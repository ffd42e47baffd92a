package dev.kaiyuan.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk writer streams a new site into a staging folder and swaps it in on commit; files whose
 * bytes did not change keep their modification time, and an output closed without a commit leaves
 * the last good site as it was.
 */
class DiskSiteWriterTest {
    static final FileTime PAST = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));

    @TempDir
    Path tmp;

    /** No staging folder or set-aside site is left beside {@code site/}. */
    private void assertNothingBesideTheSite() throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("site");
        }
    }

    static OutputFile file(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void filesWithTheSameBytesKeepTheirTimeAndChangedOnesAreWritten() throws IOException {
        Path site = tmp.resolve("site");
        DiskSiteWriter writer = new DiskSiteWriter(site);
        writer.write(List.of(file("index.html", "one"), file("a/same.html", "same"), file("gone.html", "x")));
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, PAST);
            }
        }

        writer.write(List.of(file("index.html", "two"), file("a/same.html", "same"), file("new.html", "new")));

        assertThat(site.resolve("a/same.html")).hasContent("same");
        assertThat(Files.getLastModifiedTime(site.resolve("a/same.html"))).isEqualTo(PAST);
        assertThat(site.resolve("index.html")).hasContent("two");
        assertThat(Files.getLastModifiedTime(site.resolve("index.html"))).isNotEqualTo(PAST);
        assertThat(site.resolve("new.html")).hasContent("new");
        assertThat(site.resolve("gone.html")).doesNotExist();
    }

    /** Into a current site only the changed files are staged; the commit moves them in and removes the rest. */
    @Test
    void aSiteIsUpdatedWithOnlyItsChangedFilesStagedAndWhatItNoLongerHasRemoved() throws IOException {
        Path site = tmp.resolve("site");
        DiskSiteWriter writer = new DiskSiteWriter(site);
        writer.write(IntStream.range(0, 200).mapToObj(i -> file("old/" + i + "/index.html", "old " + i)).toList());
        writer.write(List.of(file("index.html", "one"), file("a/same.html", "same"), file("a/b/c.html", "c"),
                file("became-a-folder", "file"), file("folder-then-file/x.html", "x")));
        // what no build wrote: a stray file at the top, one in a folder of the site, a stray folder
        Files.writeString(site.resolve("stray.txt"), "stray");
        Files.writeString(site.resolve("a/b/stray.html"), "stray");
        Files.createDirectories(site.resolve("stray/deep"));
        Files.writeString(site.resolve("stray/deep/x"), "x");

        try (SiteOutput out = writer.open()) {
            out.put(file("index.html", "two"));
            out.put(file("a/same.html", "same"));
            out.put(file("a/b/c.html", "c"));
            out.put(file("became-a-folder/index.html", "now a folder"));
            out.put(file("folder-then-file", "now a file"));
            out.put(file("new/page.html", "new"));
            try (Stream<Path> staged = Files.walk(tmp.resolve(".site.kaiyuan-new"))) {
                assertThat(staged.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("index.html", "index.html", "folder-then-file", "page.html");
            }
            assertThat(site.resolve("index.html")).as("untouched until the commit").hasContent("one");
            out.commit();
        }

        try (Stream<Path> files = Files.walk(site)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("index.html", "a/same.html", "a/b/c.html", "became-a-folder/index.html",
                            "folder-then-file", "new/page.html");
        }
        assertThat(site.resolve("index.html")).hasContent("two");
        assertThat(site.resolve("became-a-folder/index.html")).hasContent("now a folder");
        assertThat(site.resolve("folder-then-file")).hasContent("now a file");
        assertThat(site.resolve("old")).doesNotExist();
        assertThat(site.resolve("stray")).doesNotExist();
        assertNothingBesideTheSite();
    }

    /** The stamps the folders of {@code site} have now. */
    private static Map<String, FolderStamp> stampsNow(Path site, String... folders) {
        Map<String, FolderStamp> stamps = new HashMap<>();
        for (String folder : folders) {
            stamps.put(folder, DiskSiteWriter.stampOf(folder.isEmpty() ? site : site.resolve(folder)).orElseThrow());
        }
        return stamps;
    }

    private static List<String> filesOf(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/'))
                    .toList();
        }
    }

    /** Commits a site of {@code files} with {@code writer}; the folders the commit vouched for. */
    private static Map<String, FolderStamp> commit(DiskSiteWriter writer, List<OutputFile> files) throws IOException {
        try (SiteOutput out = writer.open()) {
            for (OutputFile f : files) {
                out.put(f);
            }
            out.commit();
            return out.folders();
        }
    }

    private static Set<String> paths(List<OutputFile> files) {
        return files.stream().map(OutputFile::path).collect(Collectors.toSet());
    }

    /**
     * A folder that has the stamp the last commit vouched for is not listed: what the new site no
     * longer has there is removed from what the last site had. Shown with a stray file put in before
     * the stamps are taken, which only a listing would find; once the folder's stamp differs from
     * the one vouched for (another stray file changed it), it is listed again and both go.
     */
    @Test
    void aFolderWithTheStampItWasVouchedForIsNotListed() throws IOException {
        Path site = tmp.resolve("site");
        List<OutputFile> first = List.of(file("index.html", "one"), file("a/x.html", "x"), file("a/gone.html", "gone"),
                file("old/deep/y.html", "y"), file("became-a-file/z.html", "z"));
        commit(new DiskSiteWriter(site), first);
        Files.writeString(site.resolve("a/stray.html"), "stray");
        Map<String, FolderStamp> vouched = stampsNow(site, "", "a", "old", "old/deep", "became-a-file");

        List<OutputFile> second = List.of(file("index.html", "two"), file("a/x.html", "x"),
                file("became-a-file", "now a file"), file("new/page.html", "new"));
        commit(new DiskSiteWriter(site, paths(first), vouched), second);

        assertThat(filesOf(site)).containsExactlyInAnyOrder("index.html", "a/x.html", "a/stray.html",
                "became-a-file", "new/page.html");
        assertThat(site.resolve("old")).doesNotExist();
        assertThat(site.resolve("became-a-file")).hasContent("now a file");
        assertNothingBesideTheSite();

        Files.writeString(site.resolve("a/stray-too.html"), "stray");
        commit(new DiskSiteWriter(site, paths(second), vouched), second);
        assertThat(filesOf(site)).containsExactlyInAnyOrderElementsOf(paths(second));
        assertNothingBesideTheSite();
    }

    /**
     * A commit vouches for the folders whose status last changed more than the margin before it
     * began and that it leaves as they were, with the stamps they had, and for no other: not one
     * changed since (a file added to it just before), not one it changes (a file added to it or
     * dropped from it, the site's top for a new folder), nor one it makes. Otherwise a snapshot
     * of the site taken before the commit, restored, would find the folder with its vouched stamp
     * and the last site's entries. Needs the margin to pass (3 s).
     */
    @Test
    void aCommitVouchesForTheFoldersSettledBeforeItBeganThatItLeavesAsTheyWere() throws Exception {
        Path site = tmp.resolve("site");
        List<OutputFile> first = List.of(file("index.html", "one"), file("a/x.html", "x"), file("a/old.html", "old"),
                file("b/y.html", "y"), file("d/z.html", "z"));
        assertThat(commit(new DiskSiteWriter(site), first)).as("a first site is not vouched for").isEmpty();
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(DiskSiteWriter.MARGIN_NANOS) + 200);
        Files.writeString(site.resolve("b/stray.html"), "stray");
        Map<String, FolderStamp> settled = stampsNow(site, "d");

        Map<String, FolderStamp> vouched = commit(new DiskSiteWriter(site, paths(first), Map.of()),
                List.of(file("index.html", "one"), file("a/x.html", "x"), file("b/y.html", "y"), file("d/z.html", "z"),
                        file("c/new.html", "new")));

        assertThat(vouched).isEqualTo(settled);
        assertThat(site.resolve("b/stray.html")).doesNotExist();
        assertThat(site.resolve("a/old.html")).doesNotExist();
    }

    /** A link in the site is replaced by a real folder; nothing where it points is written or removed. */
    @Test
    void aSymbolicLinkWhereTheSiteHasAFolderIsReplacedAndWhatItPointsToIsLeftAlone() throws IOException {
        Path site = tmp.resolve("site");
        DiskSiteWriter writer = new DiskSiteWriter(site);
        writer.write(List.of(file("index.html", "one")));
        Path victim = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(victim.resolve("precious.txt"), "keep me");
        Files.writeString(victim.resolve("app.css"), "same");
        Files.createSymbolicLink(site.resolve("assets"), victim);
        Files.createSymbolicLink(site.resolve("media"), tmp.resolve("nowhere"));

        try (SiteOutput out = writer.open()) {
            out.put(file("index.html", "one"));
            out.put(file("assets/app.css", "same"));
            out.put(file("assets/new.css", "new"));
            out.put(file("media/x.html", "x"));
            out.commit();
        }

        assertThat(site.resolve("assets")).isDirectory();
        assertThat(Files.isSymbolicLink(site.resolve("assets"))).isFalse();
        assertThat(site.resolve("assets/app.css")).hasContent("same");
        assertThat(site.resolve("assets/new.css")).hasContent("new");
        assertThat(site.resolve("media/x.html")).hasContent("x");
        try (Stream<Path> files = Files.list(victim)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("precious.txt", "app.css");
        }
        assertThat(victim.resolve("app.css")).hasContent("same");
    }

    @Test
    void aFirstSiteIsWrittenWholeAndRenamedIntoPlace() throws IOException {
        Path site = tmp.resolve("site");
        DiskSiteWriter writer = new DiskSiteWriter(site);

        try (SiteOutput out = writer.open()) {
            out.put(file("index.html", "first"));
            assertThat(site).doesNotExist();
            assertThat(tmp.resolve(".site.kaiyuan-new/index.html")).hasContent("first");
            out.commit();
        }

        assertThat(site.resolve("index.html")).hasContent("first");
        assertNothingBesideTheSite();
    }

    /**
     * An output folder that is a link to a folder (a web server's) is written where it leads, first
     * and later sites alike; the link stays a link, and nothing is left beside either.
     */
    @Test
    void aLinkedOutputFolderIsWrittenWhereItLeadsAndStaysALink() throws IOException {
        Path www = Files.createDirectories(tmp.resolve("www/digest"));
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path site = Files.createSymbolicLink(project.resolve("site"), www);

        new DiskSiteWriter(site).write(List.of(file("index.html", "first"), file("old.html", "old")));
        assertThat(Files.isSymbolicLink(site)).isTrue();
        assertThat(www.resolve("index.html")).hasContent("first");

        new DiskSiteWriter(site).write(List.of(file("index.html", "second")));
        assertThat(Files.isSymbolicLink(site)).isTrue();
        assertThat(www.resolve("index.html")).hasContent("second");
        assertThat(www.resolve("old.html")).doesNotExist();
        try (Stream<Path> entries = Files.list(project)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("site");
        }
        try (Stream<Path> entries = Files.list(tmp.resolve("www"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("digest");
        }
    }

    @Test
    void anOutputClosedWithoutCommitLeavesTheSiteAndNoStaging() throws IOException {
        Path site = tmp.resolve("site");
        DiskSiteWriter writer = new DiskSiteWriter(site);
        writer.write(List.of(file("index.html", "good")));

        try (SiteOutput out = writer.open()) {
            out.put(file("index.html", "half"));
            out.put(file("other.html", "half"));
        }

        assertThat(site.resolve("index.html")).hasContent("good");
        assertThat(site.resolve("other.html")).doesNotExist();
        assertNothingBesideTheSite();
    }

    @Test
    void keepTakesTheCurrentFileOnlyWhileItsStampHolds() throws IOException {
        Path site = tmp.resolve("site");
        DiskSiteWriter writer = new DiskSiteWriter(site);
        FileStamp stamp;
        try (SiteOutput out = writer.open()) {
            out.put(file("index.html", "one"));
            out.put(file("b.html", "bee"));
            out.commit();
            stamp = out.stamps().get("b.html");
        }
        FileStamp indexStamp = new FileStamp(3, Files.getLastModifiedTime(site.resolve("index.html"))
                .to(java.util.concurrent.TimeUnit.NANOSECONDS));
        Files.writeString(site.resolve("index.html"), "uno");

        try (SiteOutput out = writer.open()) {
            assertThat(out.keep("b.html", stamp)).isTrue();
            assertThat(out.keep("index.html", indexStamp)).isFalse();
            assertThat(out.keep("missing.html", stamp)).isFalse();
            out.put(file("index.html", "two"));
            out.commit();
            assertThat(out.stamps()).containsEntry("b.html", stamp);
        }

        assertThat(site.resolve("b.html")).hasContent("bee");
        assertThat(site.resolve("index.html")).hasContent("two");
    }

    @Test
    void filesPutFromManyThreadsAllArriveAndAPathTwiceIsABug() throws IOException {
        Path site = tmp.resolve("site");
        DiskSiteWriter writer = new DiskSiteWriter(site);
        try (SiteOutput out = writer.open()) {
            IntStream.range(0, 200).parallel().forEach(i -> {
                try {
                    out.put(file("p/" + (i % 7) + "/" + i + ".html", "page " + i));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThatThrownBy(() -> out.put(file("p/0/0.html", "again"))).isInstanceOf(IOException.class)
                    .hasMessageContaining("two files for one path");
            out.commit();
        }

        try (Stream<Path> files = Files.walk(site)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(200);
        }
        assertThat(site.resolve("p/3/10.html")).hasContent("page 10");
    }
}

package dev.kaiyuan.build;

import static dev.kaiyuan.build.BuildCacheTest.edit;
import static dev.kaiyuan.build.BuildCacheTest.theme;
import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaiyuan.model.ArticleBody;
import dev.kaiyuan.model.Blob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #7: the build cache kept in {@code .kaiyuan/} between runs of {@code kaiyuan build}. A
 * build with it writes the same bytes as a cold build, leaves the files it did not change untouched
 * (same bytes, same modification time), and never trusts a cache it cannot read.
 */
class PersistentCacheTest {
    static final FileTime PAST = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
    static final String ADDED = """
            ---
            title: A new article about DeepSeek-R1
            date: 2025-08-21
            tags: [deepseek]
            ---
            DeepSeek-R1 was tried again today, with 阿里云 watching.
            """;

    @TempDir
    Path tmp;

    /** What is done to the project between the first build and the second. */
    enum Change {
        NONE, ADD_ARTICLE, EDIT_ARTICLE, EDIT_TITLE, DELETE_ARTICLE, EDIT_KNOWLEDGE, EDIT_TEMPLATE;

        void applyTo(Path project) throws IOException {
            switch (this) {
                case NONE -> { }
                case ADD_ARTICLE -> write(project, "seeds/2025-08-21-added.md", ADDED);
                case EDIT_ARTICLE -> edit(project, BuildCacheTest.QWEN3, "许可证值得留意。", "许可证值得留意，DeepSeek 也是如此。");
                // only the title: every list, tag and entity page showing the article's card changes
                case EDIT_TITLE -> edit(project, BuildCacheTest.QWEN3, "title: 阿里云 Qwen 团队发布 Qwen3 系列",
                        "title: 阿里云 Qwen 团队发布 Qwen3 系列模型");
                case DELETE_ARTICLE -> Files.delete(project.resolve(BuildCacheTest.QWEN3));
                case EDIT_KNOWLEDGE -> {
                    Path people = project.resolve("seeds/data/people.yaml");
                    String text = Files.readString(people, StandardCharsets.UTF_8);
                    assertThat(text).contains("name: Alexandr Wang");
                    Files.writeString(people, text.replace("name: Alexandr Wang", "name: Alexandr Wang (edited)"),
                            StandardCharsets.UTF_8);
                }
                case EDIT_TEMPLATE -> write(project, "templates/article.ftlh", theme("article.ftlh")
                        .replace("</article>", "<p class=\"edited-template\">edited</p></article>"));
            }
        }
    }

    static BuildResult cached(Path project, List<String> notes) {
        BuildResult result = Build.run(BuildRequest.of(project), true, notes::add);
        assertThat(result.succeeded()).as(RepositoryProject.describe(result)).isTrue();
        return result;
    }

    /** The diagnostics of the last {@link #cold} build. */
    List<dev.kaiyuan.diag.Diagnostic> coldDiagnostics = List.of();

    /** The site as a cold build without any cache writes it, in a folder of its own. */
    Map<String, byte[]> cold(Path project) {
        Path out = tmp.resolve("cold-" + System.nanoTime());
        BuildRequest request = new BuildRequest(project, out, false, false, java.util.Optional.empty(),
                java.util.Optional.empty());
        BuildResult result = Build.run(request, false, note -> { });
        assertThat(result.succeeded()).as(RepositoryProject.describe(result)).isTrue();
        coldDiagnostics = result.diagnostics();
        return TestSites.snapshot(out);
    }

    static List<String> differences(Map<String, byte[]> a, Map<String, byte[]> b) {
        return BuildCacheTest.differences(a, b);
    }

    static Map<String, FileTime> times(Path site) {
        try (Stream<Path> walk = Files.walk(site)) {
            Map<String, FileTime> times = new TreeMap<>();
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                times.put(site.relativize(f).toString().replace('\\', '/'), Files.getLastModifiedTime(f));
            }
            return times;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void setTimes(Path site, FileTime time) throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, time);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void aBuildWithTheKeptCacheWritesTheBytesOfAColdBuild(Change change) throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        // settled seeds: the second build takes the unchanged ones by their stamps, unread
        setTimes(project.resolve("seeds"), PAST);
        List<String> notes = new ArrayList<>();
        cached(project, notes);
        assertThat(PersistentCache.file(project)).isRegularFile();
        Map<String, byte[]> first = TestSites.snapshot(project.resolve("site"));

        change.applyTo(project);
        BuildResult result = cached(project, notes);

        Map<String, byte[]> site = TestSites.snapshot(project.resolve("site"));
        assertThat(differences(site, cold(project))).isEmpty();
        assertThat(result.diagnostics()).isEqualTo(coldDiagnostics);
        assertThat(notes).isEmpty();
        assertThat(differences(first, site).isEmpty()).isEqualTo(change == Change.NONE);
    }

    @Test
    void buildsWithAndWithoutABaseUrlKeepCachesOfTheirOwn() {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        BuildRequest plain = BuildRequest.of(project);
        BuildRequest published = new BuildRequest(project, plain.out(), false, false,
                java.util.Optional.of("https://example.org/digest/"), java.util.Optional.empty());
        Path coldOut = tmp.resolve("cold-published");
        assertThat(Build.run(new BuildRequest(project, coldOut, false, false, published.baseUrl(),
                java.util.Optional.empty()), false, note -> { }).succeeded()).isTrue();
        List<String> notes = new ArrayList<>();

        // As CI runs them (the Quick start's build, then check with the published URL), twice: each
        // finds its own cache, not the other's configuration, and writes what a cold build writes.
        for (int round = 0; round < 2; round++) {
            assertThat(Build.run(plain, true, notes::add).succeeded()).isTrue();
            assertThat(Build.run(published, true, notes::add).succeeded()).isTrue();
        }

        assertThat(PersistentCache.file(project)).isRegularFile();
        assertThat(PersistentCache.file(project, PersistentCache.variant(published))).isRegularFile()
                .isNotEqualTo(PersistentCache.file(project));
        assertThat(differences(TestSites.snapshot(project.resolve("site")), TestSites.snapshot(coldOut))).isEmpty();
        assertThat(notes).isEmpty();
    }

    /**
     * The commit lists only the folders of the site whose stamps differ from those the last commit
     * vouched for ({@code DiskSiteWriter}), and the site is still the cold build's through what
     * could fool that: a stray file put into a folder, a file given a time in the future, an article
     * deleted (its folder is found from the last site's files), and the output folder swapped for a
     * copy and back (the copy's folders are other folders, whatever their times). The folders must
     * have settled (3 s) before a commit vouches for them.
     */
    @Test
    void foldersTheLastCommitVouchedForAreNotListedAndTheSiteIsStillTheColdOne() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        Path site = project.resolve("site");
        cached(project, new ArrayList<>());
        Thread.sleep(3_200);
        Change.EDIT_ARTICLE.applyTo(project);
        cached(project, new ArrayList<>());
        Files.writeString(site.resolve("tags/stray.html"), "stray", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(site.resolve("index.html"), FileTime.from(Instant.parse("2100-01-01T00:00:00Z")));
        String qwen3 = Files.readString(project.resolve(BuildCacheTest.QWEN3), StandardCharsets.UTF_8);
        Change.DELETE_ARTICLE.applyTo(project);
        cached(project, new ArrayList<>());

        assertThat(site.resolve("articles/qwen3")).doesNotExist();
        assertThat(site.resolve("tags/stray.html")).doesNotExist();
        assertThat(differences(TestSites.snapshot(site), cold(project))).isEmpty();

        // the article back, the site set aside and a copy built on, then the old site back in place
        write(project, BuildCacheTest.QWEN3, qwen3);
        cached(project, new ArrayList<>());
        assertThat(site.resolve("articles/qwen3/index.html")).isRegularFile();
        Path kept = tmp.resolve("kept");
        Files.move(site, kept);
        RepositoryProject.copyTree(kept, site);
        Thread.sleep(3_200);
        Change.DELETE_ARTICLE.applyTo(project);
        cached(project, new ArrayList<>());
        Files.move(site, tmp.resolve("copy"));
        Files.move(kept, site);
        cached(project, new ArrayList<>());

        assertThat(site.resolve("articles/qwen3")).doesNotExist();
        assertThat(differences(TestSites.snapshot(site), cold(project))).isEmpty();
    }

    @Test
    void aRebuildWithoutChangesTouchesNoFile() {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        cached(project, new ArrayList<>());
        Map<String, FileTime> before = times(project.resolve("site"));

        cached(project, new ArrayList<>());

        assertThat(times(project.resolve("site"))).isEqualTo(before);
        // for the launcher, beside the cache: the fingerprint of the code that kept it, and how many
        // articles the build built
        int articles = cold(project).keySet().stream().filter(path -> path.matches("articles/[^/]+/index\\.html"))
                .mapToInt(path -> 1).sum();
        assertThat(articles).isGreaterThan(1);
        assertThat(project.resolve(".kaiyuan/code")).hasContent(PersistentCache.codeFingerprint() + "\n" + articles);
    }

    @Test
    void addingAnArticleRewritesOnlyTheFilesWhoseBytesChange() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        cached(project, new ArrayList<>());
        Path sitePath = project.resolve("site");
        setTimes(sitePath, PAST);
        Map<String, byte[]> before = TestSites.snapshot(sitePath);

        Change.ADD_ARTICLE.applyTo(project);
        cached(project, new ArrayList<>());

        Map<String, byte[]> after = TestSites.snapshot(sitePath);
        Map<String, FileTime> times = times(sitePath);
        List<String> kept = new ArrayList<>();
        List<String> written = new ArrayList<>();
        after.forEach((path, bytes) -> (Arrays.equals(bytes, before.get(path)) ? kept : written).add(path));
        assertThat(kept).contains("assets/style.css").hasSizeGreaterThan(10);
        assertThat(written).contains("articles/2025-08-21-added/index.html", "index.html");
        assertThat(kept).allSatisfy(path -> assertThat(times.get(path)).as(path).isEqualTo(PAST));
        assertThat(written).allSatisfy(path -> assertThat(times.get(path)).as(path).isNotEqualTo(PAST));
        assertThat(differences(after, cold(project))).isEmpty();
    }

    /** The seeds' part of the cache is kept in segments; a new article rewrites the one or two it falls in. */
    @Test
    void addingAnArticleRewritesOnlyTheCacheSegmentsItFallsIn() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        cached(project, new ArrayList<>());
        Path file = PersistentCache.file(project);
        Map<Integer, byte[]> before = new TreeMap<>();
        for (int n = 0; n < PersistentCache.SEGMENTS; n++) {
            Path segment = PersistentCache.segment(file, n);
            assertThat(segment).isRegularFile();
            Files.setLastModifiedTime(segment, PAST);
            before.put(n, Files.readAllBytes(segment));
        }

        Change.ADD_ARTICLE.applyTo(project);
        cached(project, new ArrayList<>());

        List<Integer> rewritten = new ArrayList<>();
        for (int n = 0; n < PersistentCache.SEGMENTS; n++) {
            Path segment = PersistentCache.segment(file, n);
            if (!Files.getLastModifiedTime(segment).equals(PAST)) {
                rewritten.add(n);
            } else {
                assertThat(Files.readAllBytes(segment)).isEqualTo(before.get(n));
            }
        }
        assertThat(rewritten).contains(PersistentCache.segmentOf("seeds/2025-08-21-added.md")).hasSizeLessThanOrEqualTo(2);
        // and the next build finds the new article in the cache: nothing to read again
        Map<String, FileTime> site = times(project.resolve("site"));
        cached(project, new ArrayList<>());
        assertThat(times(project.resolve("site"))).isEqualTo(site);
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();
    }

    /**
     * Segments carry the configuration they were kept under: a build killed after writing its
     * segments but before the main file, then run again under the main file's configuration, must
     * not take articles read under the other (here, a date-time taken in another time zone).
     */
    @Test
    void segmentsKeptUnderAnotherConfigurationAreNotUsed() throws Exception {
        Path project = tmp.resolve("zones");
        write(project, "kaiyuan.yaml", "timezone: UTC\n");
        write(project, "seeds/late.md", "---\ntitle: Late at night\ndate: 2025-08-21T23:30:00Z\n---\nLate.\n");
        cached(project, new ArrayList<>());
        byte[] mainUnderUtc = Files.readAllBytes(PersistentCache.file(project));
        write(project, "kaiyuan.yaml", "timezone: Asia/Shanghai\n");
        cached(project, new ArrayList<>());
        assertThat(TestSites.page(project.resolve("site"), "articles/late/index.html").select("time")
                .attr("datetime")).isEqualTo("2025-08-22");

        // as if the Shanghai build had been killed before its main file: UTC's main, Shanghai's segments
        Files.write(PersistentCache.file(project), mainUnderUtc);
        write(project, "kaiyuan.yaml", "timezone: UTC\n");
        List<String> notes = new ArrayList<>();
        cached(project, notes);

        assertThat(notes).isEmpty();
        assertThat(TestSites.page(project.resolve("site"), "articles/late/index.html").select("time")
                .attr("datetime")).isEqualTo("2025-08-21");
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();
    }

    /** A part of the cache that can be damaged alone, the change made before the build that finds it, and its note. */
    enum Part {
        SEGMENT(Change.EDIT_ARTICLE, ".kaiyuan/build-cache.05.bin", "seeds from scratch"),
        POSTINGS(Change.ADD_ARTICLE, ".kaiyuan/build-cache.postings.bin", "search index from scratch");

        final Change change;
        final String file;
        final String instead;

        Part(Change change, String file, String instead) {
            this.change = change;
            this.file = file;
            this.instead = instead;
        }

        Path in(Path project) {
            Path main = PersistentCache.file(project);
            return this == SEGMENT ? PersistentCache.segment(main, 5) : PersistentCache.postings(main);
        }
    }

    /**
     * A damaged segment costs only its seeds' entries, damaged postings (kept in a file of their
     * own) only the merge: one note, the same site, the part made again.
     */
    @ParameterizedTest
    @EnumSource(Part.class)
    void aCorruptPartIsIgnoredWithOneNoteAndWrittenAgain(Part part) throws Exception {
        Path project = part == Part.POSTINGS ? withKeptPostings() : RepositoryProject.copyTo(tmp.resolve("project"));
        cached(project, new ArrayList<>());
        Path file = part.in(project);
        assertThat(file).isRegularFile();
        byte[] flipped = Files.readAllBytes(file);
        flipped[flipped.length / 2] ^= 0x55;
        Files.write(file, flipped);
        part.change.applyTo(project);
        List<String> notes = new ArrayList<>();

        cached(project, notes);

        assertThat(notes).singleElement().asString().contains(part.file, "checksum", part.instead);
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();
        assertThat(Files.readAllBytes(file)).isNotEqualTo(flipped);
        List<String> again = new ArrayList<>();
        cached(project, again);
        assertThat(again).isEmpty();
    }

    /**
     * After a configuration change every part of the cache is written again under the new one,
     * even where its entries are the same: the build after it finds them all (a review found the
     * segments and postings kept under the old configuration, so the next build read everything
     * again).
     */
    @Test
    void aBuildAfterAConfigurationChangeLeavesACacheTheNextBuildUses() throws Exception {
        Path project = withKeptPostings();
        cached(project, new ArrayList<>());
        Path config = project.resolve("kaiyuan.yaml");
        String yaml = Files.readString(config, StandardCharsets.UTF_8);
        assertThat(yaml).contains("title: 开源周报 · Kaiyuan Digest");
        Files.writeString(config, yaml.replace("title: 开源周报 · Kaiyuan Digest", "title: 开源周报"),
                StandardCharsets.UTF_8);
        cached(project, new ArrayList<>());

        try (PersistentCache.Loaded loaded = PersistentCache.load(project, "", project.resolve("site"), note -> { })) {
            assertThat(loaded.cache().config()).isPresent();
            assertThat(loaded.cache().reads()).as("segments kept under the new configuration").isNotEmpty();
            assertThat(loaded.cache().postings()).as("postings kept under the new configuration").isPresent();
        }
    }

    /**
     * An unchanged article's page is kept by its seed and the knowledge base, and by the site-wide
     * view: when the site loses its last tag, the tag index link goes from every page, the pages of
     * articles that did not change included.
     */
    @Test
    void anUnchangedArticlesPageFollowsTheSiteWideView() throws Exception {
        Path project = tmp.resolve("tags");
        write(project, "seeds/tagged.md", "---\ntitle: Tagged\ndate: 2025-08-01\ntags: [open]\n---\nTagged.\n");
        write(project, "seeds/plain.md", "---\ntitle: Plain\ndate: 2025-08-02\n---\nNo tags here.\n");
        cached(project, new ArrayList<>());
        Path plain = project.resolve("site/articles/plain/index.html");
        assertThat(Files.readString(plain, StandardCharsets.UTF_8)).contains("tags/index.html");

        write(project, "seeds/tagged.md", "---\ntitle: Tagged\ndate: 2025-08-01\n---\nTagged.\n");
        cached(project, new ArrayList<>());

        assertThat(Files.readString(plain, StandardCharsets.UTF_8)).doesNotContain("tags/index.html");
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();
    }

    /** An edit of the same byte length: only the seed's time can tell it from the last build's. */
    static final String SAME_SIZE_FROM = "这一代覆盖的规模很广", SAME_SIZE_TO = "这一代覆盖的范围很广";

    /**
     * A seed whose size and time are those it had when last read, long before that build, is not
     * read again: shown by bytes changed behind the build's back with the time put back, which the
     * build does not see until the time changes too (as make and rsync would not).
     */
    @Test
    void aSettledSeedIsTakenByItsStampUntilItsTimeChanges() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        setTimes(project.resolve("seeds"), PAST);
        cached(project, new ArrayList<>());
        Path page = project.resolve("site/articles/qwen3/index.html");
        Path seed = project.resolve(BuildCacheTest.QWEN3);
        long size = Files.size(seed);
        edit(project, BuildCacheTest.QWEN3, SAME_SIZE_FROM, SAME_SIZE_TO);
        Files.setLastModifiedTime(seed, PAST);
        assertThat(Files.size(seed)).isEqualTo(size);

        cached(project, new ArrayList<>());
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains(SAME_SIZE_FROM).doesNotContain(SAME_SIZE_TO);

        Files.setLastModifiedTime(seed, FileTime.from(Instant.now()));
        cached(project, new ArrayList<>());
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains(SAME_SIZE_TO);
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();
    }

    /**
     * A fresh checkout gives every seed a new time: the next build reads each again (its stamp
     * changed), finds the same bytes, and keeps the new stamps in the main file without writing any
     * segment again; the build after it takes the seeds by their new stamps.
     */
    @Test
    void newSeedTimesAloneRewriteNoSegmentAndTheNewStampsAreKept() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        setTimes(project.resolve("seeds"), PAST);
        cached(project, new ArrayList<>());
        Path file = PersistentCache.file(project);
        FileTime segmentsTime = FileTime.from(Instant.parse("2021-01-01T00:00:00Z"));
        for (int n = 0; n < PersistentCache.SEGMENTS; n++) {
            Files.setLastModifiedTime(PersistentCache.segment(file, n), segmentsTime);
        }
        FileTime checkout = FileTime.from(Instant.parse("2022-02-02T00:00:00Z"));
        setTimes(project.resolve("seeds"), checkout);

        cached(project, new ArrayList<>());

        for (int n = 0; n < PersistentCache.SEGMENTS; n++) {
            assertThat(Files.getLastModifiedTime(PersistentCache.segment(file, n))).as("segment %d", n)
                    .isEqualTo(segmentsTime);
        }
        try (PersistentCache.Loaded loaded = PersistentCache.load(project, "", project.resolve("site"), note -> { })) {
            assertThat(loaded.cache().reads().get(BuildCacheTest.QWEN3).stamp()).get()
                    .satisfies(stamp -> assertThat(stamp.seed().modifiedNanos())
                            .isEqualTo(checkout.to(java.util.concurrent.TimeUnit.NANOSECONDS)));
        }
        Path page = project.resolve("site/articles/qwen3/index.html");
        edit(project, BuildCacheTest.QWEN3, SAME_SIZE_FROM, SAME_SIZE_TO);
        Files.setLastModifiedTime(project.resolve(BuildCacheTest.QWEN3), checkout);
        cached(project, new ArrayList<>());
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).as("taken by its new stamp, unread")
                .contains(SAME_SIZE_FROM).doesNotContain(SAME_SIZE_TO);
    }

    /**
     * A seed modified moments before a build may be saved again within the same tick of the file
     * system's clock, keeping its stamp: its stamp is not trusted, and the next build reads it.
     */
    @Test
    void aSeedSavedJustBeforeTheBuildIsReadAgainThoughItsStampIsTheSame() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        Path seed = project.resolve(BuildCacheTest.QWEN3);
        FileTime justNow = FileTime.from(Instant.now());
        Files.setLastModifiedTime(seed, justNow);
        cached(project, new ArrayList<>());
        edit(project, BuildCacheTest.QWEN3, SAME_SIZE_FROM, SAME_SIZE_TO);
        Files.setLastModifiedTime(seed, justNow);

        cached(project, new ArrayList<>());

        assertThat(Files.readString(project.resolve("site/articles/qwen3/index.html"), StandardCharsets.UTF_8))
                .contains(SAME_SIZE_TO);
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();
    }

    @Test
    void aSiteFileChangedAfterTheBuildIsWrittenAgainNotTrusted() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        cached(project, new ArrayList<>());
        Path page = project.resolve("site/articles/qwen3/index.html");
        Files.writeString(page, "tampered", StandardCharsets.UTF_8);

        cached(project, new ArrayList<>());

        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();
    }

    /**
     * A loaded cache leaves article bodies and search terms in its segment files, read when asked
     * for from the file as it was loaded: a later save renames a new file over it, and the bodies of
     * the cache loaded before still read as they were kept, until the loaded cache is closed.
     */
    @Test
    void bodiesAndTermsStayInTheCacheFileAsLoadedUntilAskedFor() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        cached(project, new ArrayList<>());
        List<String> notes = new ArrayList<>();
        PersistentCache.Loaded loaded = PersistentCache.load(project, "", project.resolve("site"), notes::add);
        BuildCache before = loaded.cache();
        assertThat(notes).isEmpty();
        assertThat(loaded.open()).as("segments with blobs left in them").isNotEmpty().hasSizeLessThanOrEqualTo(PersistentCache.SEGMENTS);
        ArticleBody body = before.reads().get(BuildCacheTest.QWEN3).article().orElseThrow().body();
        assertThat(body.packed()).isNotInstanceOf(Blob.Held.class);
        assertThat(before.search().values()).isNotEmpty()
                .allSatisfy(terms -> assertThat(terms.packed()).isNotInstanceOf(Blob.Held.class));
        Path segment = PersistentCache.segment(PersistentCache.file(project), PersistentCache.segmentOf(BuildCacheTest.QWEN3));
        byte[] keptSegment = Files.readAllBytes(segment);

        Change.EDIT_ARTICLE.applyTo(project);
        cached(project, new ArrayList<>());

        assertThat(Files.readAllBytes(segment)).as("the segment was written again").isNotEqualTo(keptSegment);
        assertThat(body.text()).contains("许可证值得留意。").doesNotContain("DeepSeek 也是如此");
        assertThat(body.html()).contains("许可证值得留意。");
        assertThat(new ArticleBody(body.packedBytes())).as("equal to the same bytes held in memory").isEqualTo(body);
        List<String> terms = new ArrayList<>();
        before.search().values().forEach(t -> t.forEachTerm((term, n) -> terms.add(term)));
        assertThat(terms).contains("qwen3", "许可");
        loaded.close();
        assertThatThrownBy(body::text).isInstanceOf(PersistentCache.Unreadable.class);
        try (PersistentCache.Loaded after = PersistentCache.load(project, "", project.resolve("site"), notes::add)) {
            ArticleBody edited = after.cache().reads().get(BuildCacheTest.QWEN3).article().orElseThrow().body();
            assertThat(edited.text()).contains("DeepSeek 也是如此");
            assertThat(edited).isNotEqualTo(body);
        }
        assertThat(notes).isEmpty();
    }

    /**
     * A part of the cache left in its file that cannot be read when the build asks for it (here:
     * the file closed; in life, changed under the build) costs only speed: the build is done again
     * from scratch, with one note, and writes what a cold build writes.
     */
    @Test
    void aBuildThatCannotReadAPartLeftInTheCacheIsDoneAgainFromScratch() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        cached(project, new ArrayList<>());
        // every article page is made again, from the bodies left in the cache's files
        Change.EDIT_TEMPLATE.applyTo(project);
        PersistentCache.Loaded loaded = PersistentCache.load(project, "", project.resolve("site"), note -> { });
        loaded.close();
        List<String> notes = new ArrayList<>();

        BuildResult result = Build.runWithCache(BuildRequest.of(project), project, "", loaded, notes::add);

        assertThat(result.succeeded()).as(RepositoryProject.describe(result)).isTrue();
        assertThat(notes).singleElement().asString().contains("could not be read").endsWith("building from scratch");
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();
        List<String> next = new ArrayList<>();
        cached(project, next);
        assertThat(next).as("the cache kept by the build done again is read").isEmpty();
    }

    /**
     * An unchanged article's text script (search/text/…) is kept by what it is made from, the
     * article's URL and packed body, and by its file's stamp, as pages are: it is not made again.
     * Shown by bytes changed behind the build's back with the stamp put back, which a file made
     * again would overwrite; the edited article's script, whose inputs changed, is made again.
     */
    @Test
    void anUnchangedArticlesTextScriptIsKeptUnmadeAndAnEditedOnesIsMadeAgain() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        cached(project, new ArrayList<>());
        Path texts = project.resolve("site/search/text/articles");
        Path kept = texts.resolve("deepseek-r1.js");
        Path edited = texts.resolve("qwen3.js");
        assertThat(kept).isRegularFile();
        assertThat(edited).isRegularFile();
        String keptBytes = Files.readString(kept, StandardCharsets.UTF_8);
        String behindTheBack = keptBytes.replace("KAIYUAN_SEARCH_TEXT", "KAIYUAN_SEARCH_TEXX");
        FileTime stamp = Files.getLastModifiedTime(kept);
        Files.writeString(kept, behindTheBack, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(kept, stamp);

        Change.EDIT_ARTICLE.applyTo(project);
        cached(project, new ArrayList<>());

        assertThat(Files.readString(kept, StandardCharsets.UTF_8)).isEqualTo(behindTheBack);
        assertThat(Files.readString(edited, StandardCharsets.UTF_8)).contains("DeepSeek 也是如此");
        Files.writeString(kept, keptBytes, StandardCharsets.UTF_8);
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();
    }

    /**
     * The search index is in parts by article age: adding the newest article to a site of 200
     * leaves every shard of the first part as it was, kept unmade (shown by bytes changed behind
     * the build's back with the stamp put back), and rewrites only shards of the last part; so
     * with the parts' documents scripts. An edit of the oldest article's text makes the first
     * part's shards again, and keeps its documents script (their titles, dates and addresses are
     * as they were); an edit of its title makes that script again, and leaves most shards as they were.
     */
    @Test
    void aNewArticleRewritesOnlyTheLastPartOfTheSearchIndex() throws Exception {
        Path project = tmp.resolve("corpus");
        dev.kaiyuan.bench.CorpusGenerator.write(200, project.resolve("seeds"), "7");
        RepositoryProject.copyKnowledgeBase(project);
        cached(project, new ArrayList<>());
        Path terms = project.resolve("site/search/terms");
        Path docs = project.resolve("site/search/docs");
        Map<String, FileTime> before = times(terms);
        Map<String, FileTime> docsBefore = times(docs);
        assertThat(docsBefore).containsOnlyKeys("0.js", "1.js");
        Path first = terms.resolve("0-0.js");
        String firstBytes = Files.readString(first, StandardCharsets.UTF_8);
        String behindTheBack = firstBytes.replace("KAIYUAN_SEARCH_TERMS", "KAIYUAN_SEARCH_TERMX");
        Files.writeString(first, behindTheBack, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(first, before.get("0-0.js"));
        Thread.sleep(10);

        write(project, "seeds/2027-01-01-newest.md", ADDED.replace("date: 2025-08-21", "date: 2027-01-01"));
        cached(project, new ArrayList<>());

        Map<String, FileTime> times = times(terms);
        List<String> firstPart = times.keySet().stream().filter(name -> name.startsWith("0-")).toList();
        List<String> lastPart = times.keySet().stream().filter(name -> name.startsWith("1-")).toList();
        assertThat(firstPart).hasSizeGreaterThan(4);
        assertThat(lastPart).isNotEmpty();
        assertThat(firstPart).allSatisfy(name -> assertThat(times.get(name)).as(name).isEqualTo(before.get(name)));
        assertThat(lastPart).anySatisfy(name -> assertThat(times.get(name)).as(name).isNotEqualTo(before.get(name)));
        assertThat(Files.readString(first, StandardCharsets.UTF_8)).isEqualTo(behindTheBack);
        Map<String, FileTime> docsAfter = times(docs);
        assertThat(docsAfter.get("0.js")).as("the first part's documents").isEqualTo(docsBefore.get("0.js"));
        assertThat(docsAfter.get("1.js")).as("the last part's documents").isNotEqualTo(docsBefore.get("1.js"));
        Files.writeString(first, firstBytes, StandardCharsets.UTF_8);
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();

        Path oldest;
        try (var seeds = Files.list(project.resolve("seeds"))) {
            oldest = seeds.filter(f -> f.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(oldest, Files.readString(oldest, StandardCharsets.UTF_8) + "\nA postscript naming DeepSeek.\n",
                StandardCharsets.UTF_8);
        Thread.sleep(10);
        cached(project, new ArrayList<>());
        Map<String, FileTime> edited = times(terms);
        assertThat(edited.keySet().stream().filter(name -> name.startsWith("0-")))
                .anySatisfy(name -> assertThat(edited.get(name)).as(name).isNotEqualTo(times.get(name)));
        assertThat(times(docs)).isEqualTo(docsAfter);
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();

        Map<String, FileTime> beforeTitle = times(terms);
        String seed = Files.readString(oldest, StandardCharsets.UTF_8);
        assertThat(seed).contains("\ntitle: \"");
        Files.writeString(oldest, seed.replace("\ntitle: \"", "\ntitle: \"Retitled: "), StandardCharsets.UTF_8);
        Thread.sleep(10);
        cached(project, new ArrayList<>());
        assertThat(times(docs).get("0.js")).as("a first-part title changed").isNotEqualTo(docsAfter.get("0.js"));
        assertThat(Files.readString(docs.resolve("0.js"), StandardCharsets.UTF_8)).contains("Retitled: ");
        assertThat(times(terms).entrySet()).as("shards an edited title leaves as they were (their ids key the same)")
                .anyMatch(e -> e.getKey().startsWith("0-") && e.getValue().equals(beforeTitle.get(e.getKey())));
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();
    }

    @Test
    void aCorruptTruncatedOrForeignCacheIsIgnoredWithOneNote() throws Exception {
        Path project = builtWithCache();
        Path file = PersistentCache.file(project);
        byte[] good = Files.readAllBytes(file);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x55;
        List<byte[]> bad = List.of(flipped, Arrays.copyOf(good, good.length / 3), "not a cache".getBytes(
                StandardCharsets.UTF_8), new byte[0]);
        Change.EDIT_ARTICLE.applyTo(project);
        Map<String, byte[]> expected = cold(project);

        for (byte[] bytes : bad) {
            Files.write(file, bytes);
            List<String> notes = new ArrayList<>();

            cached(project, notes);

            assertThat(notes).hasSize(1);
            assertThat(notes.get(0)).contains(".kaiyuan/", "from scratch");
            assertThat(differences(TestSites.snapshot(project.resolve("site")), expected)).isEmpty();
            assertThat(Files.readAllBytes(file)).isNotEqualTo(bytes);
        }
    }

    /** The repository's project, copied and built once with the cache on. */
    private Path builtWithCache() {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        cached(project, new ArrayList<>());
        return project;
    }

    /**
     * The repository's project with 130 generated articles beside its own: enough for a search
     * index in two parts, whose first part's postings the cache keeps (a site of fewer than 128
     * articles is one part, merged whole every build, and keeps none).
     */
    private Path withKeptPostings() throws IOException {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        dev.kaiyuan.bench.CorpusGenerator.write(130, project.resolve("seeds"), "3");
        return project;
    }

    /** A whole cache (its checksum right) of another format is set aside with a note that says so. */
    @Test
    void aCacheOfAnotherFormatIsIgnoredWithANoteSayingSo() throws Exception {
        Path project = builtWithCache();
        Path file = PersistentCache.file(project);
        byte[] other = Files.readAllBytes(file);
        // the format number follows the magic string, which is written with a 2-byte length
        java.nio.ByteBuffer.wrap(other).putInt(2 + "kaiyuan-build-cache".length(), 2);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(other, 0, other.length - Long.BYTES);
        java.nio.ByteBuffer.wrap(other).putLong(other.length - Long.BYTES, crc.getValue());
        Files.write(file, other);
        List<String> notes = new ArrayList<>();

        cached(project, notes);

        assertThat(notes).singleElement().asString().contains("another version", "from scratch");
        assertThat(differences(TestSites.snapshot(project.resolve("site")), cold(project))).isEmpty();
    }

    @Test
    void aFailedBuildLeavesTheSiteAndTheCacheAsTheyWere() throws Exception {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        cached(project, new ArrayList<>());
        Map<String, byte[]> site = TestSites.snapshot(project.resolve("site"));
        byte[] cache = Files.readAllBytes(PersistentCache.file(project));

        write(project, "seeds/broken.md", FailedBuildTest.UNCLOSED_QUOTE);
        BuildResult failed = Build.run(BuildRequest.of(project), true, note -> { });

        assertThat(failed.succeeded()).isFalse();
        assertThat(differences(TestSites.snapshot(project.resolve("site")), site)).isEmpty();
        assertThat(Files.readAllBytes(PersistentCache.file(project))).isEqualTo(cache);
        assertThat(TestSites.leftovers(project.resolve("site"))).isEmpty();
    }

    @Test
    void withoutTheCacheNothingIsKept() {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));

        BuildResult result = Build.run(BuildRequest.of(project), false, note -> { });

        assertThat(result.succeeded()).isTrue();
        assertThat(project.resolve(PersistentCache.FOLDER)).doesNotExist();
    }
}

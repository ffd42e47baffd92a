package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same seeds, same bytes: the repository's own project built twice into different output folders,
 * and once more from another folder under a Turkish default locale (where {@code "I".toLowerCase()}
 * is {@code ı}) and the Chatham Islands' zone (UTC+12:45, a day ahead of most of the world), gives
 * byte-identical files. And no file carries the build day, so {@code SOURCE_DATE_EPOCH} is not
 * needed: there is no build time to pin.
 */
class DeterminismTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"freemarker", "pebble"})
    void theSameSeedsGiveTheSameBytes(String engine) {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        Map<String, byte[]> first = build(project, tmp.resolve("out-1/site"), engine);
        Map<String, byte[]> second = build(project, tmp.resolve("out-2/public"), engine);
        Map<String, byte[]> elsewhere = underTurkishLocaleOnChathamTime(
                () -> build(RepositoryProject.copyTo(tmp.resolve("somewhere/else")), tmp.resolve("out-3/site"), engine));

        assertThat(first).as("files built").containsKey("index.html").hasSizeGreaterThan(10);
        assertThat(differences(first, second)).as("second build into another folder").isEmpty();
        assertThat(differences(first, elsewhere)).as("build from another folder, locale tr, zone Pacific/Chatham")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"freemarker", "pebble"})
    void noFileCarriesTheBuildDay(String engine) {
        Path project = RepositoryProject.copyTo(tmp.resolve("project"));
        Map<String, byte[]> site = build(project, tmp.resolve("site"), engine);
        String seedText = text(TestSites.snapshot(project.resolve("seeds")));

        List<String> found = new ArrayList<>();
        for (String today : today()) {
            if (seedText.contains(today)) {
                continue; // an article written today may well show today's date: that is content, not build time
            }
            site.forEach((path, bytes) -> {
                if (new String(bytes, StandardCharsets.UTF_8).contains(today)) {
                    found.add(path + " contains " + today);
                }
            });
        }
        assertThat(found).as("files that carry the build day").isEmpty();
    }

    /** Today in every zone the build might think it is in (UTC, this machine's, and the far ends of the date line). */
    private static Set<String> today() {
        Set<String> days = new TreeSet<>();
        for (String zone : List.of("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Chatham")) {
            days.add(LocalDate.now(ZoneId.of(zone)).toString());
        }
        days.add(LocalDate.now().toString());
        return days;
    }

    private static String text(Map<String, byte[]> files) {
        StringBuilder all = new StringBuilder();
        files.values().forEach(b -> all.append(new String(b, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }

    private Map<String, byte[]> build(Path project, Path out, String engine) {
        BuildResult result = RepositoryProject.build(project, out, engine);
        assertThat(result.succeeded()).as(RepositoryProject.describe(result)).isTrue();
        assertNoFolderNameLeaks(out);
        return TestSites.snapshot(out);
    }

    /** The output must not depend on where the project is or the site is written: no such path in any file. */
    private void assertNoFolderNameLeaks(Path out) {
        String absolute = tmp.toAbsolutePath().toString();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(absolute);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code body} with the JVM's default locale and zone changed, restoring both afterwards. */
    private static <T> T underTurkishLocaleOnChathamTime(Supplier<T> body) {
        Locale locale = Locale.getDefault();
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            return body.get();
        } finally {
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
            TimeZone.setDefault(zone);
        }
    }

    /** Files missing from one side, and files whose bytes differ, with the first differing spot. */
    private static List<String> differences(Map<String, byte[]> a, Map<String, byte[]> b) {
        List<String> diffs = new ArrayList<>();
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        for (String path : paths) {
            byte[] x = a.get(path);
            byte[] y = b.get(path);
            if (x == null || y == null) {
                diffs.add(path + " is only in the " + (x == null ? "second" : "first") + " build");
            } else if (!Arrays.equals(x, y)) {
                int at = Arrays.mismatch(x, y);
                diffs.add(path + " differs at byte " + at + ": «" + around(x, at) + "» vs «" + around(y, at) + "»");
            }
        }
        return diffs;
    }

    private static String around(byte[] bytes, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(bytes.length, at + 40);
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}

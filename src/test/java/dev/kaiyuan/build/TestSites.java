package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.output.PackedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Test helpers shared by the build, hostile-content and CLI tests: writing project files,
 * snapshotting an output folder, parsing every generated page and checking its links.
 */
public final class TestSites {
    /** A well-formed, dated article: the good file beside the broken ones in the failure and command-line tests. */
    public static final String GOOD_ARTICLE = """
            ---
            title: A good article
            date: 2025-08-21
            ---
            Open models keep getting better, and this article says so.
            """;

    private TestSites() {
    }

    /** Writes a UTF-8 file under {@code root}, creating folders. */
    public static Path write(Path root, String relative, String content) {
        return write(root, relative, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path root, String relative, byte[] bytes) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under {@code dir}, by forward-slash relative path, with its bytes. */
    public static Map<String, byte[]> snapshot(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A site kept in memory ({@code MemorySiteWriter}), as {@link #snapshot(Path)} gives one on disk. */
    public static Map<String, byte[]> bytes(Map<String, PackedFile> site) {
        Map<String, byte[]> files = new TreeMap<>();
        site.forEach((path, file) -> files.put(path, file.bytes()));
        return files;
    }

    /** Every generated {@code .html} page under {@code site}, parsed, by relative path. */
    public static Map<String, Document> pages(Path site) {
        Map<String, Document> pages = new TreeMap<>();
        snapshot(site).forEach((path, bytes) -> {
            if (path.endsWith(".html")) {
                pages.put(path, Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)));
            }
        });
        assertThat(pages).as("generated pages in %s", site).isNotEmpty();
        return pages;
    }

    public static Document page(Path site, String relative) {
        try {
            return Jsoup.parse(Files.readString(site.resolve(relative), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the folders Build leaves beside {@code out} while writing. */
    public static List<Path> leftovers(Path out) {
        Path parent = out.toAbsolutePath().normalize().getParent();
        try (Stream<Path> list = Files.list(parent)) {
            return list.filter(p -> p.getFileName().toString().contains(".kaiyuan-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every {@code href} and {@code src} of every page must work from {@code file://} and any
     * server folder: relative (no leading '/', no absolute URL to {@code siteOrigin}), pointing at
     * a file the build wrote, and to an element that exists when it names a {@code #fragment}.
     * Paths may be written as they are (tags/开放权重/) or percent-encoded (tags/%E5%BC%80…/), as
     * browsers treat both alike. Absolute http(s) links to other sites and {@code mailto:} are
     * allowed and returned.
     *
     * @return the external links found, for further checks
     */
    public static List<String> assertLinksResolve(Path site, String siteOrigin) {
        Path root = site.toAbsolutePath().normalize();
        List<String> external = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        pages(root).forEach((path, doc) -> {
            // A canonical link is absolute by definition (it names the page's public URL).
            for (Element el : doc.select("[href]:not(link[rel=canonical]), [src]")) {
                for (String attr : List.of("href", "src")) {
                    if (el.hasAttr(attr)) {
                        check(root, path, doc, el.attr(attr).trim(), siteOrigin, external, problems);
                    }
                }
            }
        });
        assertThat(problems).as("broken or non-relative links").isEmpty();
        return external;
    }

    private static void check(Path root, String pagePath, Document page, String url, String siteOrigin,
            List<String> external, List<String> problems) {
        String where = pagePath + ": '" + url + "'";
        String lower = url.toLowerCase(Locale.ROOT);
        if (url.isEmpty()) {
            problems.add(where + " is empty");
            return;
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            String origin = siteOrigin.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
            if (lower.replaceFirst("^https?://", "").startsWith(origin)) {
                problems.add(where + " is an absolute link to the site itself");
            } else {
                external.add(url);
            }
            return;
        }
        if (lower.startsWith("mailto:")) {
            external.add(url);
            return;
        }
        if (pagePath.equals("404.html") && url.startsWith("/") && !url.startsWith("//")) {
            // A server shows 404.html at any depth, so its links are absolute paths under the
            // site's base path: they must resolve once some leading segments (the base path) go.
            String[] parts = url.substring(1).split("/", -1);
            for (int i = 0; i < parts.length; i++) {
                if (Files.isRegularFile(root.resolve(String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length))))) {
                    return;
                }
            }
            problems.add(where + " points at no file under any base path");
            return;
        }
        if (url.startsWith("/") || lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            problems.add(where + " is not relative");
            return;
        }
        int hash = url.indexOf('#');
        String file;
        String fragment;
        try {
            file = percentDecode(hash < 0 ? url : url.substring(0, hash));
            fragment = hash < 0 ? "" : percentDecode(url.substring(hash + 1));
        } catch (IllegalArgumentException e) {
            problems.add(where + " is not a valid URL (" + e.getMessage() + ")");
            return;
        }
        Path pageFile = root.resolve(pagePath);
        Path target = file.isEmpty() ? pageFile : pageFile.getParent().resolve(file).normalize();
        if (!target.startsWith(root)) {
            problems.add(where + " leaves the site");
        } else if (!Files.isRegularFile(target)) {
            problems.add(where + " points at no file (" + root.relativize(target) + ")");
        } else if (!fragment.isEmpty()) {
            Document targetDoc = target.equals(pageFile) ? page
                    : page(root, root.relativize(target).toString().replace('\\', '/'));
            String id = fragment;
            if (targetDoc.getElementById(id) == null && targetDoc.select("a[name]").stream()
                    .noneMatch(a -> a.attr("name").equals(id))) {
                problems.add(where + " names a fragment no element has");
            }
        }
    }

    /**
     * A URL path or fragment with its %XX escapes decoded as UTF-8. Unlike form decoding
     * ({@link URLDecoder} alone), '+' stays '+': in a path it is a plus sign, not a space.
     *
     * @throws IllegalArgumentException on a '%' not followed by two hex digits
     */
    static String percentDecode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

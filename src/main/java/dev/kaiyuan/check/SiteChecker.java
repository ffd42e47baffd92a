package dev.kaiyuan.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks a written site folder. Every {@code href}, {@code src}, {@code poster} and {@code srcset}
 * URL of every HTML page must be external or lead to a file of the site — relative to the page, no
 * absolute local path, not above the site's root — and a {@code #fragment} to an element of the
 * target page with that {@code id} (or an {@code a} with that {@code name}). Every {@code feed.xml}
 * and the root {@code sitemap.xml} must be well-formed XML; the sitemap's {@code <loc>}s (and the
 * feeds' links under the base URL) must name files of the site. File names are compared exactly,
 * as a Linux web server does, even on a case-insensitive disk. Every problem is returned, not only
 * the first.
 */
public final class SiteChecker {
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "poster");
    private static final int SHOWN_URL_LENGTH = 120;

    private final LinkResolver urls;

    /** @param baseUrl the absolute URL the site is published at, when known (needed for the sitemap) */
    public SiteChecker(Optional<String> baseUrl) {
        this.urls = new LinkResolver(baseUrl);
    }

    /** Checks the site in {@code folder}; I/O failures (not content) are thrown. */
    public SiteReport check(Path folder) throws IOException {
        Site site = Site.read(folder);
        List<SiteProblem> problems = new ArrayList<>();
        site.pages().forEach((path, page) -> problems.addAll(checkPage(site, path, page)));
        for (String path : site.files().keySet()) {
            if (path.equals("feed.xml") || path.endsWith("/feed.xml")) {
                problems.addAll(checkXml(site, path, false));
            } else if (path.equals("sitemap.xml")) {
                problems.addAll(checkXml(site, path, true));
            }
        }
        problems.sort(Comparator.comparing(p -> fileOf(p.path())));
        return new SiteReport(site.pages().size(), site.files().size(), problems);
    }

    private List<SiteProblem> checkPage(Site site, String path, Document page) {
        Set<String> found = new LinkedHashSet<>();
        for (Element el : page.select("[href], [src], [poster], [srcset]")) {
            for (String attr : URL_ATTRIBUTES) {
                if (el.hasAttr(attr)) {
                    String value = el.attr(attr);
                    if (value.isBlank() && !attr.equals("href")) {
                        found.add("broken link '' — an empty " + attr + " (the browser fetches the page itself)");
                    } else {
                        linkProblem(site, path, value).ifPresent(found::add);
                    }
                }
            }
            if (el.hasAttr("srcset")) {
                LinkResolver.srcsetUrls(el.attr("srcset")).forEach(u -> linkProblem(site, path, u).ifPresent(found::add));
            }
        }
        return found.stream().map(message -> new SiteProblem(path, message)).toList();
    }

    /** Why {@code url}, found in the site file {@code from}, does not work; empty when it does. */
    private Optional<String> linkProblem(Site site, String from, String url) {
        LinkTarget target = urls.resolve(from, url);
        if (target instanceof LinkTarget.Invalid invalid) {
            return Optional.of(broken(url, invalid.reason()));
        }
        if (!(target instanceof LinkTarget.Internal internal)) {
            return Optional.empty();
        }
        String file = site.existing(internal.file());
        if (!site.files().containsKey(file)) {
            return Optional.of(broken(url, "there is no " + file + " in the site"));
        }
        String fragment = internal.fragment();
        if (fragment.isEmpty() || !site.pages().containsKey(file) || site.hasAnchor(file, fragment)) {
            return Optional.empty();
        }
        String where = file.equals(from) ? "on this page" : "in " + file;
        return Optional.of(broken(url, "no element with id '" + LinkResolver.percentDecode(fragment).orElse(fragment)
                + "' " + where));
    }

    private List<SiteProblem> checkXml(Site site, String path, boolean sitemap) {
        XmlFiles.Parsed parsed = XmlFiles.parse(site.files().get(path));
        if (parsed instanceof XmlFiles.Parsed.Failed failed) {
            String at = failed.line() == 0 ? path
                    : path + ":" + failed.line() + (failed.column() == 0 ? "" : ":" + failed.column());
            return List.of(new SiteProblem(at, "not well-formed XML — " + failed.message()));
        }
        org.w3c.dom.Document doc = ((XmlFiles.Parsed.Ok) parsed).document();
        return sitemap ? sitemapProblems(site, path, doc) : feedProblems(site, path, doc);
    }

    /** Each {@code <loc>} is an absolute URL under the base URL naming a file of the site. */
    private List<SiteProblem> sitemapProblems(Site site, String path, org.w3c.dom.Document doc) {
        List<String> locs = XmlFiles.texts(doc, "loc");
        if (locs.isEmpty()) {
            return List.of();
        }
        if (urls.baseUrl().isEmpty()) {
            return List.of(new SiteProblem(path, "its <loc>s cannot be checked without the site's base URL — set "
                    + "base_url in kaiyuan.yaml or pass --base-url"));
        }
        Set<String> found = new LinkedHashSet<>();
        for (String loc : locs) {
            if (urls.underBase(loc).isEmpty()) {
                found.add("<loc> '" + shown(loc) + "' is not under the base URL '" + urls.baseUrl().get() + "'");
            } else {
                linkProblem(site, path, loc).map(p -> p.replaceFirst("^broken link", "<loc>")).ifPresent(found::add);
            }
        }
        return found.stream().map(message -> new SiteProblem(path, message)).toList();
    }

    /** Links of a feed (Atom {@code <link href>}, RSS {@code <link>}) that are under the base URL must exist. */
    private List<SiteProblem> feedProblems(Site site, String path, org.w3c.dom.Document doc) {
        List<String> links = new ArrayList<>(XmlFiles.attributes(doc, "link", "href"));
        XmlFiles.texts(doc, "link").stream().filter(t -> !t.isEmpty()).forEach(links::add);
        Set<String> found = new LinkedHashSet<>();
        for (String link : links) {
            if (urls.underBase(link).isPresent()) {
                linkProblem(site, path, link).ifPresent(found::add);
            }
        }
        return found.stream().map(message -> new SiteProblem(path, message)).toList();
    }

    private static String broken(String url, String reason) {
        return "broken link '" + shown(url) + "' — " + reason;
    }

    private static String shown(String url) {
        return url.length() <= SHOWN_URL_LENGTH ? url : url.substring(0, SHOWN_URL_LENGTH) + "…";
    }

    private static String fileOf(String problemPath) {
        return problemPath.replaceFirst(":\\d+(:\\d+)?$", "");
    }

    /** The site as read from disk: every file's bytes, every folder, every page parsed once. */
    private static final class Site {
        private final Map<String, byte[]> files;
        private final Set<String> folders;
        private final Map<String, Document> pages;
        /** Ids (and {@code a} names) per page, collected when a fragment first names the page. */
        private final Map<String, Set<String>> anchors = new HashMap<>();

        private Site(Map<String, byte[]> files, Set<String> folders, Map<String, Document> pages) {
            this.files = files;
            this.folders = folders;
            this.pages = pages;
        }

        static Site read(Path folder) throws IOException {
            Path given = folder.toAbsolutePath().normalize();
            if (!Files.isDirectory(given)) {
                throw new IOException("no site folder at " + given);
            }
            // a site/ that is a link is read where it leads (a walk would not enter it)
            Path root = given.toRealPath();
            Map<String, byte[]> files = new TreeMap<>();
            Set<String> folders = new TreeSet<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted().toList()) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if (Files.isDirectory(p)) {
                        folders.add(rel);
                    } else if (Files.isRegularFile(p)) {
                        files.put(rel, Files.readAllBytes(p));
                    }
                }
            }
            Map<String, Document> pages = new TreeMap<>();
            files.forEach((rel, bytes) -> {
                if (isHtml(rel)) {
                    pages.put(rel, Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)));
                }
            });
            return new Site(files, folders, pages);
        }

        Map<String, byte[]> files() {
            return files;
        }

        Map<String, Document> pages() {
            return pages;
        }

        /** A folder named without its final slash (from a server's point of view) is its index.html. */
        String existing(String file) {
            if (!files.containsKey(file) && folders.contains(file)) {
                return file.isEmpty() ? "index.html" : file + "/index.html";
            }
            return file;
        }

        /** HTML's rule: an element with that id, an {@code a} with that name, or the top of the page. */
        boolean hasAnchor(String page, String fragment) {
            Set<String> ids = anchors.computeIfAbsent(page, p -> anchorsOf(pages.get(p)));
            String decoded = LinkResolver.percentDecode(fragment).orElse(fragment);
            return ids.contains(fragment) || ids.contains(decoded) || decoded.equalsIgnoreCase("top")
                    || decoded.startsWith(":~:");
        }

        private static Set<String> anchorsOf(Document page) {
            Set<String> ids = new HashSet<>();
            page.select("[id]").forEach(e -> ids.add(e.id()));
            page.select("a[name]").forEach(e -> ids.add(e.attr("name")));
            return ids;
        }

        private static boolean isHtml(String path) {
            String lower = path.toLowerCase(Locale.ROOT);
            return lower.endsWith(".html") || lower.endsWith(".htm");
        }
    }
}

package dev.kaiyuan.serve;

import dev.kaiyuan.model.OutputFile;
import dev.kaiyuan.output.PackedFile;
import dev.kaiyuan.search.SearchScript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One good build as the server serves it: every file with its validators, and the path the site is
 * served under. Immutable; the server swaps whole snapshots, so a request sees one build only.
 *
 * @param build    how many good builds came before this one and changed something (0: none yet)
 * @param basePath the decoded path the site is served under, starting and ending with "/"
 */
record SiteSnapshot(Map<String, ServedFile> files, String basePath, long build) {
    static final SiteSnapshot NONE = new SiteSnapshot(Map.of(), "/", 0);

    SiteSnapshot {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * A file and its validators.
     *
     * @param file         the file as the build made it (shared with the preview's writer, not copied)
     * @param etag         strong validator of its bytes as they are (not gzipped): a hash of them, quoted
     * @param lastModified when these bytes first appeared in a build, to the second (HTTP dates have no more)
     */
    record ServedFile(PackedFile file, String etag, Instant lastModified) {
        ServedFile(PackedFile file, Instant lastModified) {
            this(file, "\"" + file.hash() + "\"", lastModified);
        }

        /**
         * The validator of the gzip answer: another representation, so another strong validator
         * (RFC 9110, 8.8.3), as Apache's "-gzip".
         */
        String gzipEtag() {
            return etag.substring(0, etag.length() - 1) + "-gzip\"";
        }
    }

    /** What one build changed, by site path. */
    record Changes(List<String> added, List<String> changed, List<String> removed, boolean baseMoved) {
        List<String> all() {
            List<String> all = new ArrayList<>(added);
            all.addAll(changed);
            all.addAll(removed);
            return all;
        }

        boolean none() {
            return all().isEmpty() && !baseMoved;
        }

        /** Pages ({@code .html}) added or changed: what the terminal reports as rebuilt. */
        long pages() {
            return added.stream().filter(p -> p.endsWith(".html")).count()
                    + changed.stream().filter(p -> p.endsWith(".html")).count();
        }

        /**
         * The pages whose reader should reload, by site path, when that is all that changed for
         * readers: HTML pages added, changed or removed, and the search page when its index, a
         * shard or a snippet text changed. Feeds, the sitemap and data exports are read by no page. Empty when some other file
         * changed (a script, an image), which any page may show, when the 404 page changed (a tab
         * at a missing address shows it), or when very many did: then every page reloads.
         */
        Optional<List<String>> pagesToReload() {
            Set<String> pages = new TreeSet<>();
            List<String> all = all();
            if (all.size() > MOST_PAGES_NAMED) {
                return Optional.empty();
            }
            for (String path : all) {
                if (path.equals(NOT_FOUND)) {
                    // shown at every missing address, whose tab cannot tell it is showing it
                    return Optional.empty();
                } else if (path.endsWith(".html")) {
                    pages.add(path);
                } else if (path.equals(SEARCH_INDEX) || path.startsWith(SearchScript.DOCS_FOLDER)
                        || path.startsWith(SearchScript.TERMS_FOLDER) || path.startsWith(SearchScript.TEXT_FOLDER)) {
                    pages.add(SEARCH_PAGE);
                } else if (!UNSHOWN.matcher(path).find()) {
                    return Optional.empty();
                }
            }
            return baseMoved ? Optional.empty() : Optional.of(List.copyOf(pages));
        }

        /** Only stylesheets changed: the page can swap its stylesheet instead of reloading. */
        boolean stylesOnly() {
            return !none() && !baseMoved && all().stream().allMatch(p -> p.endsWith(".css"));
        }
    }

    /** Beyond this many changed files, every tab reloads rather than read a long list. */
    static final int MOST_PAGES_NAMED = 500;
    /** The page the server answers a missing address with. */
    static final String NOT_FOUND = "404.html";
    /** The search page and the index it loads (see the search template). */
    static final String SEARCH_INDEX = "search/index.js";
    static final String SEARCH_PAGE = "search/index.html";
    /** Files that no page loads: feeds, the sitemap, robots.txt, data exports. */
    private static final Pattern UNSHOWN = Pattern.compile("\\.(xml|txt|csv|json)$");

    boolean built() {
        return build > 0;
    }

    /**
     * The snapshot of a new build. Files whose bytes did not change keep their validators, so a
     * browser's cached copy stays valid across rebuilds; the snapshot holds the build's own files
     * (the ones the next build keeps pages from), so a page made again with the same bytes is not
     * held twice.
     */
    SiteSnapshot next(Map<String, PackedFile> built, String newBase, Instant now) {
        Instant second = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, ServedFile> next = new TreeMap<>();
        built.forEach((path, file) -> {
            ServedFile old = files.get(path);
            next.put(path, old == null || !old.file().sameBytes(file) ? new ServedFile(file, second)
                    : old.file() == file ? old : new ServedFile(file, old.etag(), old.lastModified()));
        });
        Changes changes = changesTo(next, newBase);
        return new SiteSnapshot(next, newBase, changes.none() && built() ? build : build + 1);
    }

    /**
     * This snapshot with some files replaced ({@code pages} by site path), e.g. an article's page
     * refreshed before the full rebuild; itself when no bytes changed.
     */
    SiteSnapshot with(Map<String, OutputFile> pages, Instant now) {
        Instant second = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, ServedFile> next = new TreeMap<>(files);
        boolean changed = false;
        for (Map.Entry<String, OutputFile> page : pages.entrySet()) {
            ServedFile old = files.get(page.getKey());
            PackedFile packed = PackedFile.of(page.getValue());
            if (old == null || !old.file().sameBytes(packed)) {
                next.put(page.getKey(), new ServedFile(packed, second));
                changed = true;
            }
        }
        return changed ? new SiteSnapshot(next, basePath, build + 1) : this;
    }

    /** What differs between this snapshot and {@code next}'s files. */
    Changes changesTo(Map<String, ServedFile> next, String newBase) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        next.forEach((path, file) -> {
            ServedFile old = files.get(path);
            if (old == null) {
                added.add(path);
            } else if (!old.etag().equals(file.etag())) {
                // the etag is a hash of the bytes
                changed.add(path);
            }
        });
        files.keySet().stream().filter(p -> !next.containsKey(p)).forEach(removed::add);
        return new Changes(added, changed, removed, !newBase.equals(basePath));
    }
}

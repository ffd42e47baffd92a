package dev.kaiyuan.check;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads URLs the way a browser resolves them against a page of the site, on a server or from disk:
 * relative to the page's folder, query dropped, percent-encoding decoded, a final {@code /} meaning
 * the folder's {@code index.html}. Absolute URLs under the site's base URL count as site paths, and
 * so do the root-absolute paths of the root {@code 404.html} under the base URL's path (a server
 * shows that page for a missing URL at any depth, where relative links would not work).
 */
final class LinkResolver {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*", Pattern.DOTALL);
    private static final String INDEX = "index.html";
    /** A server shows the root 404.html for a missing URL at any depth, so its links are absolute paths. */
    static final String NOT_FOUND_PAGE = "404.html";

    private final Optional<String> baseUrl;

    /** @param baseUrl the absolute URL the site is published at, ending in {@code /}, when known */
    LinkResolver(Optional<String> baseUrl) {
        this.baseUrl = baseUrl.map(u -> u.endsWith("/") ? u : u + "/");
    }

    Optional<String> baseUrl() {
        return baseUrl;
    }

    /** What {@code raw}, found in the site file at {@code from}, points at. */
    LinkTarget resolve(String from, String raw) {
        String url = stripAsciiWhitespace(raw);
        Optional<String> underBase = underBase(url);
        if (underBase.isPresent()) {
            // "./" so that the base URL itself (and "base#x", "base?q") means the root index.html, not this page
            return resolveRelative("", "./" + underBase.get(), from);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            return new LinkTarget.Invalid("a local file URL; it works on this computer only — link relative to the page");
        }
        if (url.startsWith("//")) {
            return new LinkTarget.External();
        }
        if (from.equals(NOT_FOUND_PAGE) && url.startsWith("/")) {
            return resolveUnderBasePath(url, from);
        }
        if (url.startsWith("/") || url.startsWith("\\")) {
            return new LinkTarget.Invalid("an absolute path; it breaks when the site is served under a sub-path "
                    + "or opened from disk — link relative to the page");
        }
        if (SCHEME.matcher(url).matches()) {
            return new LinkTarget.External();
        }
        return resolveRelative(folderOf(from), url, from);
    }

    /** A root-absolute path of the 404 page: it must lie under the base URL's path ({@code /} without a base URL). */
    private LinkTarget resolveUnderBasePath(String url, String from) {
        String basePath = basePath();
        if (!url.startsWith(basePath)) {
            return new LinkTarget.Invalid("an absolute path outside the site's base path '" + basePath + "'");
        }
        return resolveRelative("", "./" + url.substring(basePath.length()), from);
    }

    /** The path of the base URL, e.g. {@code /digest/}; {@code /} when there is no base URL. */
    private String basePath() {
        String path = baseUrl.map(u -> URI.create(u).getRawPath()).orElse("/");
        return path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
    }

    /**
     * The path part of a URL under the base URL, e.g. {@code models/x/} for
     * {@code https://example.org/digest/models/x/}; empty for any other URL.
     */
    Optional<String> underBase(String url) {
        if (baseUrl.isEmpty()) {
            return Optional.empty();
        }
        String base = baseUrl.get();
        if (url.startsWith(base)) {
            return Optional.of(url.substring(base.length()));
        }
        return url.equals(base.substring(0, base.length() - 1)) ? Optional.of("") : Optional.empty();
    }

    /** {@code ref} (no scheme, no leading slash) resolved against the site folder {@code folder}. */
    static LinkTarget resolveRelative(String folder, String ref, String self) {
        int hash = ref.indexOf('#');
        String beforeHash = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        int query = beforeHash.indexOf('?');
        String encodedPath = query < 0 ? beforeHash : beforeHash.substring(0, query);
        Optional<String> path = percentDecode(encodedPath);
        if (path.isEmpty()) {
            return new LinkTarget.Invalid("malformed percent-encoding (a '%' not followed by two hex digits)");
        }
        if (path.get().isEmpty()) {
            return new LinkTarget.Internal(self, fragment);
        }
        return normalise(folder + path.get())
                .<LinkTarget>map(file -> new LinkTarget.Internal(file, fragment))
                .orElseGet(() -> new LinkTarget.Invalid("climbs out of the site (more '../' than folders above the page)"));
    }

    /** Resolves {@code .} and {@code ..} segments; a path naming a folder gets {@code index.html}; empty if it leaves the root. */
    static Optional<String> normalise(String path) {
        String[] segments = path.split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : segments) {
            if (segment.equals("..")) {
                if (kept.isEmpty()) {
                    return Optional.empty();
                }
                kept.removeLast();
            } else if (!segment.equals(".") && !segment.isEmpty()) {
                kept.addLast(segment);
            }
        }
        String last = segments[segments.length - 1];
        boolean folder = last.isEmpty() || last.equals(".") || last.equals("..");
        if (folder) {
            kept.addLast(INDEX);
        }
        return Optional.of(String.join("/", kept));
    }

    /** The folder of a site path, with its final slash ({@code ""} for the root). */
    static String folderOf(String sitePath) {
        int slash = sitePath.lastIndexOf('/');
        return slash < 0 ? "" : sitePath.substring(0, slash + 1);
    }

    /** Decodes {@code %XX} escapes as UTF-8 ({@code +} stays a plus: this is a path, not a form); empty when malformed. */
    static Optional<String> percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return Optional.of(s);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }

    /** The URLs of a {@code srcset}: candidates are separated by commas, each a URL and optional descriptors. */
    static List<String> srcsetUrls(String srcset) {
        List<String> urls = new ArrayList<>();
        int i = 0;
        int n = srcset.length();
        while (i < n) {
            while (i < n && (isAsciiWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !isAsciiWhitespace(srcset.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String url = srcset.substring(start, i);
            if (url.endsWith(",")) {
                urls.add(url.replaceFirst(",+$", ""));
                continue;
            }
            urls.add(url);
            i = afterDescriptors(srcset, i);
        }
        return urls;
    }

    /** Skips a candidate's descriptors up to the comma that ends it (commas inside parentheses do not). */
    private static int afterDescriptors(String srcset, int from) {
        int depth = 0;
        for (int i = from; i < srcset.length(); i++) {
            char c = srcset.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                return i + 1;
            }
        }
        return srcset.length();
    }

    /** Browsers ignore ASCII whitespace around a URL attribute's value (but not other spaces). */
    static String stripAsciiWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isAsciiWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}

package dev.kaiyuan.render;

import java.nio.charset.StandardCharsets;

/**
 * Absolute URLs of site files under the configured base URL, for the files that leave the site
 * (feeds, sitemap, robots.txt): everywhere else links stay relative so the site works from disk.
 */
public final class SiteUrls {
    private static final String INDEX = "index.html";

    private SiteUrls() {
    }

    /**
     * {@code base} + {@code path}, with a trailing {@code index.html} dropped so folders get their
     * canonical address ({@code articles/a/index.html} → {@code https://x/articles/a/}); characters
     * outside the URL-safe set are percent-encoded as UTF-8.
     *
     * @param base absolute URL ending in "/"
     * @param path site-relative path with forward slashes
     */
    public static String absolute(String base, String path) {
        String page = path.equals(INDEX) ? "" : path.endsWith("/" + INDEX)
                ? path.substring(0, path.length() - INDEX.length()) : path;
        return base + encode(page);
    }

    private static String encode(String path) {
        StringBuilder b = new StringBuilder(path.length());
        for (byte octet : path.getBytes(StandardCharsets.UTF_8)) {
            int c = octet & 0xFF;
            if (safe(c)) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }

    /** RFC 3986 unreserved characters and the path separator. */
    private static boolean safe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    }
}

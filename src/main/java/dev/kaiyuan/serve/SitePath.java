package dev.kaiyuan.serve;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Maps a request path to a file of the site, or refuses it. The site lives in memory, so nothing
 * outside it can be read whatever the path says; the checks still refuse every way of naming
 * "outside" ({@code ..}, {@code %2e%2e}, encoded slashes and backslashes, NUL, {@code //host}
 * paths) so that the preview behaves like a careful production server would, and so that a bug
 * elsewhere can never turn the preview into a file server.
 */
final class SitePath {
    private SitePath() {
    }

    /** What a request path leads to. */
    sealed interface Target {
    }

    /** A file of the site, by its path in the site ({@code articles/x/index.html}). */
    record Found(String path) implements Target {
    }

    /** Go to this (raw, already encoded) location instead. */
    record Redirect(String location) implements Target {
    }

    /** Not in the site. */
    record Missing() implements Target {
    }

    /** Refused: 400 for a malformed path, 403 for one that tries to leave the site. */
    record Refused(int status, String why) implements Target {
    }

    /**
     * @param rawPath  the request's path as sent, still percent-encoded, without the query
     * @param basePath the path the site is served under, decoded, starting and ending with "/"
     * @param exists   whether the site has a file at a site path
     */
    static Target resolve(String rawPath, String basePath, Predicate<String> exists) {
        if (!rawPath.startsWith("/")) {
            return new Refused(400, "the path must start with /");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            return new Refused(400, "encoded slashes, backslashes and NUL are not allowed in a path");
        }
        String path = decode(rawPath);
        if (path == null) {
            return new Refused(400, "the path is not valid percent-encoded UTF-8");
        }
        if (path.chars().anyMatch(c -> c == '\\' || Character.isISOControl(c))) {
            return new Refused(400, "backslashes and control characters are not allowed in a path");
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals("..") || segments[i].equals(".")) {
                return new Refused(403, "the path leaves the site");
            }
            if (segments[i].isEmpty() && i < segments.length - 1) {
                return new Refused(400, "empty path segment");
            }
        }
        return inSite(rawPath, path, basePath, exists);
    }

    private static Target inSite(String rawPath, String path, String basePath, Predicate<String> exists) {
        if (!path.startsWith(basePath)) {
            boolean top = path.equals("/") || (path + "/").equals(basePath);
            return top ? new Redirect(encode(basePath)) : new Missing();
        }
        String rel = path.substring(basePath.length());
        if (rel.isEmpty() || rel.endsWith("/")) {
            return exists.test(rel + "index.html") ? new Found(rel + "index.html") : new Missing();
        }
        if (exists.test(rel)) {
            return new Found(rel);
        }
        return exists.test(rel + "/index.html") ? new Redirect(rawPath + "/") : new Missing();
    }

    /** Percent-decoding of a path ('+' stays '+'); null when malformed or not UTF-8. */
    static @org.jspecify.annotations.Nullable String decode(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else {
                int end = i + Character.charCount(raw.codePointAt(i));
                bytes.put(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Percent-encodes what a path may not carry as is (non-ASCII, spaces, …); keeps '/'. */
    static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~!$&'()*+,;=:@".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}

package dev.kaiyuan.postprocess;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a page's markup holds, read in one pass over its text without building a tree: enough for
 * a transform to see that it would change nothing, so that the page need not be parsed and written
 * again (on a large site most pages are listings that no transform touches). It errs towards "may
 * change": whatever it cannot read plainly — a character reference in a URL or class, an unclosed
 * quote — counts as a hit, and then the page is parsed as before.
 *
 * @param externalLinkWithoutRel an {@code <a>} whose href may leave the site, without exactly
 *                               {@code rel="noopener noreferrer"} (in some order)
 * @param imageWithoutLoading    an {@code <img>} without a {@code loading} attribute
 * @param bodyClass              an element of class {@code body} (an article body)
 * @param repeatedId             an id value that two elements carry
 */
public record PageScan(boolean externalLinkWithoutRel, boolean imageWithoutLoading, boolean bodyClass,
        boolean repeatedId) {
    /** Everything may change: what a transform sees when the page was not scanned. */
    public static final PageScan ANYTHING = new PageScan(true, true, true, true);

    /** Elements whose content is text, not markup (HTML, "raw text" and "escapable raw text" elements). */
    private static final Set<String> TEXT_ONLY = Set.of("script", "style", "textarea", "title", "xmp", "iframe",
            "noembed", "noframes");

    public static PageScan of(String html) {
        boolean external = false;
        boolean image = false;
        boolean body = false;
        boolean repeated = false;
        Set<String> ids = new HashSet<>();
        int n = html.length();
        int i = html.indexOf('<');
        while (i >= 0 && i < n) {
            if (html.startsWith("<!--", i)) {
                int after = commentEnd(html, i + 4);
                i = after < 0 ? -1 : html.indexOf('<', after);
                continue;
            }
            int nameStart = i + 1;
            if (nameStart >= n || !isAsciiLetter(html.charAt(nameStart))) {
                i = html.indexOf('<', nameStart);
                continue;
            }
            int at = nameStart;
            while (at < n && !isNameEnd(html.charAt(at))) {
                at++;
            }
            String name = html.substring(nameStart, at).toLowerCase(Locale.ROOT);
            // Only the attributes the transforms look at are kept; the first of a name counts, as in HTML.
            String[] attributes = new String[ATTRIBUTES.length];
            boolean closed = false;
            while (at < n) {
                char c = html.charAt(at);
                if (c == '>') {
                    closed = true;
                    at++;
                    break;
                }
                if (isSpace(c) || c == '/') {
                    at++;
                    continue;
                }
                int keyStart = at;
                at++;
                while (at < n && !isSpace(html.charAt(at)) && "/>=".indexOf(html.charAt(at)) < 0) {
                    at++;
                }
                int key = attribute(html, keyStart, at);
                int eq = skipSpace(html, at);
                String value = "";
                if (eq < n && html.charAt(eq) == '=') {
                    int v = skipSpace(html, eq + 1);
                    if (v < n && (html.charAt(v) == '"' || html.charAt(v) == '\'')) {
                        int close = html.indexOf(html.charAt(v), v + 1);
                        if (close < 0) {
                            return ANYTHING;
                        }
                        value = key >= 0 && attributes[key] == null ? html.substring(v + 1, close) : "";
                        at = close + 1;
                    } else {
                        int end = v;
                        while (end < n && !isSpace(html.charAt(end)) && html.charAt(end) != '>') {
                            end++;
                        }
                        value = key >= 0 && attributes[key] == null ? html.substring(v, end) : "";
                        at = end;
                    }
                }
                if (key >= 0 && attributes[key] == null) {
                    attributes[key] = value;
                }
            }
            if (!closed) {
                return ANYTHING;
            }
            String id = attributes[ID];
            repeated |= id != null && (id.indexOf('&') >= 0 || !ids.add(id));
            String cls = attributes[CLASS];
            body |= cls != null && (cls.indexOf('&') >= 0 || hasToken(cls, "body"));
            if (name.equals("a") && attributes[HREF] != null) {
                external |= mayLeave(attributes[HREF]) && !hasExactRel(attributes[REL]);
            }
            image |= (name.equals("img") || name.equals("image")) && attributes[LOADING] == null;
            if (TEXT_ONLY.contains(name)) {
                int end = indexOfIgnoreCase(html, "</" + name, at);
                at = end < 0 ? n : end;
            }
            i = html.indexOf('<', at);
        }
        return new PageScan(external, image, body, repeated);
    }

    /**
     * Where a comment whose text starts at {@code from} ends, as HTML parsers end it: {@code <!-->}
     * and {@code <!--->} are whole comments, and {@code -->} or {@code --!>} close one; -1 if none.
     */
    private static int commentEnd(String html, int from) {
        if (html.startsWith(">", from)) {
            return from + 1;
        }
        if (html.startsWith("->", from)) {
            return from + 2;
        }
        int plain = html.indexOf("-->", from);
        int bang = html.indexOf("--!>", from);
        if (plain < 0 && bang < 0) {
            return -1;
        }
        return plain >= 0 && (bang < 0 || plain < bang) ? plain + 3 : bang + 4;
    }

    /** As ExternalLinks reads an href: {@code (https?:)?//} after optional white space, any case. */
    private static boolean mayLeave(String href) {
        if (href.indexOf('&') >= 0) {
            return true;
        }
        String h = href.stripLeading().toLowerCase(Locale.ROOT);
        return h.startsWith("//") || h.startsWith("http://") || h.startsWith("https://");
    }

    /** True when adding noopener and noreferrer would leave the rel value as it is. */
    private static boolean hasExactRel(String rel) {
        if (rel == null || rel.indexOf('&') >= 0) {
            return false;
        }
        String[] tokens = rel.strip().split("\\s+");
        Set<String> distinct = new HashSet<>(java.util.Arrays.asList(tokens));
        return String.join(" ", tokens).equals(rel) && distinct.size() == tokens.length
                && distinct.containsAll(Set.of("noopener", "noreferrer"));
    }

    private static boolean hasToken(String cls, String token) {
        int at = 0;
        while (at < cls.length()) {
            while (at < cls.length() && Character.isWhitespace(cls.charAt(at))) {
                at++;
            }
            int end = at;
            while (end < cls.length() && !Character.isWhitespace(cls.charAt(end))) {
                end++;
            }
            if (end - at == token.length() && cls.regionMatches(true, at, token, 0, token.length())) {
                return true;
            }
            at = end;
        }
        return false;
    }

    private static final String[] ATTRIBUTES = {"href", "rel", "class", "id", "loading"};
    private static final int HREF = 0;
    private static final int REL = 1;
    private static final int CLASS = 2;
    private static final int ID = 3;
    private static final int LOADING = 4;

    /** The index in {@link #ATTRIBUTES} of the attribute named by {@code html[from, to)}, any case; -1 for others. */
    private static int attribute(String html, int from, int to) {
        for (int k = 0; k < ATTRIBUTES.length; k++) {
            String a = ATTRIBUTES[k];
            if (to - from == a.length() && asciiIgnoringCase(html, from, a)) {
                return k;
            }
        }
        return -1;
    }

    /** ASCII letters in either case, as an HTML parser lower-cases names; nothing else folds. */
    private static boolean asciiIgnoringCase(String html, int from, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            char c = html.charAt(from + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfIgnoreCase(String html, String what, int from) {
        for (int i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String html, int at) {
        while (at < html.length() && isSpace(html.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameEnd(char c) {
        return isSpace(c) || c == '/' || c == '>';
    }

    /** HTML's ASCII white space, plus the NUL and vertical tab a tolerant parser may also split on. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == 0;
    }
}

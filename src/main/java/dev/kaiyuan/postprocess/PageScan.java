package dev.kaiyuan.postprocess;

import dev.kaiyuan.postprocess.PageMarkup.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a page's markup holds, read from its {@link PageMarkup} without building a tree: enough for
 * a transform to see that it would change nothing, so that the page need not be parsed and written
 * again (on a large site most pages are listings that no transform touches). It errs towards "may
 * change": whatever it cannot read plainly — a character reference in a URL or class, markup that
 * {@link PageMarkup} gives up on — counts as a hit, and then the page is parsed as before.
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

    /** HTML's formatting elements (the "list of active formatting elements"), which a parser may reopen. */
    private static final Set<String> FORMATTING = Set.of("a", "b", "big", "code", "em", "font", "i", "nobr", "s",
            "small", "strike", "strong", "tt", "u");

    /** The page's scan; {@link #ANYTHING} when {@link PageMarkup} cannot read it. */
    public static PageScan of(String html) {
        return PageMarkup.read(html).map(PageScan::of).orElse(ANYTHING);
    }

    /**
     * The scan of a page's markup. An attribute's first occurrence counts, as in HTML; a value with a
     * character reference counts as a hit.
     */
    public static PageScan of(List<Token> markup) {
        Scan scan = new Scan();
        for (Token t : markup) {
            if (t.kind() == PageMarkup.Kind.START && (!t.attributes().isEmpty() || t.name().equals("img")
                    || t.name().equals("image"))) {
                scan.see(t);
            }
        }
        return new PageScan(scan.external, scan.image, scan.body, scan.repeated);
    }

    /** What the start tags seen so far hold. */
    private static final class Scan {
        boolean external;
        boolean image;
        boolean body;
        boolean repeated;
        final Set<String> ids = new HashSet<>();

        /** Takes in a start tag: its attributes are read in one pass, the first of each name counting. */
        void see(Token t) {
            String id = null;
            String cls = null;
            String href = null;
            String rel = null;
            boolean loading = false;
            for (PageMarkup.Attribute a : t.attributes()) {
                switch (a.name()) {
                    case "id" -> id = id == null ? a.raw() : id;
                    case "class" -> cls = cls == null ? a.raw() : cls;
                    case "href" -> href = href == null ? a.raw() : href;
                    case "rel" -> rel = rel == null ? a.raw() : rel;
                    case "loading" -> loading = true;
                    default -> {
                    }
                }
            }
            // a parser copies a formatting element left open into the blocks after it, id and all
            repeated |= id != null && (id.indexOf('&') >= 0 || !ids.add(id) || FORMATTING.contains(t.name()));
            body |= cls != null && (cls.indexOf('&') >= 0 || hasToken(cls, "body"));
            if (t.name().equals("a") && href != null) {
                external |= mayLeave(href) && !hasExactRel(rel);
            }
            image |= (t.name().equals("img") || t.name().equals("image")) && !loading;
        }
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

    /** Whether {@code token} is one of the white-space separated names of {@code cls}, in any case. */
    static boolean hasToken(String cls, String token) {
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
}

package dev.kaiyuan.assemble;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs for articles: ASCII letters, digits and hyphens only, so paths work from {@code file://},
 * on any server and in any shell. Chinese is romanised with ICU ({@code 开源模型} → {@code kai-yuan-mo-xing}),
 * accents are dropped, and nothing like {@code ..} or {@code /} survives.
 */
public final class Slugs {
    static final int MAX_LENGTH = 80;
    private static final Pattern NOT_ASCII_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");
    private static final Pattern TRAILING_HYPHENS = Pattern.compile("-+$");

    /** Built on the first title that is not plain ASCII: ICU's transliterator registry is slow to start. */
    private volatile Transliterator toAscii;

    public String slugify(String raw) {
        // most slugs are already clean (the file name's): no regular expression is run on them
        return isSlug(raw) ? raw : slugifyAnew(raw);
    }

    /** {@link #slugify} by its rules, whatever {@code raw} is. */
    String slugifyAnew(String raw) {
        // ICU loads its large Han-Latin rules on first use (seconds); plain ASCII needs none of it.
        String ascii = (raw.chars().allMatch(c -> c < 0x80) ? raw : toAscii().transliterate(raw)).toLowerCase(Locale.ROOT);
        String slug = EDGE_HYPHENS.matcher(NOT_ASCII_ALNUM.matcher(ascii).replaceAll("-")).replaceAll("");
        if (slug.length() > MAX_LENGTH) {
            slug = TRAILING_HYPHENS.matcher(slug.substring(0, MAX_LENGTH)).replaceAll("");
        }
        return slug;
    }

    /**
     * True when {@link #slugify} would give {@code text} back: a-z and 0-9 in runs joined by single
     * hyphens, at most {@link #MAX_LENGTH} long.
     */
    static boolean isSlug(String text) {
        int n = text.length();
        if (n == 0 || n > MAX_LENGTH || text.charAt(0) == '-' || text.charAt(n - 1) == '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '-' ? text.charAt(i - 1) == '-' : !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private Transliterator toAscii() {
        Transliterator t = toAscii;
        if (t == null) {
            t = Transliterator.getInstance("Any-Latin; Latin-ASCII");
            toAscii = t;
        }
        return t;
    }

    /**
     * A tag's URL name: letters of any script kept (so {@code 开放权重} stays {@code 开放权重}, as
     * Hugo does), lower-cased, everything else a hyphen. Browsers percent-encode such paths
     * themselves, and they work from {@code file://} and any server.
     */
    public String tagSlug(String tag) {
        String s = java.text.Normalizer.normalize(tag, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String slug = EDGE_HYPHENS.matcher(NOT_LETTER_OR_DIGIT.matcher(s).replaceAll("-")).replaceAll("");
        return slug.length() > MAX_LENGTH ? TRAILING_HYPHENS.matcher(slug.substring(0, MAX_LENGTH)).replaceAll("") : slug;
    }
}

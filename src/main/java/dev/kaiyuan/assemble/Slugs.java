package dev.kaiyuan.assemble;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/**
 * URL slugs for articles: ASCII letters, digits and hyphens only, so paths work from {@code file://},
 * on any server and in any shell. Chinese is romanised with ICU ({@code 开源模型} → {@code kai-yuan-mo-xing}),
 * accents are dropped, and nothing like {@code ..} or {@code /} survives.
 */
public final class Slugs {
    static final int MAX_LENGTH = 80;

    /** Built on the first title that is not plain ASCII: ICU's transliterator registry is slow to start. */
    private volatile Transliterator toAscii;

    public String slugify(String raw) {
        // ICU loads its large Han-Latin rules on first use (seconds); plain ASCII needs none of it.
        String ascii = (raw.chars().allMatch(c -> c < 0x80) ? raw : toAscii().transliterate(raw)).toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
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
        String slug = s.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH).replaceAll("-+$", "") : slug;
    }
}

package dev.kaiyuan.assemble;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;

/**
 * URL slugs: ASCII letters, digits and hyphens only, so paths work from {@code file://}, on any
 * server and in any shell. Chinese is romanised with ICU ({@code 开源模型} → {@code kai-yuan-mo-xing}),
 * accents are dropped, and nothing like {@code ..} or {@code /} survives.
 */
public final class Slugs {
    static final int MAX_LENGTH = 80;

    private final Transliterator toAscii = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    public String slugify(String raw) {
        String ascii = toAscii.transliterate(raw).toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }
}

package dev.kaiyuan.ingest;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/** Canonical BCP 47 tags for the languages users write in front matter and HTML. */
public final class LanguageTags {
    private LanguageTags() {
    }

    /**
     * Region-style Chinese tags become script tags, because script is what matters for display:
     * zh-CN/zh-SG → zh-Hans, zh-TW/zh-HK/zh-MO → zh-Hant. Plain {@code zh} stays {@code zh}
     * (the caller detects the script). Anything well-formed passes through canonicalised.
     */
    public static Optional<String> canonical(String raw) {
        String s = raw.strip().replace('_', '-');
        try {
            Locale locale = new Locale.Builder().setLanguageTag(s).build();
            String tag = locale.toLanguageTag();
            if (tag.equals("und") || s.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(chineseScript(locale).orElse(tag));
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> chineseScript(Locale locale) {
        if (!locale.getLanguage().equals("zh")) {
            return Optional.empty();
        }
        if (!locale.getScript().isEmpty()) {
            return Optional.of("zh-" + locale.getScript());
        }
        return switch (locale.getCountry()) {
            case "CN", "SG", "MY" -> Optional.of("zh-Hans");
            case "TW", "HK", "MO" -> Optional.of("zh-Hant");
            default -> Optional.empty();
        };
    }
}

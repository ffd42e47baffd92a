package dev.kaiyuan.config;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Site-wide settings.
 *
 * @param language interface language of the site (BCP 47), e.g. {@code zh-Hans} or {@code en}
 * @param baseUrl  absolute URL the site is deployed at, ending in "/", when known
 * @param zone     time zone in which date-times in front matter are turned into days
 * @param engine   template engine asked for ({@code freemarker} or {@code pebble}); empty: as the theme is written
 * @param pageSize articles per page on paginated lists (home, tags)
 * @param chinese  how Chinese article text is shown: {@code keep} as written, or converted to
 *                 {@code hans} (Simplified) or {@code hant} (Traditional)
 */
public record SiteConfig(String title, String description, String language, Optional<String> baseUrl, ZoneId zone,
        Optional<String> engine, int pageSize, String chinese) {
    public static final String FILE_NAME = "kaiyuan.yaml";
    public static final int DEFAULT_PAGE_SIZE = 10;

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(chinese, "chinese");
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive");
        }
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Kaiyuan", "", "en", Optional.empty(), ZoneId.of("UTC"), Optional.empty(),
                DEFAULT_PAGE_SIZE, "keep");
    }

    public SiteConfig withTitle(String value) {
        return new SiteConfig(value, description, language, baseUrl, zone, engine, pageSize, chinese);
    }

    public SiteConfig withDescription(String value) {
        return new SiteConfig(title, value, language, baseUrl, zone, engine, pageSize, chinese);
    }

    public SiteConfig withLanguage(String value) {
        return new SiteConfig(title, description, value, baseUrl, zone, engine, pageSize, chinese);
    }

    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(title, description, language, Optional.of(url), zone, engine, pageSize, chinese);
    }

    public SiteConfig withZone(ZoneId value) {
        return new SiteConfig(title, description, language, baseUrl, value, engine, pageSize, chinese);
    }

    public SiteConfig withEngine(String name) {
        return new SiteConfig(title, description, language, baseUrl, zone, Optional.of(name), pageSize, chinese);
    }

    public SiteConfig withPageSize(int value) {
        return new SiteConfig(title, description, language, baseUrl, zone, engine, value, chinese);
    }

    public SiteConfig withChinese(String value) {
        return new SiteConfig(title, description, language, baseUrl, zone, engine, pageSize, value);
    }
}

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
 */
public record SiteConfig(String title, String description, String language, Optional<String> baseUrl, ZoneId zone,
        Optional<String> engine) {
    public static final String FILE_NAME = "kaiyuan.yaml";

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(engine, "engine");
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Kaiyuan", "", "en", Optional.empty(), ZoneId.of("UTC"), Optional.empty());
    }

    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(title, description, language, Optional.of(url), zone, engine);
    }

    public SiteConfig withEngine(String name) {
        return new SiteConfig(title, description, language, baseUrl, zone, Optional.of(name));
    }
}

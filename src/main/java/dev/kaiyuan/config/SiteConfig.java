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
 */
public record SiteConfig(String title, String description, String language, Optional<String> baseUrl, ZoneId zone) {
    public static final String FILE_NAME = "kaiyuan.yaml";

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(zone, "zone");
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Kaiyuan", "", "en", Optional.empty(), ZoneId.of("UTC"));
    }
}

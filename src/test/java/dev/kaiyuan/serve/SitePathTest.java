package dev.kaiyuan.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SitePathTest {
    static final Set<String> SITE = Set.of("index.html", "articles/a/index.html", "assets/style.css",
            "tags/开放权重/index.html", "404.html");

    private static SitePath.Target at(String raw) {
        return SitePath.resolve(raw, "/", SITE::contains);
    }

    @ParameterizedTest
    @CsvSource({
        "/, index.html",
        "/index.html, index.html",
        "/articles/a/, articles/a/index.html",
        "/assets/style.css, assets/style.css",
        "/tags/%E5%BC%80%E6%94%BE%E6%9D%83%E9%87%8D/, tags/开放权重/index.html",
    })
    void sitePathsFindTheirFiles(String raw, String file) {
        assertThat(at(raw)).isEqualTo(new SitePath.Found(file));
    }

    @Test
    void aFolderWithoutItsSlashRedirectsToIt() {
        assertThat(at("/articles/a")).isEqualTo(new SitePath.Redirect("/articles/a/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/articles/", "/nope", "/nope/", "/assets/style.css/", "/index.htm"})
    void whatTheSiteDoesNotHaveIsMissing(String raw) {
        assertThat(at(raw)).isEqualTo(new SitePath.Missing());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/%2E%2E/pom.xml", "/articles/../../pom.xml",
        "/./index.html", "/articles/%2e/index.html", "/.%2e/pom.xml"})
    void dotSegmentsAreForbidden(String raw) {
        assertThat(at(raw)).isInstanceOfSatisfying(SitePath.Refused.class, r -> assertThat(r.status()).isEqualTo(403));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/articles/%2f..%2f..%2fpom.xml", "/..%5c..%5cpom.xml", "/index.html%00.css",
        "/a\\..\\pom.xml", "//etc/passwd", "/articles//a/", "/%ff/", "/%zz", "/%", "etc/passwd", "/a%0d%0aX: y"})
    void malformedPathsAreBadRequests(String raw) {
        assertThat(at(raw)).isInstanceOfSatisfying(SitePath.Refused.class, r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void underABasePathTheSiteLivesThereAndTheTopRedirectsToIt() {
        assertThat(SitePath.resolve("/digest/", "/digest/", SITE::contains)).isEqualTo(new SitePath.Found("index.html"));
        assertThat(SitePath.resolve("/digest/articles/a/", "/digest/", SITE::contains))
                .isEqualTo(new SitePath.Found("articles/a/index.html"));
        assertThat(SitePath.resolve("/", "/digest/", SITE::contains)).isEqualTo(new SitePath.Redirect("/digest/"));
        assertThat(SitePath.resolve("/digest", "/digest/", SITE::contains)).isEqualTo(new SitePath.Redirect("/digest/"));
        assertThat(SitePath.resolve("/index.html", "/digest/", SITE::contains)).isEqualTo(new SitePath.Missing());
        assertThat(SitePath.resolve("/digest/../index.html", "/digest/", SITE::contains))
                .isInstanceOf(SitePath.Refused.class);
    }

    @Test
    void aBasePathWithNonAsciiLettersIsRedirectedToEncoded() {
        assertThat(SitePath.resolve("/", "/周报/", SITE::contains))
                .isEqualTo(new SitePath.Redirect("/%E5%91%A8%E6%8A%A5/"));
        assertThat(SitePath.resolve("/%E5%91%A8%E6%8A%A5/", "/周报/", SITE::contains))
                .isEqualTo(new SitePath.Found("index.html"));
    }
}

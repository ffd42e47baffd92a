package dev.kaiyuan.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@link LinkResolver} reads URLs: as a browser resolves them against a page of the site. */
class LinkResolverTest {
    private final LinkResolver resolver = new LinkResolver(Optional.of("https://example.org/digest"));

    @Test
    void relativeLinksResolveFromThePagesFolder() {
        assertThat(resolver.resolve("articles/a/index.html", "../b/index.html?x=1#top"))
                .isEqualTo(new LinkTarget.Internal("articles/b/index.html", "top"));
        assertThat(resolver.resolve("articles/a/index.html", "../../"))
                .isEqualTo(new LinkTarget.Internal("index.html", ""));
        assertThat(resolver.resolve("articles/a/index.html", "#x"))
                .isEqualTo(new LinkTarget.Internal("articles/a/index.html", "x"));
        assertThat(resolver.resolve("index.html", "./a/./b/../c.png")).isEqualTo(new LinkTarget.Internal("a/c.png", ""));
    }

    @Test
    void absoluteUrlsUnderTheBaseAreSitePathsOthersAreExternal() {
        assertThat(resolver.resolve("a/index.html", "https://example.org/digest"))
                .isEqualTo(new LinkTarget.Internal("index.html", ""));
        assertThat(resolver.resolve("a/index.html", "https://example.org/digest/#x"))
                .isEqualTo(new LinkTarget.Internal("index.html", "x"));
        assertThat(resolver.resolve("a/index.html", "https://example.org/digest/tags/ai/"))
                .isEqualTo(new LinkTarget.Internal("tags/ai/index.html", ""));
        assertThat(resolver.resolve("a/index.html", "https://example.org/digestive/")).isInstanceOf(LinkTarget.External.class);
        assertThat(resolver.resolve("a/index.html", "HTTPS://other.example/")).isInstanceOf(LinkTarget.External.class);
        assertThat(resolver.resolve("a/index.html", "//cdn.example/x.js")).isInstanceOf(LinkTarget.External.class);
        assertThat(resolver.resolve("a/index.html", "data:image/png;base64,AAAA")).isInstanceOf(LinkTarget.External.class);
    }

    @Test
    void absolutePathsFileUrlsAndClimbingOutAreInvalid() {
        assertThat(resolver.resolve("a/index.html", "/x.png")).isInstanceOf(LinkTarget.Invalid.class);
        assertThat(resolver.resolve("a/index.html", "\\x.png")).isInstanceOf(LinkTarget.Invalid.class);
        assertThat(resolver.resolve("a/index.html", "FILE:///etc/passwd")).isInstanceOf(LinkTarget.Invalid.class);
        assertThat(resolver.resolve("a/index.html", "../../x.png")).isInstanceOf(LinkTarget.Invalid.class);
        assertThat(resolver.resolve("index.html", "..")).isInstanceOf(LinkTarget.Invalid.class);
    }

    @Test
    void theRoot404PagesAbsolutePathsAreSitePathsUnderTheBasePath() {
        assertThat(resolver.resolve("404.html", "/digest/assets/style.css"))
                .isEqualTo(new LinkTarget.Internal("assets/style.css", ""));
        assertThat(resolver.resolve("404.html", "/digest/")).isEqualTo(new LinkTarget.Internal("index.html", ""));
        assertThat(resolver.resolve("404.html", "/other/x.css")).isInstanceOf(LinkTarget.Invalid.class);
        assertThat(resolver.resolve("404.html", "assets/style.css")).isEqualTo(new LinkTarget.Internal("assets/style.css", ""));
        assertThat(resolver.resolve("sub/404.html", "/digest/x.css")).as("only the root 404.html")
                .isInstanceOf(LinkTarget.Invalid.class);
        assertThat(new LinkResolver(Optional.empty()).resolve("404.html", "/assets/style.css"))
                .as("without a base URL the site is at the host's root")
                .isEqualTo(new LinkTarget.Internal("assets/style.css", ""));
    }

    @Test
    void percentEncodingIsDecodedAsUtf8AndPlusStaysAPlus() {
        assertThat(LinkResolver.percentDecode("tags/%E4%B8%AD%E5%9B%BD/a+b%20c")).contains("tags/中国/a+b c");
        assertThat(LinkResolver.percentDecode("100%")).isEmpty();
        assertThat(LinkResolver.percentDecode("%G0")).isEmpty();
        assertThat(LinkResolver.percentDecode("中国😀")).contains("中国😀");
    }

    @Test
    void srcsetCandidatesAreSplitOnCommasBetweenCandidatesOnly() {
        assertThat(LinkResolver.srcsetUrls("a.png 1x, b,c.png 2x")).containsExactly("a.png", "b,c.png");
        assertThat(LinkResolver.srcsetUrls("a.png,b.png")).containsExactly("a.png,b.png");
        assertThat(LinkResolver.srcsetUrls("a.png, b.png")).containsExactly("a.png", "b.png");
        assertThat(LinkResolver.srcsetUrls("  a.png 480w,\n b.png (max-width: 1px, x) 800w ,c.png")).containsExactly(
                "a.png", "b.png", "c.png");
        assertThat(LinkResolver.srcsetUrls(" , ")).isEmpty();
    }
}

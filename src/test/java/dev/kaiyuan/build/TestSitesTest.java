package dev.kaiyuan.build;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checkers the site tests rely on must really catch what they claim to catch. */
class TestSitesTest {
    static final String ORIGIN = "https://digest.example.org/news/";

    @TempDir
    Path site;

    private void page(String body) {
        write(site, "index.html", "<!doctype html><html><head><link rel=stylesheet href=\"assets/a.css\"></head>"
                + "<body><main><h2 id=\"top\">x</h2>" + body + "</main></body></html>");
        write(site, "assets/a.css", "");
        write(site, "articles/a/index.html", "<p id=\"here\">a</p>");
    }

    @Test
    void goodLinksPass() {
        page("<a href=\"articles/a/index.html#here\">a</a> <a href=\"#top\">top</a> "
                + "<a href=\"https://other.example/\">ext</a> <a href=\"mailto:x@example.org\">m</a>");
        assertThat(TestSites.assertLinksResolve(site, ORIGIN))
                .containsExactlyInAnyOrder("https://other.example/", "mailto:x@example.org");
    }

    @Test
    void chinesePathsPassWrittenAsTheyAreOrPercentEncoded() {
        write(site, "tags/开放权重/index.html", "<p id=\"权重\">t</p>");
        write(site, "tags/c++/index.html", "<p>c</p>");
        page("<a href=\"tags/开放权重/index.html#权重\">raw</a> "
                + "<a href=\"tags/%E5%BC%80%E6%94%BE%E6%9D%83%E9%87%8D/index.html#%E6%9D%83%E9%87%8D\">encoded</a> "
                + "<a href=\"tags/c++/index.html\">plus</a> <a href=\"tags/c%2B%2B/index.html\">encoded plus</a>");
        assertThat(TestSites.assertLinksResolve(site, ORIGIN)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tags/开放/index.html", "tags/%E5%BC%80%E6%94%BE/index.html", "tags/c%20%20/index.html",
            "tags/%ZZ/index.html", "tags/%E5%BC%80%E6%94%BE%E6%9D%83%E9%87%8D/index.html#%E6%9D%83"})
    void missingChinesePathsAreCaught(String href) {
        write(site, "tags/开放权重/index.html", "<p id=\"权重\">t</p>");
        write(site, "tags/c++/index.html", "<p>c</p>");
        page("<a href=\"" + href + "\">bad</a>");
        assertThatThrownBy(() -> TestSites.assertLinksResolve(site, ORIGIN)).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/articles/a/index.html", "articles/b/index.html", "articles/a/index.html#nowhere",
            "#missing", "https://digest.example.org/news/index.html", "//digest.example.org/x", "../outside.html",
            "articles/a/", "javascript:alert(1)", ""})
    void badLinksAreCaught(String href) {
        page("<a href=\"" + href + "\">bad</a>");
        assertThatThrownBy(() -> TestSites.assertLinksResolve(site, ORIGIN)).isInstanceOf(AssertionError.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>1</script>", "<p onclick=\"x()\">p</p>", "<a href=\" JavaScript:x()\">a</a>",
            "<a href=\"java&#x09;script:x()\">a</a>", "<img src=\"data:image/png;base64,AA\">",
            "<iframe></iframe>", "<style>p{}</style>", "<object></object>", "<embed>", "<p style=\"color:red\">p</p>"})
    void activeContentIsCaught(String html) {
        String doc = "<html><body><main>" + html + "</main></body></html>";
        assertThatThrownBy(() -> HostileContentTest.assertInert("t.html", Jsoup.parse(doc)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void inertContentPasses() {
        HostileContentTest.assertInert("t.html", Jsoup.parse(
                "<html><head><link rel=stylesheet href=a.css></head><body><main><p lang=en>ok "
                        + "<a href=\"https://example.com/\" rel=noopener>x</a></p></main></body></html>"));
    }
}

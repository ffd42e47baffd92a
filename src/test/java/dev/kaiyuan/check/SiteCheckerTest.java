package dev.kaiyuan.check;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link rules of {@link SiteChecker} on small hand-written sites. */
class SiteCheckerTest {
    @TempDir
    Path site;

    private List<String> problems(Optional<String> base) throws IOException {
        return new SiteChecker(base).check(site).problems().stream().map(p -> p.format("")).toList();
    }

    private List<String> problems() throws IOException {
        return problems(Optional.empty());
    }

    private void page(String path, String body) {
        write(site, path, "<!doctype html><html lang=\"en\"><head><title>t</title></head><body>" + body
                + "</body></html>");
    }

    @Test
    void workingLinksOfEveryKindPass() throws IOException {
        page("index.html", """
                <a href="articles/a/index.html">a</a> <a href="articles/a/">folder</a> <a href="articles/a">no slash</a>
                <a href="articles/a/index.html#part">part</a> <a href="articles/a/index.html?x=1#old">named</a>
                <a href="#top">top</a> <a href="#">top</a> <a href="#here" id="here">self</a> <a href="">self</a>
                <a href="tags/%E4%B8%AD%E5%9B%BD/index.html">中国</a> <a href="tags/中国/index.html#%E8%8A%82">节</a>
                <a href="https://example.com/">out</a> <a href="//cdn.example.com/x.js">cdn</a>
                <a href="mailto:a@example.org">mail</a> <a href="tel:+123">tel</a>
                <a href="   articles/a/index.html  ">spaces</a>
                <img src="img/a%20b.png" srcset="img/a%20b.png 1x, img/big,wide.png 2x" alt="">
                <picture><source srcset="img/a%20b.png 480w,img/big,wide.png 800w"></picture>
                <link rel="stylesheet" href="./assets/style.css">
                """);
        page("articles/a/index.html", "<h2 id=\"part\">Part</h2><a name=\"old\"></a><a href=\"../../index.html\">home</a>"
                + "<a href=\"../..\">home</a><a href=\"../../\">home</a><a href=\"./\">me</a><a href=\".\">me</a>");
        page("tags/中国/index.html", "<p id=\"节\">x</p>");
        write(site, "img/a b.png", new byte[] {1});
        write(site, "img/big,wide.png", new byte[] {1});
        write(site, "assets/style.css", "body{}");

        assertThat(problems()).isEmpty();
    }

    /** A site folder that is a link (to a web server's folder) is checked where it leads. */
    @Test
    void aLinkedSiteFolderIsCheckedWhereItLeads(@TempDir Path elsewhere) throws IOException {
        page("index.html", "<a href=\"missing.html\">gone</a>");
        Path linked = java.nio.file.Files.createSymbolicLink(elsewhere.resolve("site"), site);

        SiteReport result = new SiteChecker(Optional.empty()).check(linked);

        assertThat(result.pages()).isEqualTo(1);
        assertThat(result.problems()).extracting(p -> p.format("")).singleElement().asString().contains("missing.html");
    }

    @Test
    void brokenLinksOfEveryKindAreEachReported() throws IOException {
        page("index.html", "<p>ok</p>");
        page("articles/a/index.html", """
                <a href="../b/index.html">missing page</a>
                <a href="../../index.html#nowhere">missing anchor elsewhere</a>
                <a href="#gone">missing anchor here</a>
                <a href="/index.html">absolute</a>
                <a href="file:///home/me/site/index.html">file</a>
                <a href="../../../outside.html">escapes</a>
                <a href="%zz.html">bad escape</a>
                <a href="../b/">folder without index</a>
                <a href="../../Index.html">wrong case</a>
                <img src="" alt="">
                <img src="x.png" srcset="x.png 1x, y.png 2x" alt="">
                """);
        write(site, "articles/a/x.png", new byte[] {1});
        write(site, "articles/b/other.html", "x");

        String p = "articles/a/index.html: broken link ";
        assertThat(problems()).containsExactly(
                p + "'../b/index.html' — there is no articles/b/index.html in the site",
                p + "'../../index.html#nowhere' — no element with id 'nowhere' in index.html",
                p + "'#gone' — no element with id 'gone' on this page",
                p + "'/index.html' — an absolute path; it breaks when the site is served under a sub-path or opened "
                        + "from disk — link relative to the page",
                p + "'file:///home/me/site/index.html' — a local file URL; it works on this computer only — link "
                        + "relative to the page",
                p + "'../../../outside.html' — climbs out of the site (more '../' than folders above the page)",
                p + "'%zz.html' — malformed percent-encoding (a '%' not followed by two hex digits)",
                p + "'../b/' — there is no articles/b/index.html in the site",
                p + "'../../Index.html' — there is no Index.html in the site",
                p + "'' — an empty src (the browser fetches the page itself)",
                p + "'y.png' — there is no articles/a/y.png in the site");
    }

    @Test
    void theSameBrokenLinkTwiceOnAPageIsReportedOnce() throws IOException {
        page("index.html", "<a href=\"gone.html\">1</a><a href=\"gone.html\">2</a>");

        assertThat(problems()).hasSize(1);
    }

    @Test
    void absoluteLinksUnderTheBaseUrlMustExistOthersAreExternal() throws IOException {
        page("index.html", """
                <link rel="canonical" href="https://example.org/digest/">
                <a href="https://example.org/digest/a/index.html#x">ok</a>
                <a href="https://example.org/digest/missing/">missing</a>
                <a href="https://example.org/other/">other site</a>
                """);
        page("a/index.html", "<p id=\"x\">x</p>");

        assertThat(problems(Optional.of("https://example.org/digest"))).containsExactly(
                "index.html: broken link 'https://example.org/digest/missing/' — there is no missing/index.html in the site");
        assertThat(problems()).as("without a base URL they are external").isEmpty();
    }

    @Test
    void theRoot404PageLinksByAbsolutePathsUnderTheBasePath() throws IOException {
        page("index.html", "<p>x</p>");
        page("404.html", "<link rel=\"stylesheet\" href=\"/d/assets/style.css\"><a href=\"/d/index.html\">home</a>"
                + "<a href=\"/d/gone/index.html\">gone</a><a href=\"/elsewhere/\">elsewhere</a>");
        write(site, "assets/style.css", "body{}");

        assertThat(problems(Optional.of("https://example.org/d/"))).containsExactly(
                "404.html: broken link '/d/gone/index.html' — there is no gone/index.html in the site",
                "404.html: broken link '/elsewhere/' — an absolute path outside the site's base path '/d/'");
    }

    @Test
    void feedsAndSitemapParseAndTheirSiteLinksExist() throws IOException {
        page("index.html", "<p>x</p>");
        page("a/index.html", "<p>x</p>");
        write(site, "feed.xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
                <link href="https://example.org/d/"/><link rel="self" href="https://example.org/d/feed.xml"/>
                <entry><link href="https://example.org/d/a/index.html"/></entry>
                <entry><link href="https://example.org/d/b/index.html"/></entry></feed>
                """);
        write(site, "tags/x/feed.xml", """
                <rss version="2.0"><channel><link>https://example.org/d/</link>
                <item><link>https://example.org/d/gone/</link></item></channel></rss>
                """);
        write(site, "sitemap.xml", """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>https://example.org/d/</loc></url><url><loc> https://example.org/d/a/ </loc></url>
                </urlset>
                """);

        assertThat(problems(Optional.of("https://example.org/d/"))).containsExactly(
                "feed.xml: broken link 'https://example.org/d/b/index.html' — there is no b/index.html in the site",
                "tags/x/feed.xml: broken link 'https://example.org/d/gone/' — there is no gone/index.html in the site");
    }

    @Test
    void aSitemapCannotBeCheckedWithoutTheBaseUrl() throws IOException {
        page("index.html", "<p>x</p>");
        write(site, "sitemap.xml", "<urlset><url><loc>https://example.org/d/</loc></url></urlset>");

        assertThat(problems()).singleElement().asString().startsWith("sitemap.xml: its <loc>s cannot be checked");
    }

    @Test
    void xmlIsParsedStrictlyAndWithoutFetchingAnything() throws IOException {
        page("index.html", "<p>x</p>");
        // an external DTD is not fetched (port 9 is "discard"; a fetch would fail or hang the test)
        write(site, "feed.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE feed SYSTEM "http://127.0.0.1:9/never.dtd">
                <feed><title>x</title></feed>
                """);
        // HTML's named entities are not XML's: a feed reader rejects this
        write(site, "tags/x/feed.xml", "<?xml version=\"1.0\"?>\n<feed><title>caf&eacute;</title></feed>\n");

        assertThat(problems()).singleElement().asString().startsWith("tags/x/feed.xml:2:")
                .contains("not well-formed XML").contains("eacute");
    }

    @Test
    void summaryCountsProblemsAndFiles() throws IOException {
        page("index.html", "<a href=\"x.html\">x</a><a href=\"y.html\">y</a>");
        write(site, "sitemap.xml", "<urlset>");

        SiteReport report = new SiteChecker(Optional.empty()).check(site);

        assertThat(report.summary()).isEqualTo("Check failed: 3 problems in 2 files; checked 1 page, 2 files");
        page("index.html", "<p>fine</p>");
        write(site, "sitemap.xml", "<urlset/>");
        assertThat(new SiteChecker(Optional.empty()).check(site).summary())
                .isEqualTo("Checked 1 page, 2 files: no problems");
    }

    @Test
    void aMissingFolderIsAnIoFailureNotAContentProblem() {
        assertThatThrownBy(() -> new SiteChecker(Optional.empty()).check(site.resolve("nope")))
                .isInstanceOf(IOException.class);
    }
}

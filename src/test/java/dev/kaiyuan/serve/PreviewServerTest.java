package dev.kaiyuan.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.OutputFile;
import dev.kaiyuan.output.PackedFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP side alone, over real HTTP on loopback, with a site snapshot made by hand. */
class PreviewServerTest {
    static final String HOME = "<!doctype html><html><head><title>Home</title></head><body>首页</body></html>";
    static final String NOT_FOUND = "<!doctype html><html><head><title>Lost</title></head><body>找不到</body></html>";

    final AtomicReference<SiteSnapshot> site = new AtomicReference<>(SiteSnapshot.NONE);
    final EventHub events = new EventHub("test");
    PreviewServer server;

    /** A page long enough to be held gzipped. */
    static final String LONG = "<!doctype html><html><body>" + "<p>开源模型 open models, again and again.</p>".repeat(200)
            + "</body></html>";

    static SiteSnapshot snapshot(String base, Map<String, String> files) {
        return SiteSnapshot.NONE.next(packed(files), base, Instant.parse("2025-08-21T10:00:00.5Z"));
    }

    /** The files as the preview's writer holds them. */
    static Map<String, PackedFile> packed(Map<String, String> files) {
        Map<String, PackedFile> packed = new LinkedHashMap<>();
        files.forEach((k, v) -> packed.put(k, PackedFile.of(new OutputFile(k, v.getBytes(StandardCharsets.UTF_8)))));
        return packed;
    }

    static Map<String, String> files(boolean with404) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("index.html", HOME);
        files.put("articles/a/index.html", "<!doctype html><html><body>A</body></html>");
        files.put("assets/style.css", "body { color: #333 }");
        files.put("feed.xml", "<?xml version=\"1.0\"?><feed/>");
        files.put("search.json", "[]");
        files.put("timeline/chart.svg", "<svg/>");
        files.put("robots.txt", "User-agent: *");
        files.put("img/x.png", "\u0089PNG");
        files.put("articles/long/index.html", LONG);
        if (with404) {
            files.put("404.html", NOT_FOUND);
        }
        return files;
    }

    @BeforeEach
    void start() throws IOException {
        site.set(snapshot("/", files(true)));
        server = new PreviewServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), site::get,
                () -> "<!doctype html><p>failed</p>", events);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/articles/%2f..%2f..%2fpom.xml", "/..%5c..%5cpom.xml",
        "//etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd", "/articles/../../../../etc/passwd", "/%00", "/.%2e/.%2e/pom.xml",
        "/..\\..\\pom.xml", "http://127.0.0.1/../pom.xml", "/./index.html"})
    void pathsOutsideTheSiteAreRefusedAndNeverAnswerAFile(String target) {
        Http.Raw response = Http.raw(server.address().getPort(), target);

        assertThat(response.status()).as(response.text()).isIn(400, 403, 404);
        assertThat(response.text()).doesNotContain("<modelVersion>", "root:x:0:0", "首页", "找不到");
    }

    /** The same through java.net.http, which sends these paths as written (it does not normalise them). */
    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/articles/%2f..%2f..%2fpom.xml", "/..%5c..%5cpom.xml",
        "//etc/passwd"})
    void pathsOutsideTheSiteAreRefusedThroughAnHttpClientToo(String path) {
        HttpResponse<String> response = Http.get(uri(path));

        assertThat(response.statusCode()).as(path).isIn(400, 403, 404);
        assertThat(response.body()).doesNotContain("<modelVersion>", "root:x:0:0", "首页", "找不到");
    }

    @ParameterizedTest
    @CsvSource({
        "/, text/html; charset=utf-8",
        "/articles/a/, text/html; charset=utf-8",
        "/assets/style.css, text/css; charset=utf-8",
        "/feed.xml, application/xml; charset=utf-8",
        "/search.json, application/json; charset=utf-8",
        "/timeline/chart.svg, image/svg+xml; charset=utf-8",
        "/robots.txt, text/plain; charset=utf-8",
        "/img/x.png, image/png",
        "/__kaiyuan/reload.js, text/javascript; charset=utf-8",
    })
    void contentTypesSayWhatTheFileIsAndTextSaysUtf8(String path, String type) {
        HttpResponse<String> response = Http.get(uri(path));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(type);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void theBodyIsTheFileAsBuilt() {
        assertThat(Http.get(uri("/")).body()).isEqualTo(HOME);
    }

    /** Every browser accepts gzip: a page is sent as the preview holds it, with a validator of its own. */
    @Test
    void aClientThatAcceptsGzipGetsThePageGzippedWithItsOwnValidator() throws Exception {
        HttpResponse<byte[]> plain = bytes("/articles/long/");
        HttpResponse<byte[]> gzipped = bytes("/articles/long/", "Accept-Encoding", "gzip, deflate, br");

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(LONG);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary")).containsExactly("Accept-Encoding");
        assertThat(plain.headers().allValues("Vary")).containsExactly("Accept-Encoding");
        assertThat(gzipped.body().length).isLessThan(LONG.getBytes(StandardCharsets.UTF_8).length / 4);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(LONG);
        }
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isNotEqualTo(plainTag).isEqualTo(plainTag.replaceFirst("\"$", "-gzip\""));
        assertThat(bytes("/articles/long/", "Accept-Encoding", "gzip", "If-None-Match", gzipTag).statusCode())
                .isEqualTo(304);
        // each validator stands for its own representation (RFC 9110, 13.1.2)
        assertThat(bytes("/articles/long/", "If-None-Match", gzipTag).statusCode()).isEqualTo(200);
        assertThat(bytes("/articles/long/", "Accept-Encoding", "gzip", "If-None-Match", plainTag).statusCode())
                .isEqualTo(200);
        HttpResponse<byte[]> head = Http.CLIENT.send(java.net.http.HttpRequest.newBuilder(uri("/articles/long/"))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).header("Accept-Encoding", "gzip")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(head.headers().firstValue("ETag")).hasValue(gzipTag);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aLong404PageIsSentGzippedWithItsStatus() throws Exception {
        Map<String, String> files = files(false);
        files.put("404.html", LONG.replace("open models", "找不到"));
        site.set(snapshot("/", files));

        HttpResponse<byte[]> response = bytes("/no/such/page/", "Accept-Encoding", "gzip");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("找不到");
        }
        assertThat(new String(bytes("/no/such/page/").body(), StandardCharsets.UTF_8)).contains("找不到");
    }

    @Test
    void aClientThatRefusesGzipOrAFileThatDoesNotShrinkGetsTheBytesAsBuilt() throws Exception {
        for (String refusal : new String[] {"gzip;q=0, br", "identity", "*;q=0"}) {
            HttpResponse<byte[]> response = bytes("/articles/long/", "Accept-Encoding", refusal);
            assertThat(response.headers().firstValue("Content-Encoding")).as(refusal).isEmpty();
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(refusal).isEqualTo(LONG);
        }
        HttpResponse<byte[]> small = bytes("/assets/style.css", "Accept-Encoding", "gzip");
        assertThat(small.headers().firstValue("Content-Encoding")).as("too small to shrink").isEmpty();
        assertThat(small.headers().firstValue("Vary")).isEmpty();
        assertThat(new String(small.body(), StandardCharsets.UTF_8)).isEqualTo("body { color: #333 }");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gzip|true", "gzip, deflate, br|true", "GZIP;q=0.5|true", "x-gzip|true", "*|true", "br, *;q=0.1|true",
        "gzip;q=0|false", "gzip; q=0.000|false", "*;q=0|false", "br, gzip;q=0, *|false", "identity|false",
        "deflate, br|false"})
    void acceptEncodingIsReadAsRfc9110Says(String header, boolean gzip) {
        assertThat(PreviewServer.acceptsGzip(java.util.List.of(header))).isEqualTo(gzip);
    }

    HttpResponse<byte[]> bytes(String path, String... headers) {
        return Http.getBytes(uri(path), headers);
    }

    @Test
    void aMatchingETagGets304AndADifferentOneTheFile() {
        HttpResponse<String> first = Http.get(uri("/articles/a/"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        HttpResponse<String> again = Http.get(uri("/articles/a/"), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        assertThat(Http.get(uri("/articles/a/"), "If-None-Match", "\"other\", W/" + etag).statusCode()).isEqualTo(304);
        assertThat(Http.get(uri("/articles/a/"), "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void ifModifiedSinceGets304UnlessTheFileIsNewer() {
        HttpResponse<String> first = Http.get(uri("/assets/style.css"));
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(lastModified).isEqualTo("Thu, 21 Aug 2025 10:00:00 GMT");

        assertThat(Http.get(uri("/assets/style.css"), "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.of(2025, 8, 21, 9, 59, 59, 0, ZoneOffset.UTC));
        assertThat(Http.get(uri("/assets/style.css"), "If-Modified-Since", earlier).statusCode()).isEqualTo(200);
        // If-None-Match decides when both are sent
        assertThat(Http.get(uri("/assets/style.css"), "If-Modified-Since", lastModified, "If-None-Match", "\"x\"")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void unchangedFilesKeepTheirValidatorsAcrossBuildsAndChangedOnesGetNewOnes() {
        String cssTag = Http.get(uri("/assets/style.css")).headers().firstValue("ETag").orElseThrow();
        String homeTag = Http.get(uri("/")).headers().firstValue("ETag").orElseThrow();
        Map<String, String> changed = files(true);
        changed.put("index.html", HOME.replace("首页", "新首页"));
        site.set(site.get().next(packed(changed), "/", Instant.parse("2025-08-22T00:00:00Z")));

        assertThat(Http.get(uri("/assets/style.css"), "If-None-Match", cssTag).statusCode()).isEqualTo(304);
        HttpResponse<String> home = Http.get(uri("/"), "If-None-Match", homeTag);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("新首页");
        assertThat(home.headers().firstValue("Last-Modified")).hasValue("Fri, 22 Aug 2025 00:00:00 GMT");
    }

    @Test
    void aMissingPageGetsTheSites404PageWithStatus404() {
        HttpResponse<String> response = Http.get(uri("/no/such/page/"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(NOT_FOUND);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    }

    @Test
    void withoutA404PageTheAnswerIsPlainText() {
        site.set(snapshot("/", files(false)));

        HttpResponse<String> response = Http.get(uri("/no/such/page/"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void aFolderWithoutItsSlashRedirectsKeepingTheQuery() {
        HttpResponse<String> response = Http.get(uri("/articles/a?x=1"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/articles/a/?x=1");
    }

    @Test
    void theSiteIsServedUnderTheBasePathAndTheTopRedirectsThere() {
        site.set(snapshot("/digest/", files(true)));

        assertThat(Http.get(uri("/")).headers().firstValue("Location")).hasValue("/digest/");
        assertThat(Http.get(uri("/digest")).headers().firstValue("Location")).hasValue("/digest/");
        assertThat(Http.get(uri("/digest/")).body()).isEqualTo(HOME);
        assertThat(Http.get(uri("/digest/articles/a/")).statusCode()).isEqualTo(200);
        assertThat(Http.get(uri("/index.html")).statusCode()).isEqualTo(404);
        assertThat(Http.get(uri("/__kaiyuan/reload.js")).statusCode()).as("the script stays at the root").isEqualTo(200);
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        var post = java.net.http.HttpRequest.newBuilder(uri("/")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build();
        HttpResponse<String> response = Http.CLIENT.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);

        var head = java.net.http.HttpRequest.newBuilder(uri("/")).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> headResponse = Http.CLIENT.send(head, HttpResponse.BodyHandlers.ofString());
        assertThat(headResponse.statusCode()).isEqualTo(200);
        assertThat(headResponse.body()).isEmpty();
    }

    @Test
    void beforeAnyGoodBuildPagesShowTheFailureWith503() {
        site.set(SiteSnapshot.NONE);

        HttpResponse<String> response = Http.get(uri("/"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("failed");
    }

    @Test
    void unknownPreviewPathsAreMissing() {
        assertThat(Http.get(uri("/__kaiyuan/nothing")).statusCode()).isEqualTo(404);
    }

    @Test
    void theEventStreamGreetsWithHelloAndCarriesEvents() throws Exception {
        try (Http.Events stream = new Http.Events(uri("/__kaiyuan/events"))) {
            assertThat(stream.await("hello", java.time.Duration.ofSeconds(5))).contains("\"session\":\"test\"");
            events.built(7, true);
            assertThat(stream.await("css", java.time.Duration.ofSeconds(5))).isEqualTo("{\"build\":7}");
            events.failed("{\"summary\":\"x\"}");
            assertThat(stream.await("error", java.time.Duration.ofSeconds(5))).isEqualTo("{\"summary\":\"x\"}");
        }
    }

    @Test
    void aPageOpenedWhileTheBuildIsBrokenGetsTheErrorAtOnce() throws Exception {
        events.failed("{\"summary\":\"broken\"}");
        try (Http.Events stream = new Http.Events(uri("/__kaiyuan/events"))) {
            assertThat(stream.await("error", java.time.Duration.ofSeconds(5))).isEqualTo("{\"summary\":\"broken\"}");
        }
    }
}

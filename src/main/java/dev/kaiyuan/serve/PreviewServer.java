package dev.kaiyuan.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kaiyuan.model.OutputFile;
import dev.kaiyuan.output.PackedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side of the preview. It is the JDK's own {@code com.sun.net.httpserver.HttpServer}: it
 * adds no dependency to the jar, it is plenty for one editor's browser tabs on loopback, and it
 * streams chunked responses, which is all that server-sent events need. Each request reads the
 * current {@link SiteSnapshot} once, so it is answered from one build even while the next one is
 * being swapped in.
 */
final class PreviewServer implements AutoCloseable {
    static {
        // The JDK's server writes a response's headers and body in separate packets; with Nagle's
        // algorithm on, a keep-alive client's delayed ACK then holds every response back ~40 ms.
        // The JDK reads this property once, for every server of the process; -D on the command
        // line still decides.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    static final String PREFIX = "/__kaiyuan/";
    static final String EVENTS = PREFIX + "events";
    static final String SCRIPT = PREFIX + "reload.js";

    private final HttpServer server;
    private final ExecutorService threads;
    private final Supplier<SiteSnapshot> site;
    private final Supplier<String> failurePage;
    private final EventHub events;
    /** The reload script, served at {@link #SCRIPT} with its validators. */
    private final SiteSnapshot.ServedFile script;

    /**
     * @param failurePage what to show when no build has succeeded yet (an HTML page with the errors)
     */
    PreviewServer(InetSocketAddress address, Supplier<SiteSnapshot> site, Supplier<String> failurePage,
            EventHub events) throws IOException {
        this.site = site;
        this.failurePage = failurePage;
        this.events = events;
        this.script = new SiteSnapshot.ServedFile(PackedFile.of(new OutputFile("reload.js", resource("reload.js"))),
                Instant.EPOCH);
        this.server = HttpServer.create(address, 64);
        // One thread per request, and per open page for its event stream: a handful on loopback.
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kaiyuan-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
            return Objects.requireNonNull(in, "missing resource " + name).readAllBytes();
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                text(exchange, 405, "Only GET and HEAD are served here.\n");
                return;
            }
            route(exchange);
        } catch (IOException | UncheckedIOException e) {
            // the browser went away mid-response: nothing to do
        } catch (RuntimeException e) {
            try {
                text(exchange, 500, "Internal error in the preview server: " + e + "\n");
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        if (uri.getScheme() == null && uri.getRawAuthority() != null) {
            text(exchange, 400, "Bad request: a path may not start with //\n");
            return;
        }
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (rawPath.equals(EVENTS)) {
            events.stream(exchange);
            return;
        }
        if (rawPath.equals(SCRIPT)) {
            file(exchange, 200, "text/javascript; charset=utf-8", script);
            return;
        }
        SiteSnapshot current = site.get();
        if (rawPath.startsWith(PREFIX) || !current.built()) {
            if (!current.built() && !rawPath.startsWith(PREFIX)) {
                send(exchange, 503, "text/html; charset=utf-8", failurePage.get().getBytes(StandardCharsets.UTF_8));
            } else {
                text(exchange, 404, "Not found\n");
            }
            return;
        }
        serveSite(exchange, current, rawPath, uri.getRawQuery());
    }

    private void serveSite(HttpExchange exchange, SiteSnapshot current, String rawPath, @Nullable String query)
            throws IOException {
        SitePath.Target target = SitePath.resolve(rawPath, current.basePath(), current.files()::containsKey);
        // Which build the page comes from, so that a page that loaded while a later build was
        // announced reloads when it connects (the reload script compares it with the server's).
        exchange.getResponseHeaders().set("Server-Timing", "kaiyuan;desc=\"" + current.build() + "\"");
        if (target instanceof SitePath.Found found) {
            SiteSnapshot.ServedFile file = current.files().get(found.path());
            file(exchange, 200, ContentTypes.of(found.path()), Objects.requireNonNull(file));
        } else if (target instanceof SitePath.Redirect redirect) {
            exchange.getResponseHeaders().set("Location", redirect.location() + (query == null ? "" : "?" + query));
            text(exchange, 302, "See " + redirect.location() + "\n");
        } else if (target instanceof SitePath.Refused refused) {
            text(exchange, refused.status(), (refused.status() == 403 ? "Forbidden: " : "Bad request: ")
                    + refused.why() + "\n");
        } else {
            SiteSnapshot.ServedFile page = current.files().get("404.html");
            if (page != null) {
                send(exchange, 404, "text/html; charset=utf-8", page.file(), sendsGzipped(exchange, page));
            } else {
                text(exchange, 404, "Not found. The site has no 404.html page.\n");
            }
        }
    }

    /** A file with its validators; 304 when the browser's copy is current. */
    private static void file(HttpExchange exchange, int status, String type, SiteSnapshot.ServedFile file)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        boolean gzip = sendsGzipped(exchange, file);
        headers.set("ETag", gzip ? file.gzipEtag() : file.etag());
        headers.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(file.lastModified(), ZoneOffset.UTC)));
        // Always revalidate: the next build may change any file, and a 304 costs nothing here.
        headers.set("Cache-Control", "no-cache");
        if (notModified(exchange.getRequestHeaders(), file, gzip)) {
            headers.set("Content-Type", type);
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, status, type, file.file(), gzip);
    }

    /**
     * Whether {@code file} goes out gzipped: when it is held so and the client accepts gzip (RFC
     * 9110, 12.5.3: named, or "*", with a weight above 0). A response that could go either way says
     * it varies with Accept-Encoding, so a cache keeps the two apart.
     */
    static boolean sendsGzipped(HttpExchange exchange, SiteSnapshot.ServedFile file) {
        if (!file.file().gzipped()) {
            return false;
        }
        exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
        return acceptsGzip(exchange.getRequestHeaders().get("Accept-Encoding"));
    }

    static boolean acceptsGzip(@Nullable List<String> acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean any = null;
        for (String header : acceptEncoding) {
            for (String coding : header.split(",")) {
                String[] parts = coding.split(";");
                String name = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
                boolean wanted = true;
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip().toLowerCase(java.util.Locale.ROOT);
                    if (parameter.startsWith("q=")) {
                        wanted = !parameter.substring(2).strip().matches("0(\\.0{0,3})?");
                    }
                }
                if (name.equals("gzip") || name.equals("x-gzip")) {
                    return wanted;
                }
                if (name.equals("*")) {
                    any = wanted;
                }
            }
        }
        return any != null && any;
    }

    /**
     * RFC 9110: If-None-Match decides when present; If-Modified-Since only without it. The validator
     * compared is the one of the representation this answer sends ({@code gzip} or not, 13.1.2): a
     * cache that holds both picks the one to refresh by the ETag of the 304.
     */
    static boolean notModified(Headers request, SiteSnapshot.ServedFile file, boolean gzip) {
        String match = request.getFirst("If-None-Match");
        if (match != null) {
            String etag = gzip ? file.gzipEtag() : file.etag();
            return match.strip().equals("*") || Arrays.stream(match.split(","))
                    .map(t -> t.strip().replaceFirst("^W/", ""))
                    .anyMatch(etag::equals);
        }
        String since = request.getFirst("If-Modified-Since");
        if (since == null) {
            return false;
        }
        try {
            Instant date = ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !file.lastModified().isAfter(date);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A file of the site: as it is held, gzipped, when {@code gzip}; else its bytes. */
    private static void send(HttpExchange exchange, int status, String type, PackedFile body, boolean gzip)
            throws IOException {
        if (gzip) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            send(exchange, status, type, body.heldSize(), body::writeHeldTo);
        } else {
            send(exchange, status, type, body.size(), body::writeTo);
        }
    }

    /** A message of the server's own (not a file of the site). */
    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        send(exchange, status, type, body.length, out -> out.write(body));
    }

    /** What a response sends after its headers. */
    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void send(HttpExchange exchange, int status, String type, int length, Body body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        body.writeTo(exchange.getResponseBody());
    }

    @Override
    public void close() {
        events.close();
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

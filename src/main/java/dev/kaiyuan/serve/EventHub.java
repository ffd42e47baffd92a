package dev.kaiyuan.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Server-sent events to every open page: {@code hello} on connect (which server and build the
 * page talks to), then {@code reload}, {@code css} or {@code error} after each build. SSE needs no
 * library and no second port: it is a long chunked response on the site's own port, and the
 * browser's {@code EventSource} reconnects by itself when the server restarts.
 */
final class EventHub implements AutoCloseable {
    /**
     * A comment this often keeps the connection alive and tells us soon when a page went away
     * (a blocked writer notices a closed connection only when it writes).
     */
    static final Duration KEEPALIVE = Duration.ofSeconds(5);
    private static final Event CLOSE = new Event("close", "");

    /** One event; {@code data} is a single line (JSON here). */
    record Event(String name, String data) {
        String wire() {
            return "event: " + name + "\ndata: " + data + "\n\n";
        }
    }

    private final Set<BlockingQueue<Event>> clients = ConcurrentHashMap.newKeySet();
    /** The failed build's report while the site is broken, so that pages opened meanwhile show it too. */
    private final AtomicReference<Optional<Event>> failure = new AtomicReference<>(Optional.empty());
    private final String session;
    private volatile long build;
    private volatile boolean closed;

    EventHub(String session) {
        this.session = session;
    }

    /** After a good build that changed something (or cleared a failure): {@code reload} or {@code css}. */
    void built(long buildNumber, boolean stylesOnly) {
        build = buildNumber;
        failure.set(Optional.empty());
        publish(new Event(stylesOnly ? "css" : "reload", "{\"build\":" + buildNumber + "}"));
    }

    /**
     * After a good build that changed only some pages for readers: {@code reload} naming them (URL
     * paths), so the pages showing something else stay as they are and only learn the build number.
     */
    void built(long buildNumber, List<String> pages) {
        build = buildNumber;
        failure.set(Optional.empty());
        StringBuilder data = new StringBuilder("{\"build\":").append(buildNumber).append(",\"pages\":[");
        for (int i = 0; i < pages.size(); i++) {
            data.append(i == 0 ? "" : ",").append(ErrorReport.quote(pages.get(i)));
        }
        publish(new Event("reload", data.append("]}").toString()));
    }

    /** After a failed build: {@code error} with the report, shown until the next good build. */
    void failed(String reportJson) {
        Event event = new Event("error", reportJson);
        failure.set(Optional.of(event));
        publish(event);
    }

    private void publish(Event event) {
        clients.forEach(q -> q.offer(event));
    }

    /** Answers {@code /__kaiyuan/events}: blocks, writing events, until the page goes away or the hub closes. */
    void stream(HttpExchange exchange) throws IOException {
        BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        clients.add(queue);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            send(body, "retry: 1000\n\n" + new Event("hello",
                    "{\"session\":\"" + session + "\",\"build\":" + build + "}").wire()
                    + failure.get().map(Event::wire).orElse(""));
            while (!closed) {
                Event event = queue.poll(KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (event == CLOSE) {
                    break;
                }
                send(body, event == null ? ": keepalive\n\n" : event.wire());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(queue);
            exchange.close();
        }
    }

    private static void send(OutputStream body, String text) throws IOException {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    @Override
    public void close() {
        closed = true;
        clients.forEach(q -> q.offer(CLOSE));
    }
}

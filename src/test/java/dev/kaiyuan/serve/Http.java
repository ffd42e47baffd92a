package dev.kaiyuan.serve;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** HTTP for the server tests: a client that follows no redirects, exact request lines, and an event stream reader. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> get(URI uri, String... headers) {
        return get(uri, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), headers);
    }

    /** The body as sent, bytes (a gzipped one is not inflated: this client asks for no encoding itself). */
    static HttpResponse<byte[]> getBytes(URI uri, String... headers) {
        return get(uri, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    private static <T> HttpResponse<T> get(URI uri, HttpResponse.BodyHandler<T> body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status and whole response text of a request sent with exactly this request target, as an attacker would. */
    record Raw(int status, String text) {
    }

    static Raw raw(int port, String target) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            String[] status = text.split(" ", 3);
            return new Raw(status.length > 1 ? Integer.parseInt(status[1]) : -1, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code event:} names from an SSE endpoint in the background. */
    static final class Events implements AutoCloseable {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final InputStream body;

        Events(URI uri) {
            try {
                HttpResponse<InputStream> response = CLIENT.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("events answered " + response.statusCode());
                }
                body = response.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "test-sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for {@code event: name}; returns its data line, or null on timeout. Skips other events. */
        String await(String name, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean inEvent = false;
            while (System.nanoTime() < deadline) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    return null;
                }
                if (line.startsWith("event: ")) {
                    inEvent = line.equals("event: " + name);
                } else if (inEvent && line.startsWith("data: ")) {
                    return line.substring("data: ".length());
                }
            }
            return null;
        }

        /** Event names that arrive within {@code window}. */
        java.util.List<String> namesWithin(Duration window) throws InterruptedException {
            java.util.List<String> names = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + window.toNanos();
            String line;
            while ((line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
                if (line.startsWith("event: ")) {
                    names.add(line.substring("event: ".length()));
                }
            }
            return names;
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}

package dev.kaiyuan.cli;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaiyuan serve} from the command line: it serves until its thread is interrupted, then returns 0. */
@Timeout(60)
class ServeCommandTest {
    static final Pattern SERVING = Pattern.compile("Serving (http://127\\.0\\.0\\.1:\\d+/\\S*) \\(Ctrl-C to stop\\)");

    @TempDir
    Path project;

    /** A StringWriter safe to read while the command writes to it. */
    static final class Output extends StringWriter {
        @Override
        public synchronized String toString() {
            return super.toString();
        }

        @Override
        public synchronized void write(String str, int off, int len) {
            super.write(str, off, len);
        }
    }

    /** {@code kaiyuan serve --project PROJECT --port 0 ARGS…} on a thread of its own, until it is interrupted. */
    final class Serving {
        final Output out = new Output();
        final Output err = new Output();
        final AtomicInteger code = new AtomicInteger(-1);
        final Thread command;
        final String url;

        Serving(String... args) throws InterruptedException {
            String[] all = new String[args.length + 5];
            System.arraycopy(new String[] {"serve", "--project", project.toString(), "--port", "0"}, 0, all, 0, 5);
            System.arraycopy(args, 0, all, 5, args.length);
            command = new Thread(() -> code.set(Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true))));
            command.start();
            url = awaitUrl(out, err);
        }

        HttpResponse<String> get(String path) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Interrupts it and gives its exit code. */
        int stop() throws InterruptedException {
            command.interrupt();
            command.join(20_000);
            assertThat(command.isAlive()).isFalse();
            return code.get();
        }
    }

    @Test
    void servesUntilInterruptedAndThenExitsZero() throws Exception {
        write(project, "seeds/a.md", "---\ntitle: Served article\ndate: 2025-08-21\n---\nHello from the preview.\n");
        Serving serving = new Serving("--base-url", "https://example.org/digest/");

        assertThat(serving.url).endsWith("/digest/");
        HttpResponse<String> page = serving.get("articles/a/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Hello from the preview.", "/__kaiyuan/reload.js");

        assertThat(serving.stop()).as(serving.out + "\n" + serving.err).isEqualTo(ExitCode.OK);
        assertThat(project.resolve("site")).doesNotExist();
    }

    @Test
    void holdingTheSiteOnDiskUsesAFolderInDotKaiyuanThatStoppingDeletes() throws Exception {
        write(project, "seeds/a.md", "---\ntitle: Served article\ndate: 2025-08-21\n---\nHello from the disk.\n");
        Serving serving = new Serving("--hold", "disk");

        assertThat(serving.get("articles/a/").body()).contains("Hello from the disk.");
        assertThat(serving.out.toString()).containsPattern("Holding the site's files in \\.kaiyuan.serve-\\d+\n");
        try (Stream<Path> folders = Files.list(project.resolve(".kaiyuan"))) {
            assertThat(folders.map(f -> f.getFileName().toString())).singleElement().asString().startsWith("serve-");
        }

        assertThat(serving.stop()).as(serving.out + "\n" + serving.err).isEqualTo(ExitCode.OK);
        try (Stream<Path> folders = Files.list(project.resolve(".kaiyuan"))) {
            assertThat(folders).isEmpty();
        }
    }

    private static String awaitUrl(StringWriter out, StringWriter err) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = SERVING.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no 'Serving' line:\n" + out + "\n" + err);
    }

    @Test
    void aTakenPortIsAUsageErrorWithAHint() throws Exception {
        write(project, "seeds/a.md", "---\ntitle: A\ndate: 2025-08-21\n---\nx\n");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun r = CliRun.run("serve", "--project", project.toString(), "--port",
                    String.valueOf(taken.getLocalPort()));

            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort(), "--port");
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        write(project, "seeds/a.md", "---\ntitle: A\ndate: 2025-08-21\n---\nx\n");
        assertThat(CliRun.run("serve", "--project", project.resolve("nope").toString()).code()).isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.run("serve", "--project", project.toString(), "--port", "70000").code()).isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.run("serve", "--project", project.toString(), "--engine", "jinja").code()).isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.run("serve", "--project", project.toString(), "--base-url", "digest/").code())
                .isEqualTo(ExitCode.USAGE);
        CliRun hold = CliRun.run("serve", "--project", project.toString(), "--hold", "ram");
        assertThat(hold.code()).isEqualTo(ExitCode.USAGE);
        assertThat(hold.err()).contains("unknown --hold 'ram'; use auto, memory or disk");
    }

    @Test
    void helpListsTheServeOptions() {
        CliRun r = CliRun.run("serve", "--help");

        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("--port", "--bind", "--open", "--base-url", "--engine", "--drafts", "--project",
                "--hold");
        assertThat(CliRun.run("--help").out()).contains("serve");
    }
}

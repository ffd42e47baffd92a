package dev.kaiyuan.cli;

import dev.kaiyuan.config.ConfigLoader;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SourceRef;
import dev.kaiyuan.serve.Browser;
import dev.kaiyuan.serve.Preview;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kaiyuan serve}: builds into memory, serves the site, rebuilds on every change and reloads
 * the open pages; runs until Ctrl-C (or until its thread is interrupted), then returns an exit code.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = KaiyuanCommand.Version.class,
        description = "Serves a live preview of the site, rebuilt and reloaded whenever a seed, template or "
                + "the config changes. Stop it with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", paramLabel = "DIR", description = "Project folder (default: current folder).")
    Path project = Path.of(".");

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port = 1313;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only).")
    String bind = "127.0.0.1";

    @Option(names = "--open", description = "Open the site in the desktop's browser.")
    boolean open;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Absolute URL the site is published at; its path is the path it is served under.")
    @Nullable String baseUrl;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "Template engine: freemarker or pebble.")
    @Nullable String engine;

    @Option(names = "--drafts", description = "Include articles marked draft: true.")
    boolean drafts;

    @Option(names = "--hold", paramLabel = "WHERE",
            description = "Where the built site is held while served: memory, disk (a folder in .kaiyuan/, "
                    + "deleted on stop) or auto (default: disk from " + Preview.Holding.DISK_FROM + " seed files).")
    String hold = "auto";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> problem = usageProblem();
        if (problem.isPresent()) {
            err.println("kaiyuan: " + problem.get());
            err.flush();
            return ExitCode.USAGE;
        }
        Preview preview;
        try {
            preview = Preview.start(new Preview.Settings(project, bind, port, drafts, Optional.ofNullable(baseUrl),
                    Optional.ofNullable(engine), holding().orElseThrow()), out, err);
        } catch (BindException e) {
            err.println("kaiyuan: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            err.println("    hint: pass --port N for another port (--port 0 takes any free one), or stop the other server");
            err.flush();
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("kaiyuan: cannot start the preview: " + e);
            err.flush();
            return ExitCode.INTERNAL;
        }
        return serveUntilStopped(preview, out, err);
    }

    private int serveUntilStopped(Preview preview, PrintWriter out, PrintWriter err) {
        Thread hook = new Thread(() -> {
            preview.close();
            synchronized (out) {
                out.println("Stopped.");
                out.flush();
            }
        }, "kaiyuan-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        synchronized (out) {
            out.println("Serving " + preview.url() + " (Ctrl-C to stop)");
            if (!isLoopback(bind)) {
                out.println("note: listening on " + bind + ": anyone who can reach this machine can see the preview");
            }
            out.flush();
        }
        if (open) {
            Browser.open(preview.url(), out);
        }
        try {
            preview.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            preview.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
        return ExitCode.OK;
    }

    private Optional<String> usageProblem() {
        if (!Files.isDirectory(project)) {
            return Optional.of("no project folder at " + project.toAbsolutePath().normalize()
                    + "\n    hint: pass --project DIR with a folder that holds seeds/, or run in one");
        }
        if (port < 0 || port > 65535) {
            return Optional.of("--port must be between 0 and 65535, not " + port);
        }
        if (engine != null && !ConfigLoader.ENGINES.contains(engine)) {
            return Optional.of("unknown --engine '" + engine + "'; use " + String.join(" or ", ConfigLoader.ENGINES));
        }
        if (holding().isEmpty()) {
            return Optional.of("unknown --hold '" + hold + "'; use auto, memory or disk");
        }
        if (baseUrl != null && ConfigLoader.baseUrl(baseUrl, SourceRef.file("--base-url"), new DiagnosticSink()).isEmpty()) {
            return Optional.of("--base-url must be an absolute http(s) URL, e.g. https://example.org/digest/");
        }
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            return Optional.of("--bind: unknown address '" + bind + "'; use an IP address such as 127.0.0.1");
        }
        return Optional.empty();
    }

    private Optional<Preview.Holding> holding() {
        return switch (hold) {
            case "auto" -> Optional.of(Preview.Holding.AUTO);
            case "memory" -> Optional.of(Preview.Holding.MEMORY);
            case "disk" -> Optional.of(Preview.Holding.DISK);
            default -> Optional.empty();
        };
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

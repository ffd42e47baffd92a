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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code kaiyuan serve}: builds into memory, serves the site, rebuilds on every change and reloads
 * the open pages; runs until Ctrl-C (or until its thread is interrupted), then returns an exit code.
 */
final class ServeCommand implements Callable<Integer> {
    private static final int DEFAULT_PORT = 1313;
    private static final String DEFAULT_BIND = "127.0.0.1";

    private final CommandSpec spec;

    ServeCommand() {
        spec = CommandSpecs.command(this, "serve",
                "Serves a live preview of the site, rebuilt and reloaded whenever a seed, template or "
                        + "the config changes. Stop it with Ctrl-C.");
        spec.addOption(CommandSpecs.project());
        spec.addOption(CommandSpecs.option("--port", int.class, "N",
                "Port to listen on (default: " + DEFAULT_PORT + "; 0: any free port)."));
        spec.addOption(CommandSpecs.option("--bind", String.class, "ADDRESS",
                "Address to listen on (default: " + DEFAULT_BIND + ", this computer only)."));
        spec.addOption(CommandSpecs.flag("--open", "Open the site in the desktop's browser."));
        spec.addOption(CommandSpecs.option("--base-url", String.class, "URL",
                "Absolute URL the site is published at; its path is the path it is served under."));
        spec.addOption(CommandSpecs.option("--engine", String.class, "ENGINE", "Template engine: freemarker or pebble."));
        spec.addOption(CommandSpecs.drafts());
        spec.addOption(CommandSpecs.option("--hold", String.class, "WHERE",
                "Where the built site is held while served: memory, disk (a folder in .kaiyuan/, deleted on stop) "
                        + "or auto (default: disk from " + Preview.Holding.DISK_FROM + " seed files)."));
    }

    CommandSpec spec() {
        return spec;
    }

    /** The options as given on the command line. */
    private record Options(Path project, int port, String bind, boolean open, @Nullable String baseUrl,
            @Nullable String engine, boolean drafts, String hold) {
        static Options of(ParseResult parsed) {
            return new Options(parsed.matchedOptionValue("--project", Path.of(".")),
                    parsed.matchedOptionValue("--port", DEFAULT_PORT), parsed.matchedOptionValue("--bind", DEFAULT_BIND),
                    CommandSpecs.isOn(parsed, "--open"), parsed.matchedOptionValue("--base-url", null),
                    parsed.matchedOptionValue("--engine", null), CommandSpecs.isOn(parsed, "--drafts"),
                    parsed.matchedOptionValue("--hold", "auto"));
        }

        /** What is wrong with these options; empty when they are fine. */
        Optional<String> problem() {
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

        /** Where to hold the site: empty for an unknown {@code --hold}. */
        Optional<Preview.Holding> holding() {
            return switch (hold) {
                case "auto" -> Optional.of(Preview.Holding.AUTO);
                case "memory" -> Optional.of(Preview.Holding.MEMORY);
                case "disk" -> Optional.of(Preview.Holding.DISK);
                default -> Optional.empty();
            };
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Options options = Options.of(spec.commandLine().getParseResult());
        Optional<String> problem = options.problem();
        if (problem.isPresent()) {
            err.println("kaiyuan: " + problem.get());
            err.flush();
            return ExitCode.USAGE;
        }
        Preview preview;
        try {
            preview = Preview.start(new Preview.Settings(options.project(), options.bind(), options.port(), options.drafts(),
                    Optional.ofNullable(options.baseUrl()), Optional.ofNullable(options.engine()),
                    options.holding().orElseThrow()), out, err);
        } catch (BindException e) {
            err.println("kaiyuan: cannot listen on " + options.bind() + ":" + options.port() + ": " + e.getMessage());
            err.println("    hint: pass --port N for another port (--port 0 takes any free one), or stop the other server");
            err.flush();
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("kaiyuan: cannot start the preview: " + e);
            err.flush();
            return ExitCode.INTERNAL;
        }
        return serveUntilStopped(options, preview, out, err);
    }

    private static int serveUntilStopped(Options options, Preview preview, PrintWriter out, PrintWriter err) {
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
            if (!isLoopback(options.bind())) {
                out.println("note: listening on " + options.bind() + ": anyone who can reach this machine can see the preview");
            }
            out.flush();
        }
        if (options.open()) {
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

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

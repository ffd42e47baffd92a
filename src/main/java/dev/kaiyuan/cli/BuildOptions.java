package dev.kaiyuan.cli;

import dev.kaiyuan.build.Build;
import dev.kaiyuan.build.BuildFailure;
import dev.kaiyuan.build.BuildRequest;
import dev.kaiyuan.build.BuildResult;
import dev.kaiyuan.config.ConfigLoader;
import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SourceRef;
import dev.kaiyuan.output.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options {@code build} and {@code check} share: which project, which output folder, and the
 * config values the command line overrides; plus running the build and printing its diagnostics
 * and summary the same way for both.
 */
record BuildOptions(Path project, @Nullable Path out, @Nullable String baseUrl, @Nullable String engine,
        boolean strict, boolean noCache) {

    /** Adds these options to a command's model. */
    static void declare(CommandSpec spec) {
        spec.addOption(CommandSpecs.project());
        spec.addOption(CommandSpecs.option("--out", Path.class, "DIR", "Output folder (default: PROJECT/site)."));
        spec.addOption(CommandSpecs.option("--base-url", String.class, "URL", "Absolute URL the site is published at."));
        spec.addOption(CommandSpecs.option("--engine", String.class, "ENGINE",
                "Template engine: freemarker or pebble (default: as the theme is written, or the config's engine)."));
        spec.addOption(CommandSpecs.flag("--strict", "Treat warnings as errors."));
        spec.addOption(CommandSpecs.flag("--no-cache",
                "Build from scratch: neither use nor update the build cache in PROJECT/.kaiyuan/."));
    }

    /** The options as given on a command line parsed with {@link #declare}d options. */
    static BuildOptions of(ParseResult parsed) {
        return new BuildOptions(parsed.matchedOptionValue("--project", Path.of(".")),
                parsed.matchedOptionValue("--out", null), parsed.matchedOptionValue("--base-url", null),
                parsed.matchedOptionValue("--engine", null), CommandSpecs.isOn(parsed, "--strict"),
                CommandSpecs.isOn(parsed, "--no-cache"));
    }

    Path target() {
        return out != null ? out : project.resolve("site");
    }

    /** The output folder as the user knows it: relative to the project when inside it ({@code site}). */
    String shownTarget() {
        Path p = project.toAbsolutePath().normalize();
        Path o = target().toAbsolutePath().normalize();
        Path shown = o.startsWith(p) ? p.relativize(o) : target();
        return shown.toString().replace('\\', '/');
    }

    /** Prints what is wrong with these options and returns {@link ExitCode#USAGE}; empty when they are fine. */
    Optional<Integer> usageProblem(PrintWriter err) {
        if (!Files.isDirectory(project)) {
            return usage(err, "no project folder at " + project.toAbsolutePath().normalize(),
                    "    hint: pass --project DIR with a folder that holds seeds/, or run in one");
        }
        if (engine != null && !ConfigLoader.ENGINES.contains(engine)) {
            return usage(err, "unknown --engine '" + engine + "'; use " + String.join(" or ", ConfigLoader.ENGINES), "");
        }
        if (baseUrl != null && ConfigLoader.baseUrl(baseUrl, SourceRef.file("--base-url"), new DiagnosticSink()).isEmpty()) {
            return usage(err, "--base-url must be an absolute http(s) URL, e.g. https://example.org/digest/", "");
        }
        Optional<String> unsafe = OutputFolder.problem(project, target());
        if (unsafe.isPresent()) {
            return usage(err, "refusing to build: " + unsafe.get(), "");
        }
        return Optional.empty();
    }

    private static Optional<Integer> usage(PrintWriter err, String message, String hint) {
        err.println("kaiyuan: " + message);
        if (!hint.isEmpty()) {
            err.println(hint);
        }
        err.flush();
        return Optional.of(ExitCode.USAGE);
    }

    BuildRequest request(boolean drafts) {
        return new BuildRequest(project, target(), drafts, strict, Optional.ofNullable(baseUrl),
                Optional.ofNullable(engine), Optional.of(Clock.systemUTC()));
    }

    /**
     * Runs the build (with the build cache in {@code PROJECT/.kaiyuan/} unless {@code --no-cache});
     * its diagnostics and any note about the cache go to {@code err}, its summary line to {@code out}.
     */
    BuildResult runAndReport(BuildRequest request, PrintWriter out, PrintWriter err) {
        BuildResult result = Build.run(request, !noCache, note -> err.println("kaiyuan: note: " + note));
        // written at once: err flushes at every println, and a thousand diagnostics were a thousand
        // writes (15 ms of a rebuild at 10,000 articles, whose corpus gives 906 warnings)
        StringBuilder report = new StringBuilder();
        for (Diagnostic diagnostic : result.diagnostics()) {
            report.append(diagnostic.format()).append(System.lineSeparator());
        }
        if (result.dropped() > 0) {
            report.append("… and ").append(result.dropped()).append(" more problems not shown")
                    .append(System.lineSeparator());
        }
        err.print(report);
        err.flush();
        out.println(result.summary());
        out.flush();
        return result;
    }

    /** Reports a stage that broke (a bug or I/O) and returns {@link ExitCode#INTERNAL}. */
    static int internalError(BuildFailure e, PrintWriter err) {
        err.println("kaiyuan: internal error in stage '" + e.stage() + "': " + e.getCause());
        err.println("    the previous site was left as it was; please report this with the file that caused it");
        err.flush();
        return ExitCode.INTERNAL;
    }

    /**
     * Reports a build that ran out of heap and returns {@link ExitCode#INTERNAL}: the heap the JVM
     * was given is too small for the site, which only a flag can change.
     */
    static int outOfMemory(PrintWriter err) {
        for (String line : outOfMemoryMessage(Runtime.getRuntime().maxMemory())) {
            err.println(line);
        }
        err.flush();
        return ExitCode.INTERNAL;
    }

    /** What {@link #outOfMemory} prints for a JVM whose heap is at most {@code maxHeap} bytes. */
    static List<String> outOfMemoryMessage(long maxHeap) {
        long mib = maxHeap / (1024 * 1024);
        long more = Math.max(2, (mib * 2 + 1023) / 1024);
        return List.of("kaiyuan: error: out of memory: the site needs more than the " + mib + " MiB of heap Java was given",
                "    the previous site was left as it was; give Java more, e.g. KAIYUAN_JAVA_OPTS=-Xmx" + more
                        + "g target/kaiyuan … or java -Xmx" + more + "g -jar kaiyuan.jar …; a site of 10,000"
                        + " articles needs about 700 MiB");
    }

    /**
     * The base URL the site is published at: {@code --base-url}, else the config's {@code base_url}.
     * The config's problems are not printed here: the build has already reported them.
     */
    Optional<String> effectiveBaseUrl() throws IOException {
        if (baseUrl != null) {
            return ConfigLoader.baseUrl(baseUrl, SourceRef.file("--base-url"), new DiagnosticSink());
        }
        Path file = project.resolve(SiteConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return ConfigLoader.load(Files.readAllBytes(file), SiteConfig.FILE_NAME,
                new DiagnosticSink()).baseUrl();
    }
}

package dev.kaiyuan.cli;

import dev.kaiyuan.build.Build;
import dev.kaiyuan.build.BuildFailure;
import dev.kaiyuan.build.BuildRequest;
import dev.kaiyuan.build.BuildResult;
import dev.kaiyuan.config.ConfigLoader;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SourceRef;
import java.nio.file.Files;
import dev.kaiyuan.output.OutputFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kaiyuan build}: one build, diagnostics in compiler style, a summary line, an exit code. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = KaiyuanCommand.Version.class,
        description = "Builds the site from seeds/ into site/ (replaced only when the build succeeds).")
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--project", paramLabel = "DIR", description = "Project folder (default: current folder).")
    Path project = Path.of(".");

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: PROJECT/site).")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL", description = "Absolute URL the site is published at.")
    String baseUrl;

    @Option(names = "--engine", paramLabel = "ENGINE",
            description = "Template engine: freemarker or pebble (default: as the theme is written, or the config's engine).")
    String engine;

    @Option(names = "--drafts", description = "Include articles marked draft: true.")
    boolean drafts;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outStream = spec.commandLine().getOut();
        Path target = out != null ? out : project.resolve("site");
        if (!Files.isDirectory(project)) {
            err.println("kaiyuan: no project folder at " + project.toAbsolutePath().normalize());
            err.println("    hint: pass --project DIR with a folder that holds seeds/, or run in one");
            err.flush();
            return ExitCode.USAGE;
        }
        if (engine != null && !ConfigLoader.ENGINES.contains(engine)) {
            err.println("kaiyuan: unknown --engine '" + engine + "'; use " + String.join(" or ", ConfigLoader.ENGINES));
            err.flush();
            return ExitCode.USAGE;
        }
        if (baseUrl != null && ConfigLoader.baseUrl(baseUrl, SourceRef.file("--base-url"), new DiagnosticSink()).isEmpty()) {
            err.println("kaiyuan: --base-url must be an absolute http(s) URL, e.g. https://example.org/digest/");
            err.flush();
            return ExitCode.USAGE;
        }
        Optional<String> unsafe = OutputFolder.problem(project, target);
        if (unsafe.isPresent()) {
            err.println("kaiyuan: refusing to build: " + unsafe.get());
            err.flush();
            return ExitCode.USAGE;
        }
        BuildRequest request = new BuildRequest(project, target, drafts, strict, Optional.ofNullable(baseUrl),
                Optional.ofNullable(engine));
        try {
            BuildResult result = Build.run(request);
            result.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
            if (result.dropped() > 0) {
                err.println("… and " + result.dropped() + " more problems not shown");
            }
            err.flush();
            outStream.println(result.summary());
            outStream.flush();
            return result.succeeded() ? ExitCode.OK : ExitCode.CONTENT;
        } catch (BuildFailure e) {
            err.println("kaiyuan: internal error in stage '" + e.stage() + "': " + e.getCause());
            err.println("    the previous site was left as it was; please report this with the file that caused it");
            err.flush();
            return ExitCode.INTERNAL;
        }
    }
}

package dev.kaiyuan.cli;

import dev.kaiyuan.build.BuildFailure;
import dev.kaiyuan.build.BuildResult;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code kaiyuan build}: one build, diagnostics in compiler style, a summary line, an exit code. */
final class BuildCommand implements Callable<Integer> {
    private final CommandSpec spec;

    BuildCommand() {
        spec = CommandSpecs.command(this, "build",
                "Builds the site from seeds/ into site/ (replaced only when the build succeeds).");
        BuildOptions.declare(spec);
        spec.addOption(CommandSpecs.drafts());
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        ParseResult parsed = spec.commandLine().getParseResult();
        BuildOptions options = BuildOptions.of(parsed);
        Optional<Integer> usage = options.usageProblem(err);
        if (usage.isPresent()) {
            return usage.get();
        }
        try {
            BuildResult result = options.runAndReport(options.request(CommandSpecs.isOn(parsed, "--drafts")), out, err);
            return result.succeeded() ? ExitCode.OK : ExitCode.CONTENT;
        } catch (BuildFailure e) {
            return BuildOptions.internalError(e, err);
        } catch (OutOfMemoryError e) {
            return BuildOptions.outOfMemory(err);
        }
    }
}

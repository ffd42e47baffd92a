package dev.kaiyuan.cli;

import dev.kaiyuan.build.BuildFailure;
import dev.kaiyuan.build.BuildResult;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kaiyuan build}: one build, diagnostics in compiler style, a summary line, an exit code. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = KaiyuanCommand.Version.class,
        description = "Builds the site from seeds/ into site/ (replaced only when the build succeeds).")
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BuildOptions options = new BuildOptions();

    @Option(names = "--drafts", description = "Include articles marked draft: true.")
    boolean drafts;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Optional<Integer> usage = options.usageProblem(err);
        if (usage.isPresent()) {
            return usage.get();
        }
        try {
            BuildResult result = options.runAndReport(options.request(drafts), out, err);
            return result.succeeded() ? ExitCode.OK : ExitCode.CONTENT;
        } catch (BuildFailure e) {
            return BuildOptions.internalError(e, err);
        } catch (OutOfMemoryError e) {
            return BuildOptions.outOfMemory(err);
        }
    }
}

package dev.kaiyuan.cli;

import dev.kaiyuan.build.BuildFailure;
import dev.kaiyuan.build.BuildResult;
import dev.kaiyuan.check.SiteChecker;
import dev.kaiyuan.check.SiteProblem;
import dev.kaiyuan.check.SiteReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kaiyuan check}, for CI: the same build as {@code kaiyuan build} into the same output
 * folder, then a {@link SiteChecker} pass over what was written. Every problem of the run is
 * printed as {@code site/path.html: broken link '…' — why}, then a summary; exit 0 only when the
 * build succeeded and the site has no broken link, feed or sitemap. Warnings are printed but do
 * not fail the check unless {@code --strict} is given: a seed with known, reported damage must not
 * stop a digest from publishing.
 */
final class CheckCommand implements Callable<Integer> {
    private final CommandSpec spec;

    CheckCommand() {
        spec = CommandSpecs.command(this, "check",
                "Builds the site like 'build' (with --strict, warnings fail too), then checks what was written: "
                        + "every internal link, image and #fragment resolves inside the site, and feed.xml and "
                        + "sitemap.xml are well-formed with existing pages.",
                "Exit codes: 0 clean, 1 content or link problems, 2 wrong command line, 3 internal error.");
        BuildOptions.declare(spec);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        BuildOptions options = BuildOptions.of(spec.commandLine().getParseResult());
        Optional<Integer> usage = options.usageProblem(err);
        if (usage.isPresent()) {
            return usage.get();
        }
        BuildResult built;
        try {
            built = options.runAndReport(options.request(false), out, err);
        } catch (BuildFailure e) {
            return BuildOptions.internalError(e, err);
        } catch (OutOfMemoryError e) {
            return BuildOptions.outOfMemory(err);
        }
        if (!built.succeeded()) {
            out.println("Check failed: the build did not pass, so the links of the new site were not checked");
            out.flush();
            return ExitCode.CONTENT;
        }
        return checkWrittenSite(options, out, err);
    }

    private static int checkWrittenSite(BuildOptions options, PrintWriter out, PrintWriter err) {
        try {
            SiteReport report = new SiteChecker(options.effectiveBaseUrl()).check(options.target());
            String folder = options.shownTarget();
            for (SiteProblem problem : report.problems()) {
                err.println(problem.format(folder));
            }
            err.flush();
            out.println(report.summary());
            out.flush();
            return report.clean() ? ExitCode.OK : ExitCode.CONTENT;
        } catch (IOException | UncheckedIOException e) {
            err.println("kaiyuan: internal error while checking " + options.shownTarget() + ": " + e);
            err.flush();
            return ExitCode.INTERNAL;
        }
    }
}

package dev.kaiyuan.build;

import dev.kaiyuan.diag.Diagnostic;
import java.util.List;

/**
 * How a build went.
 *
 * @param diagnostics every kept problem, sorted by file and position
 * @param dropped     problems counted beyond the sink's cap
 * @param written     true when the output folder was replaced
 */
public record BuildResult(List<Diagnostic> diagnostics, int errors, int warnings, int dropped, int articles,
        int pages, long millis, boolean written) {
    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean succeeded() {
        return written;
    }

    /** {@code Built 1 article, 2 pages in 0.4 s, 2 warnings}, or why nothing was written. */
    public String summary() {
        String time = String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        String counts = plural(warnings, "warning") + (errors > 0 ? ", " + plural(errors, "error") : "");
        if (!written) {
            return "Build failed in " + time + ": " + counts + "; the previous site was left as it was";
        }
        return "Built " + plural(articles, "article") + ", " + plural(pages, "page") + " in " + time + ", " + counts;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}

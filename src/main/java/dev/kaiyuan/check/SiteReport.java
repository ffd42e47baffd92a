package dev.kaiyuan.check;

import java.util.List;

/**
 * What a check of a written site found.
 *
 * @param pages    HTML pages whose links were checked
 * @param files    files in the site
 * @param problems every problem, by file in path order, then in document order
 */
public record SiteReport(int pages, int files, List<SiteProblem> problems) {
    public SiteReport {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    /** {@code Checked 12 pages, 30 files: no problems}, or {@code Check failed: 3 problems in 2 files; checked …}. */
    public String summary() {
        String checked = plural(pages, "page") + ", " + plural(files, "file");
        if (clean()) {
            return "Checked " + checked + ": no problems";
        }
        long affected = problems.stream().map(p -> p.path().replaceFirst(":\\d+(:\\d+)?$", "")).distinct().count();
        return "Check failed: " + plural(problems.size(), "problem") + " in " + plural((int) affected, "file")
                + "; checked " + checked;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}

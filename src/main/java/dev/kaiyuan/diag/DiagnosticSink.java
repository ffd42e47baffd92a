package dev.kaiyuan.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects diagnostics for one build. Append-only and capped: past {@link #limit()} entries
 * it only counts, so a folder of ten thousand broken files cannot exhaust memory.
 * Safe to share between threads of one build.
 */
public final class DiagnosticSink {
    public static final int DEFAULT_LIMIT = 1000;

    private final int limit;
    private final List<Diagnostic> kept = new ArrayList<>();
    private int errors;
    private int warnings;

    public DiagnosticSink() {
        this(DEFAULT_LIMIT);
    }

    public DiagnosticSink(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    public synchronized void report(Diagnostic diagnostic) {
        if (diagnostic.isError()) {
            errors++;
        } else {
            warnings++;
        }
        if (kept.size() < limit) {
            kept.add(diagnostic);
        }
    }

    public void reportAll(Iterable<Diagnostic> diagnostics) {
        diagnostics.forEach(this::report);
    }

    /**
     * Everything {@code other} counted: the diagnostics it kept, reported here, and those it only
     * counted past its limit, counted here too (not kept, since their text is gone).
     */
    public void reportAll(DiagnosticSink other) {
        List<Diagnostic> kept;
        int moreErrors;
        int moreWarnings;
        synchronized (other) {
            kept = other.sorted();
            int keptErrors = (int) kept.stream().filter(Diagnostic::isError).count();
            moreErrors = other.errors - keptErrors;
            moreWarnings = other.warnings - (kept.size() - keptErrors);
        }
        reportAll(kept);
        synchronized (this) {
            errors += moreErrors;
            warnings += moreWarnings;
        }
    }

    public int limit() {
        return limit;
    }

    public synchronized int errorCount() {
        return errors;
    }

    public synchronized int warningCount() {
        return warnings;
    }

    public synchronized boolean hasErrors() {
        return errors > 0;
    }

    /** How many diagnostics were counted but not kept. */
    public synchronized int dropped() {
        return errors + warnings - kept.size();
    }

    /** Kept diagnostics ordered by file, line, column, so output does not depend on thread timing. */
    public synchronized List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(kept);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.where().path())
                .thenComparingInt(d -> d.where().line())
                .thenComparingInt(d -> d.where().column())
                .thenComparing(Diagnostic::code));
        return List.copyOf(copy);
    }
}

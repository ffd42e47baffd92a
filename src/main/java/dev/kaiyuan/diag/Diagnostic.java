package dev.kaiyuan.diag;

import dev.kaiyuan.model.SourceRef;
import java.util.Objects;

/**
 * A problem with the user's content, located in a file.
 *
 * @param code   stable machine-readable id, e.g. {@code frontmatter.syntax}
 * @param title  short statement of the problem
 * @param detail what exactly was found (may be empty)
 * @param hint   what to do about it (may be empty)
 */
public record Diagnostic(Severity severity, String code, SourceRef where, String title, String detail, String hint) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(hint, "hint");
    }

    public static Diagnostic error(String code, SourceRef where, String title, String detail, String hint) {
        return new Diagnostic(Severity.ERROR, code, where, title, detail, hint);
    }

    public static Diagnostic warning(String code, SourceRef where, String title, String detail, String hint) {
        return new Diagnostic(Severity.WARNING, code, where, title, detail, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * Compiler style, as editors and CI log parsers expect:
     * {@code seeds/x.md:3:7: error: front matter: unclosed quote — detail}, then an indented hint line.
     */
    public String format() {
        StringBuilder line = new StringBuilder()
                .append(where).append(": ").append(severity.label()).append(": ").append(title);
        if (!detail.isEmpty()) {
            line.append(" — ").append(detail);
        }
        if (!hint.isEmpty()) {
            line.append("\n    hint: ").append(hint);
        }
        return line.toString();
    }
}

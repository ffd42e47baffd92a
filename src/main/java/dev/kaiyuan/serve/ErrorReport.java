package dev.kaiyuan.serve;

import dev.kaiyuan.diag.Diagnostic;
import java.util.List;
import java.util.Locale;

/**
 * A failed build as the overlay shows it, in JSON: {@code summary} and {@code problems}, each with
 * {@code where} ({@code path:line:col}), {@code file}, {@code line}, {@code column},
 * {@code severity}, {@code message} and {@code hint}. Errors come first; warnings follow, since
 * they are what {@code --strict} fails on.
 */
record ErrorReport(String summary, List<Diagnostic> problems) {
    ErrorReport {
        problems = problems.stream()
                .sorted(java.util.Comparator.comparing((Diagnostic d) -> !d.isError()))
                .toList();
    }

    String json() {
        StringBuilder out = new StringBuilder("{\"summary\":").append(quote(summary)).append(",\"problems\":[");
        for (int i = 0; i < problems.size(); i++) {
            Diagnostic d = problems.get(i);
            String message = d.detail().isEmpty() ? d.title() : d.title() + " — " + d.detail();
            out.append(i == 0 ? "" : ",")
                    .append("{\"where\":").append(quote(d.where().toString()))
                    .append(",\"file\":").append(quote(d.where().path()))
                    .append(",\"line\":").append(d.where().line())
                    .append(",\"column\":").append(d.where().column())
                    .append(",\"severity\":").append(quote(d.severity().label()))
                    .append(",\"message\":").append(quote(message))
                    .append(",\"hint\":").append(quote(d.hint())).append('}');
        }
        return out.append("]}").toString();
    }

    /**
     * A JSON string. Besides the required escapes, '<', '>' and '&' are escaped and so are the
     * line separators U+2028/2029, so the text is inert wherever it ends up.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}

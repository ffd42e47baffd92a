package dev.kaiyuan.ingest;

import java.util.Optional;

/**
 * A text split into its optional YAML front matter and the body after it.
 *
 * @param yaml          the YAML between the {@code ---} fences, if any
 * @param yamlFirstLine file line (1-based) of the YAML's first line
 * @param body          the text after the closing fence (the whole text when there is none)
 * @param bodyFirstLine file line (1-based) of the body's first line
 */
public record FrontMatterBlock(Optional<String> yaml, int yamlFirstLine, String body, int bodyFirstLine) {

    /**
     * Splits Jekyll/Hugo-style front matter: a first line {@code ---}, YAML, then a line
     * {@code ---} (or YAML's document end {@code ...}). Returns empty when the fence never closes.
     */
    public static Optional<FrontMatterBlock> split(String text) {
        if (!isFence(firstLine(text), "---")) {
            return Optional.of(new FrontMatterBlock(Optional.empty(), 0, text, 1));
        }
        int lineNo = 1;
        int start = text.indexOf('\n') + 1;
        int pos = start;
        while (pos > 0 && pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String line = end < 0 ? text.substring(pos) : text.substring(pos, end);
            lineNo++;
            if (isFence(line, "---") || isFence(line, "...")) {
                String body = end < 0 ? "" : text.substring(end + 1);
                return Optional.of(new FrontMatterBlock(Optional.of(text.substring(start, pos)), 2, body, lineNo + 1));
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static boolean isFence(String line, String fence) {
        return line.stripTrailing().equals(fence);
    }
}

package dev.kaiyuan.model;

/**
 * Text escaped as the site's markup is written: jsoup's base entities with UTF-8 output in HTML
 * syntax, the settings article bodies are cleaned with and pages post-processed with. The reading
 * and post-processing stages both write markup of their own that must equal what jsoup would
 * write, without its printer's calls for every character.
 */
public final class HtmlEscapes {
    private HtmlEscapes() {
    }

    /**
     * Appends {@code text} with jsoup's base escapes: {@code & < >} and the no-break space always,
     * the double quote in an attribute's value. Returns false, having appended part of it, for text
     * jsoup encodes by other rules: a control character other than tab and line ends, a surrogate
     * not paired, or a pair whose code point's low sixteen bits fall among the surrogates (jsoup's
     * encoder check takes it for one). The caller then leaves the whole markup to jsoup.
     */
    public static boolean append(String text, boolean inAttribute, StringBuilder out) {
        int n = text.length();
        int copied = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > '>' && c != '\u00A0' && !Character.isSurrogate(c)) {
                continue;
            }
            String escape;
            switch (c) {
                case '&' -> escape = "&amp;";
                case '<' -> escape = "&lt;";
                case '>' -> escape = "&gt;";
                case '\u00A0' -> escape = "&nbsp;";
                case '"' -> {
                    if (!inAttribute) {
                        continue;
                    }
                    escape = "&quot;";
                }
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        return false;
                    }
                    if (Character.isSurrogate(c)) {
                        if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))
                                || Character.isSurrogate((char) Character.toCodePoint(c, text.charAt(i + 1)))) {
                            return false;
                        }
                        i++;
                    }
                    continue;
                }
            }
            out.append(text, copied, i).append(escape);
            copied = i + 1;
        }
        // a whole string is appended in one copy, a part of one a character at a time
        if (copied == 0) {
            out.append(text);
        } else {
            out.append(text, copied, n);
        }
        return true;
    }
}

package dev.kaiyuan.postprocess;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Adding to a page's head without parsing the page, for transforms that only append to the head:
 * the elements are made and written as the post-processor writes them, and put before the page's
 * one {@code </head>}. A page with no single {@code </head>}, or with a title or meta element after
 * it (a parser moves those into the head), is left to the parser.
 */
final class HeadText {
    private HeadText() {
    }

    /**
     * Where the page's one {@code </head>} starts, or -1 when the text cannot be read plainly. A tag
     * whose name only starts like one of these ({@code </header>}, which every theme's page has, or
     * {@code <metadata>}) is another element: a tag's name runs to white space, {@code /} or {@code >}.
     * A {@code <title>} inside {@code <svg>} or {@code <math>} is the drawing's own (the timeline
     * strip on every article page has them) and stays where it is; a {@code <meta>} there still
     * counts, as it ends the drawing for a parser (HTML, "parsing tokens in foreign content").
     */
    static int end(String html) {
        int end = -1;
        int foreign = 0;
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (named(html, i, "</head")) {
                if (end >= 0 || !html.startsWith(">", i + 6)) {
                    return -1;
                }
                end = i;
            } else if (named(html, i, "<svg") || named(html, i, "<math")) {
                int gt = tagEnd(html, i);
                if (gt < 0) {
                    return -1;
                }
                if (html.charAt(gt - 1) != '/') {
                    foreign++;
                }
            } else if (named(html, i, "</svg") || named(html, i, "</math")) {
                foreign = Math.max(0, foreign - 1);
            } else if (end >= 0 && (foreign == 0 && named(html, i, "<title") || named(html, i, "<meta"))) {
                return -1;
            }
        }
        return end;
    }

    /** The {@code >} that ends the tag at {@code i}, past quoted attribute values; -1 if none. */
    private static int tagEnd(String html, int i) {
        char quote = 0;
        for (int at = i + 1; at < html.length(); at++) {
            char c = html.charAt(at);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return at;
            }
        }
        return -1;
    }

    /** Whether the tag at {@code i} opens with {@code open} (any case) and its name ends there (or the text does). */
    private static boolean named(String html, int i, String open) {
        if (!html.regionMatches(true, i, open, 0, open.length())) {
            return false;
        }
        int after = i + open.length();
        if (after >= html.length()) {
            return true;
        }
        char c = html.charAt(after);
        return c == '>' || c == '/' || PageMarkup.isSpace(c);
    }

    /** The page with what {@code add} appends to a head put at the end of its head; empty when {@link #end} is -1. */
    static Optional<String> append(String html, Consumer<Element> add) {
        return appended(html, add).flatMap(edit -> PageEdit.make(html, List.of(edit)));
    }

    /** What {@code add} appends to a head, written and put before the page's {@code </head>}; empty when {@link #end} is -1. */
    static Optional<PageEdit> appended(String html, Consumer<Element> add) {
        int end = end(html);
        return end < 0 ? Optional.empty() : Optional.of(appendedAt(end, add));
    }

    /** What {@code add} appends to a head, written and put at {@code end}, where {@link #end} found the head's end. */
    static PageEdit appendedAt(int end, Consumer<Element> add) {
        Document shell = Document.createShell("");
        settle(shell);
        add.accept(shell.head());
        return PageEdit.insert(end, shell.head().html());
    }

    /** How the post-processor writes pages: not pretty-printed (a space between Chinese characters shows), UTF-8, few entities. */
    static void settle(Document doc) {
        doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
    }
}

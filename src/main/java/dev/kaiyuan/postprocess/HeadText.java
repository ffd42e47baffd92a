package dev.kaiyuan.postprocess;

import java.util.List;
import java.util.Optional;
import dev.kaiyuan.postprocess.PageMarkup.Kind;
import dev.kaiyuan.postprocess.PageMarkup.Token;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Adding to a page's head without parsing the page, for transforms that only append to the head:
 * the elements are made and written as the post-processor writes them, and put before the page's
 * one {@code </head>}, found in the page's markup. A page with no single {@code </head>}, or with a
 * title or meta element after it (a parser moves those into the head), is left to the parser.
 */
final class HeadText {
    private static final int HEAD_END_LENGTH = "</head>".length();

    private HeadText() {
    }

    /**
     * Where the page's one {@code </head>} starts, or -1 when it cannot be read plainly: none, two, one
     * written otherwise ({@code </head >}), or a title or meta element after it. The markup's tokens
     * are elements, so {@code </header>}, which every theme's page has, or a {@code <svg} inside an
     * attribute's value or a script is none of these. A {@code <title>} inside {@code <svg>} or
     * {@code <math>} is the drawing's own (the timeline strip on every article page has them) and
     * stays where it is; a {@code <meta>} there still counts, as it ends the drawing for a parser
     * (HTML, "parsing tokens in foreign content").
     */
    static int end(List<Token> markup) {
        int end = -1;
        int foreign = 0;
        for (Token t : markup) {
            boolean drawing = t.name().equals("svg") || t.name().equals("math");
            if (t.kind() == Kind.END && t.name().equals("head")) {
                if (end >= 0 || t.to() - t.from() != HEAD_END_LENGTH) {
                    return -1;
                }
                end = t.from();
            } else if (t.kind() == Kind.START && drawing) {
                foreign += t.selfClosing() ? 0 : 1;
            } else if (t.kind() == Kind.END && drawing) {
                foreign = Math.max(0, foreign - 1);
            } else if (end >= 0 && t.kind() == Kind.START
                    && (foreign == 0 && t.name().equals("title") || t.name().equals("meta"))) {
                return -1;
            }
        }
        return end;
    }

    /**
     * What {@code add} appends to a head, written and put before the page's {@code </head>}; empty
     * when {@link #end} is -1.
     */
    static Optional<PageEdit> appended(List<Token> markup, Consumer<Element> add) {
        int end = end(markup);
        return end < 0 ? Optional.empty() : Optional.of(appendedAt(end, add));
    }

    /** What {@code add} appends to a head, written and put at {@code end}, where {@link #end} found it. */
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

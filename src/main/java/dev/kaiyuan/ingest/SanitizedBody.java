package dev.kaiyuan.ingest;

import dev.kaiyuan.model.Caption;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The steps the HTML and Markdown readers share once {@link HtmlSanitizer} has cleaned a body:
 * one parse, and the {@link BodyResult} read off the parsed body.
 */
final class SanitizedBody {
    private SanitizedBody() {
    }

    /**
     * Parses clean HTML as a body fragment; never pretty-printed, as extra spaces break Chinese text.
     * Parsing the cleaner's text again (rather than keeping its tree) also joins the text pieces it
     * leaves where it removed a comment or a tag, which the per-text rules need whole.
     */
    static Document parse(String cleanHtml) {
        Document doc = Jsoup.parseBodyFragment(cleanHtml);
        doc.outputSettings().prettyPrint(false);
        return doc;
    }

    /** The body's markup and text, with the first paragraph's text as the lead. */
    static BodyResult result(FrontMatter derived, Document doc, List<Caption> captions) {
        return result(derived, doc, Optional.empty(), captions);
    }

    /** As {@link #result(FrontMatter, Document, List)}, given the body's markup when it is already at hand. */
    static BodyResult result(FrontMatter derived, Document doc, Optional<String> markup, List<Caption> captions) {
        Element first = doc.body().selectFirst("p");
        return new BodyResult(derived, markup.orElseGet(() -> doc.body().html()), plainText(doc.body()),
                first == null ? "" : first.text(), captions, Optional.empty(), List.of());
    }

    /**
     * The body's text as jsoup's {@code wholeText} gives it (the text as written, a line break for
     * each {@code br}), with a space between two cells of a table row. HTML needs nothing there, and
     * Markdown tables have nothing there, so a row of "Llama 3.1" and "72B" read "Llama 3.172B": the
     * entity tagger found no model in it (nor "Gemma 3" in "Gemma 38B"), the search index had one
     * term for both cells, and the search snippet showed them run together.
     */
    static String plainText(Element body) {
        StringBuilder text = new StringBuilder();
        body.traverse((node, depth) -> {
            if (node instanceof TextNode piece) {
                text.append(piece.getWholeText());
            } else if (node instanceof Element element) {
                String name = element.normalName();
                if (name.equals("br")) {
                    text.append('\n');
                } else if ((name.equals("td") || name.equals("th")) && element.previousElementSibling() != null
                        && !text.isEmpty() && !Character.isWhitespace(text.charAt(text.length() - 1))) {
                    text.append(' ');
                }
            }
        });
        return text.toString();
    }
}

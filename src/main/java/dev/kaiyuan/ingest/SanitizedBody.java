package dev.kaiyuan.ingest;

import dev.kaiyuan.model.Caption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

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

    /** A paragraph, as the query {@code p} selects one: parsed once, not for each article. */
    private static final Evaluator PARAGRAPH = QueryParser.parse("p");

    /** The body's markup and text, with the first paragraph's text as the lead. */
    static BodyResult result(FrontMatter derived, Document doc, List<Caption> captions) {
        return result(derived, doc, Optional.empty(), captions);
    }

    /** As {@link #result(FrontMatter, Document, List)}, given the body's markup when it is already at hand. */
    static BodyResult result(FrontMatter derived, Document doc, Optional<String> markup, List<Caption> captions) {
        Element first = doc.body().selectFirst(PARAGRAPH);
        return new BodyResult(derived, markup.orElseGet(() -> BodyHtml.of(doc.body())), plainText(doc.body()),
                first == null ? "" : first.text(), captions, Optional.empty(), List.of());
    }

    /**
     * The blocks that start a line: HTML's flow blocks. Not jsoup's {@code isBlock}, which counts
     * {@code ins} and {@code del} (a struck-out word inside a sentence) among them.
     */
    private static final Set<String> LINE_BLOCKS = Set.of("p", "div", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
            "h5", "h6", "blockquote", "pre", "table", "caption", "tr", "ul", "ol", "figure", "figcaption", "section",
            "article", "header", "footer", "aside", "nav", "main", "hr", "address", "details", "summary");

    /**
     * The body's text as jsoup's {@code wholeText} gives it (the text as written, a line break for
     * each {@code br}), but with a line break before each block that does not start a line already,
     * and a space between two cells of a table row. HTML needs nothing between blocks or cells, and
     * minified pages and Markdown tables have nothing there: "… by Meta</p><p>OpenAI said" read
     * "by MetaOpenAI said", and a row of "Llama 3.1" and "72B" read "Llama 3.172B", so the entity
     * tagger, which wants a name on word boundaries, found neither, the search index made one term
     * of two words, and its snippets ran them together. Text broken into lines is read a paragraph
     * a line (enrichment), so a block must start one.
     */
    static String plainText(Element body) {
        StringBuilder text = new StringBuilder();
        body.traverse((node, depth) -> {
            if (node instanceof TextNode piece) {
                text.append(piece.getWholeText());
            } else if (node instanceof Element element && element != body) {
                String name = element.normalName();
                boolean cell = name.equals("td") || name.equals("th");
                if (name.equals("br")) {
                    text.append('\n');
                } else if (cell && element.previousElementSibling() != null && !endsWithSpace(text)) {
                    text.append(' ');
                } else if (LINE_BLOCKS.contains(name) && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
            }
        });
        return text.toString();
    }

    private static boolean endsWithSpace(StringBuilder text) {
        return text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1));
    }
}

package dev.kaiyuan.ingest;

import dev.kaiyuan.model.Caption;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
        return new BodyResult(derived, markup.orElseGet(() -> doc.body().html()), doc.body().wholeText(),
                first == null ? "" : first.text(), captions, Optional.empty(), List.of());
    }
}

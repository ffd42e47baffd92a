package dev.kaiyuan.ingest;

import dev.kaiyuan.model.Caption;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The steps the HTML and Markdown readers share once {@link HtmlSanitizer} has cleaned a body:
 * the {@link BodyResult} read off the cleaned, parsed body.
 */
final class SanitizedBody {
    private SanitizedBody() {
    }

    /** The body's markup and text, with the first paragraph's text as the lead. */
    static BodyResult result(FrontMatter derived, Document doc, List<Caption> captions) {
        Element first = doc.body().selectFirst("p");
        return new BodyResult(derived, doc.body().html(), doc.body().wholeText(), first == null ? "" : first.text(),
                captions, Optional.empty(), List.of());
    }
}

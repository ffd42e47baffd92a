package dev.kaiyuan.postprocess;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;

/** One small change to a rendered page, applied in place to the parsed document. */
public interface HtmlTransform {
    void apply(Document page);

    /**
     * False only when {@link #apply} would surely leave a page with this {@link PageScan} as it is;
     * when no transform of a chain may change a page, it is not parsed at all. True unless a
     * transform knows better.
     */
    default boolean mayChange(PageScan page) {
        return true;
    }

    /**
     * This transform's changes as edits to the page as rendered, whose markup is read; empty when it
     * can only work on the parsed page. Made, they give what {@link #apply} gives, except that the
     * rest of the page keeps its text as rendered instead of as a parser writes it back. The
     * post-processor takes the edits of every transform of a chain from the page as rendered and
     * makes them in one pass, as if each had worked on the page the one before it left: so a
     * transform gives edits only when what it changes is nothing another transform of a chain reads
     * or changes (the links in an article's text, an external link's {@code rel}, the end of the
     * head). None by default.
     */
    default Optional<List<PageEdit>> edits(String html, List<PageMarkup.Token> markup) {
        return Optional.empty();
    }

    /** This transform done on the page's text alone: its {@link #edits} made; empty when it gives none. */
    default Optional<String> applyToText(String html) {
        return PageMarkup.read(html).flatMap(markup -> edits(html, markup))
                .flatMap(edits -> PageEdit.make(html, edits));
    }
}

package dev.kaiyuan.postprocess;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Preview only: adds the live-reload script of {@code kaiyuan serve} to a page. It is never part of
 * the chain of a published build ({@link HtmlPostProcessor#forBuild}); the server passes it in.
 * The path is absolute because the server answers it at its root whatever the page's depth or the
 * site's base path. A record, so that two instances are equal and a build cache can see that the
 * preview chain did not change.
 */
public record LiveReloadScript() implements HtmlTransform {
    /** Where {@code kaiyuan serve} answers the script; its events are beside it. */
    public static final String SCRIPT_PATH = "/__kaiyuan/reload.js";

    /** Before the page's one {@code </head>}: the end of the head, where {@link #apply} appends. */
    @Override
    public Optional<List<PageEdit>> edits(String html, List<PageMarkup.Token> markup) {
        return HeadText.appended(markup, LiveReloadScript::addTo).map(List::of);
    }

    @Override
    public void apply(Document page) {
        addTo(page.head());
    }

    private static void addTo(Element head) {
        head.appendElement("script").attr("src", SCRIPT_PATH).attr("defer", "").attr("data-kaiyuan", "preview");
    }
}

package dev.kaiyuan.postprocess;

import java.util.Optional;
import org.jsoup.nodes.Document;

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

    /** The element {@link #apply} appends to the head, as a serialiser writes it. */
    private static final String ELEMENT = "<script src=\"" + SCRIPT_PATH + "\" defer data-kaiyuan=\"preview\"></script>";

    /** Before the page's one {@code </head>}: the end of the head, where {@link #apply} appends. */
    @Override
    public Optional<String> applyToText(String html) {
        int end = -1;
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i, "</head", 0, 6)) {
                if (end >= 0 || !html.startsWith(">", i + 6)) {
                    return Optional.empty();
                }
                end = i;
            }
        }
        return end < 0 ? Optional.empty() : Optional.of(html.substring(0, end) + ELEMENT + html.substring(end));
    }

    @Override
    public void apply(Document page) {
        page.head().appendElement("script").attr("src", SCRIPT_PATH).attr("defer", "")
                .attr("data-kaiyuan", "preview");
    }
}

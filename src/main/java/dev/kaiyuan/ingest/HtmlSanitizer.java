package dev.kaiyuan.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes article HTML safe to embed: a jsoup {@link Safelist} of text markup only — no script,
 * style, iframe, form or event-handler attribute survives, and links and images keep only
 * http(s)/mailto or site-relative URLs, so {@code javascript:} and {@code data:} URLs are gone.
 * Applied to every body, whatever its format, as the last step of reading it.
 */
public final class HtmlSanitizer {
    /** Any relative URL is resolved against this to test its scheme, then kept relative. */
    private static final String PROBE_BASE = "https://kaiyuan.invalid/articles/x/";

    private final Safelist safelist = Safelist.relaxed()
            .addTags("figure", "figcaption", "mark", "section", "hr", "del", "s", "ins", "abbr", "time")
            .addAttributes(":all", "id", "lang", "dir", "title")
            .addAttributes("mark", "class")
            .addAttributes("figure", "class")
            .addAttributes("div", "class")
            .addAttributes("section", "class")
            .addAttributes("a", "class", "rel")
            .addAttributes("sup", "class")
            .addAttributes("li", "class")
            .addAttributes("ol", "class", "start")
            .addAttributes("time", "datetime")
            .addAttributes("td", "align")
            .addAttributes("th", "align")
            .addProtocols("a", "href", "#")
            .preserveRelativeLinks(true);

    /** Sanitised HTML fragment; never throws on broken markup. */
    public String clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, PROBE_BASE);
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}

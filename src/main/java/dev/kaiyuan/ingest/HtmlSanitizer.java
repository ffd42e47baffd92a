package dev.kaiyuan.ingest;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SourceRef;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

    /**
     * Sanitised HTML fragment; never throws on broken markup. When anything had to be removed the
     * sink gets a warning at {@code where}, so hostile or broken markup is never dropped silently.
     */
    public String clean(String html, SourceRef where, DiagnosticSink sink) {
        return cleanDocument(html, where, sink).body().html();
    }

    /**
     * As {@link #clean}, as a parsed document (not pretty-printed) for a reader to work on: a reader
     * that goes on with the tree spares serialising and parsing the body again.
     */
    public Document cleanDocument(String html, SourceRef where, DiagnosticSink sink) {
        return cleanDocument(parse(html), where, sink);
    }

    /** An HTML fragment as a document to clean: its body holds the fragment. */
    public Document parse(String html) {
        return Jsoup.parseBodyFragment(html, PROBE_BASE);
    }

    /** An empty document to build a body in, to be cleaned as a parsed one is. */
    public Document shell() {
        return Document.createShell(PROBE_BASE);
    }

    /** As {@link #cleanDocument(String, SourceRef, DiagnosticSink)}, for a document made by {@link #parse} or in a {@link #shell}. */
    public Document cleanDocument(Document dirty, SourceRef where, DiagnosticSink sink) {
        Cleaner cleaner = new Cleaner(safelist);
        if (hasActiveContent(dirty)) {
            sink.report(Diagnostic.warning("html.unsafe", where, "markup removed from the article",
                    "scripts, styles, frames, forms, event handlers or javascript:/data: links are not allowed",
                    "write the article as text and Markdown; embeds and scripts cannot be published"));
        }
        Document clean = cleaner.clean(dirty);
        absolutiseProtocolRelative(clean);
        clean.outputSettings().prettyPrint(false);
        return clean;
    }

    /** Markup that could run or load something: what a reader must never get, and an editor should hear about. */
    static boolean hasActiveContent(Document doc) {
        if (!doc.select("script, style, iframe, frame, object, embed, form, link, meta, base, svg, math").isEmpty()) {
            return true;
        }
        for (Element e : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute attr : e.attributes()) {
                String value = withoutSpaceOrControls(attr.getValue()).toLowerCase(java.util.Locale.ROOT);
                if (attr.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on") || value.startsWith("javascript:")
                        || value.startsWith("vbscript:") || value.startsWith("data:")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value as a browser reads a URL scheme: white space and control characters do not count. */
    private static String withoutSpaceOrControls(String value) {
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x20) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /**
     * {@code //host/path} means "this page's scheme": from a file:// copy of the site that is a
     * path on disk. Such links always mean the web, so they become https.
     */
    private static void absolutiseProtocolRelative(Document doc) {
        for (Element e : doc.select("[href^=//], [src^=//]")) {
            String attr = e.hasAttr("href") ? "href" : "src";
            e.attr(attr, "https:" + e.attr(attr));
        }
    }
}

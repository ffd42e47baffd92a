package dev.kaiyuan.ingest;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeFilter.FilterResult;
import org.jsoup.select.NodeTraversor;

/**
 * Makes article HTML safe to embed: a jsoup {@link Safelist} of text markup only — no script,
 * style, iframe, form or event-handler attribute survives, and links and images keep only
 * http(s)/mailto or site-relative URLs, so {@code javascript:} and {@code data:} URLs are gone.
 * Applied to every body, whatever its format, as the last step of reading it.
 */
public final class HtmlSanitizer {
    /** Any relative URL is resolved against this to test its scheme, then kept relative. */
    private static final String PROBE_BASE = "https://kaiyuan.invalid/articles/x/";

    /** The tags whose presence alone is active content (with event handlers and script links, {@link #hasActiveContent}). */
    private static final Set<String> ACTIVE_TAGS = Set.of("script", "style", "iframe", "frame", "object", "embed", "form",
            "link", "meta", "base", "svg", "math");

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

    /** {@link #safeAttribute}'s answers for http(s) links, by tag, attribute and scheme (the safelist is fixed). */
    private final Map<String, Boolean> webLinkAccepted = new ConcurrentHashMap<>();

    /**
     * Sanitised HTML fragment; never throws on broken markup. When anything had to be removed the
     * sink gets a warning at {@code where}, so hostile or broken markup is never dropped silently.
     */
    public String clean(String html, SourceRef where, DiagnosticSink sink) {
        return BodyHtml.of(cleanDocument(html, where, sink).body());
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

    /**
     * As {@link #cleanDocument(String, SourceRef, DiagnosticSink)}, for a document made by {@link #parse} or in a
     * {@link #shell}. The document is cleaned where it is when it holds only elements and text and
     * every element's tag is on the safelist (a body built from Markdown, most parsed bodies), and
     * copied by jsoup's {@link Cleaner} otherwise; either way {@code dirty} is not to be used after.
     */
    public Document cleanDocument(Document dirty, SourceRef where, DiagnosticSink sink) {
        if (hasActiveContent(dirty)) {
            sink.report(Diagnostic.warning("html.unsafe", where, "markup removed from the article",
                    "scripts, styles, frames, forms, event handlers or javascript:/data: links are not allowed",
                    "write the article as text and Markdown; embeds and scripts cannot be published"));
        }
        Document clean = cleanedInPlace(dirty).orElseGet(() -> copyCleaned(dirty));
        absolutiseProtocolRelative(clean);
        clean.outputSettings().prettyPrint(false);
        return clean;
    }

    /** jsoup's {@link Cleaner}: a new document holding the safe part of {@code dirty}'s body. */
    Document copyCleaned(Document dirty) {
        return new Cleaner(safelist).clean(dirty);
    }

    /**
     * {@code dirty} with its unsafe attributes removed, which is what jsoup's {@link Cleaner} copies
     * of a document that holds only elements and text, all of tags on the safelist, and nothing in
     * its head: the Cleaner keeps such a body's every element and text, and of each element the
     * attributes {@link Safelist#isSafeAttribute} accepts, in their order. Empty, with nothing
     * changed, for any other document (copying it was 2 % of a cold build, most of it resolving
     * every link to test its scheme: see {@link #safeAttribute}).
     */
    Optional<Document> cleanedInPlace(Document dirty) {
        Element body = dirty.body();
        // the shell jsoup makes: <html><head></head><body>…</body></html>, nothing else
        if (dirty.childNodeSize() != 1 || body.parent() != dirty.child(0) || dirty.child(0).childNodeSize() != 2
                || dirty.child(0).attributesSize() > 0 || dirty.head().childNodeSize() > 0 || body.attributesSize() > 0) {
            return Optional.empty();
        }
        List<Element> elements = new ArrayList<>();
        List<String> unsafeKeys = new ArrayList<>();
        // the body's nodes in document order (a traversal, not nodeStream(), whose iterator cost
        // a third of this)
        NodeFilter check = new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == body) {
                    return FilterResult.CONTINUE;
                }
                if (node instanceof Element element) {
                    // as the Cleaner asks: the tag by its normal name, the attributes by the tag's name
                    String tag = element.tagName();
                    if (!safelist.isSafeTag(element.normalName()) || !safelist.getEnforcedAttributes(tag).isEmpty()) {
                        return FilterResult.STOP;
                    }
                    if (element.attributesSize() > 0) {
                        for (Attribute attribute : element.attributes()) {
                            if (!safeAttribute(tag, element, attribute)) {
                                elements.add(element);
                                unsafeKeys.add(attribute.getKey());
                            }
                        }
                    }
                    return FilterResult.CONTINUE;
                }
                // comments, data and CDATA (which the Cleaner copies as plain text) are left to it
                return node.getClass() == TextNode.class ? FilterResult.CONTINUE : FilterResult.STOP;
            }
        };
        if (NodeTraversor.filter(check, body) == FilterResult.STOP) {
            return Optional.empty();
        }
        for (int i = 0; i < elements.size(); i++) {
            elements.get(i).removeAttr(unsafeKeys.get(i));
        }
        return Optional.of(dirty);
    }

    /**
     * {@link Safelist#isSafeAttribute}, without resolving a URL that starts with {@code http:} or
     * {@code https:}. The safelist resolves a link against the page's address and accepts it when
     * the result starts with one of the attribute's schemes; a link written with {@code http:} or
     * {@code https:} resolves to one that starts with it (or, unresolvable, is tested as written),
     * so the answer is the one for any other such link of the same scheme on the same attribute,
     * which is asked once per tag, attribute and scheme.
     */
    private boolean safeAttribute(String tag, Element element, Attribute attribute) {
        String value = attribute.getValue();
        String scheme = value.regionMatches(true, 0, "https:", 0, 6) ? "https"
                : value.regionMatches(true, 0, "http:", 0, 5) ? "http" : null;
        if (scheme == null) {
            return safelist.isSafeAttribute(tag, element, attribute);
        }
        return webLinkAccepted.computeIfAbsent(tag + ' ' + attribute.getKey() + ' ' + scheme, key -> {
            Element probe = new Element(tag).attr(attribute.getKey(), scheme + "://kaiyuan.invalid/");
            return safelist.isSafeAttribute(tag, probe, probe.attribute(attribute.getKey()));
        });
    }

    /** Markup that could run or load something: what a reader must never get, and an editor should hear about. */
    static boolean hasActiveContent(Document doc) {
        for (Element e : doc.getAllElements()) {
            if (ACTIVE_TAGS.contains(e.normalName())) {
                return true;
            }
            if (e.attributesSize() == 0) {
                continue;
            }
            for (org.jsoup.nodes.Attribute attr : e.attributes()) {
                String value = attr.getValue();
                if (attr.getKey().regionMatches(true, 0, "on", 0, 2) || schemeIs(value, "javascript:")
                        || schemeIs(value, "vbscript:") || schemeIs(value, "data:")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code value} starts with {@code prefix} (lower-case ASCII) as a browser reads a URL
     * scheme: white space and control characters (up to U+0020) do not count, and case does not
     * either. A character beyond ASCII matches no ASCII letter of the prefix, as in the lower-cased
     * value (U+0130 lower-cases to i and U+0307, U+212A KELVIN SIGN to k, which no prefix holds).
     */
    static boolean schemeIs(String value, String prefix) {
        int matched = 0;
        for (int i = 0; i < value.length() && matched < prefix.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20) {
                continue;
            }
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != prefix.charAt(matched)) {
                return false;
            }
            matched++;
        }
        return matched == prefix.length();
    }

    /**
     * {@code //host/path} means "this page's scheme": from a file:// copy of the site that is a
     * path on disk. Such links always mean the web, so they become https.
     */
    private static void absolutiseProtocolRelative(Document doc) {
        for (Element e : doc.getAllElements()) {
            if (e.attributesSize() > 0 && (e.attr("href").startsWith("//") || e.attr("src").startsWith("//"))) {
                String attr = e.hasAttr("href") ? "href" : "src";
                e.attr(attr, "https:" + e.attr(attr));
            }
        }
    }
}

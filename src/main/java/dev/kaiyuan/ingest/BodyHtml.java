package dev.kaiyuan.ingest;

import dev.kaiyuan.model.HtmlEscapes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * A cleaned body's markup: what jsoup's {@code Element.html()} writes with the settings bodies are
 * kept with (not pretty-printed, UTF-8, base entities, HTML syntax), without its printer's calls
 * for every character (a fifth of reading a Markdown article). Text is copied in runs between the
 * characters jsoup escapes ({@link HtmlEscapes}). A body holding anything jsoup writes by rules of
 * its own — comments, data and CDATA, elements outside the HTML namespace, attribute names it
 * repairs, control characters, unpaired surrogates and the supplementary characters its encoder
 * check mistakes for them — is left to jsoup whole.
 */
final class BodyHtml {
    private BodyHtml() {
    }

    /** The markup of {@code root}'s children, as {@code root.html()} gives it. */
    static String of(Element root) {
        return written(root).orElseGet(root::html);
    }

    /** The markup of {@code root}'s children, or empty when it is left to jsoup. */
    static Optional<String> written(Element root) {
        if (!keptSettings(root.ownerDocument())) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(1024);
        return children(root, out) ? Optional.of(out.toString()) : Optional.empty();
    }

    private static boolean keptSettings(Document owner) {
        if (owner == null) {
            return false;
        }
        Document.OutputSettings settings = owner.outputSettings();
        return !settings.prettyPrint() && settings.syntax() == Document.OutputSettings.Syntax.html
                && settings.escapeMode() == Entities.EscapeMode.base && settings.charset().equals(StandardCharsets.UTF_8);
    }

    /** Writes the nodes under {@code root} in document order, without recursion (bodies may nest deeply). */
    private static boolean children(Element root, StringBuilder out) {
        Node node = root.childNodeSize() > 0 ? root.childNode(0) : null;
        while (node != null) {
            if (!head(node, out)) {
                return false;
            }
            if (node.childNodeSize() > 0) {
                node = node.childNode(0);
                continue;
            }
            while (node.nextSibling() == null) {
                node = node.parentNode();
                if (node == root) {
                    return true;
                }
                // only an element with children gets here; jsoup closes it after them
                out.append("</").append(((Element) node).tagName()).append('>');
            }
            node = node.nextSibling();
        }
        return true;
    }

    private static boolean head(Node node, StringBuilder out) {
        if (node.getClass() == TextNode.class) {
            return HtmlEscapes.append(((TextNode) node).getWholeText(), false, out);
        }
        if (!(node instanceof Element element) || !element.tag().namespace().equals(Parser.NamespaceHtml)) {
            return false;
        }
        String name = element.tagName();
        out.append('<').append(name);
        if (element.attributesSize() > 0) {
            for (Attribute attribute : element.attributes()) {
                if (!attribute(attribute, out)) {
                    return false;
                }
            }
        }
        if (element.childNodeSize() > 0) {
            out.append('>');
        } else if (element.tag().isEmpty()) {
            out.append('>'); // a void element
        } else {
            out.append("></").append(name).append('>');
        }
        return true;
    }

    /**
     * jsoup's attribute: its name, and its value in double quotes unless it has none, or is a
     * boolean attribute whose value is empty or its own name.
     */
    private static boolean attribute(Attribute attribute, StringBuilder out) {
        String key = attribute.getKey();
        // jsoup gives back the very key when it is valid, and writes a repaired one otherwise
        if (Attribute.getValidKey(key, Document.OutputSettings.Syntax.html) != key) {
            return false;
        }
        out.append(' ').append(key);
        String value = attribute.getValue();
        if (!attribute.hasDeclaredValue()
                || (value.isEmpty() || value.equalsIgnoreCase(key)) && Attribute.isBooleanAttribute(key)) {
            return true;
        }
        out.append("=\"");
        if (!HtmlEscapes.append(value, true, out)) {
            return false;
        }
        out.append('"');
        return true;
    }
}

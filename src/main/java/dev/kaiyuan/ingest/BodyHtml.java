package dev.kaiyuan.ingest;

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
 * characters jsoup escapes. A body holding anything jsoup writes by rules of its own — comments,
 * data and CDATA, elements outside the HTML namespace, attribute names it repairs, control
 * characters, unpaired surrogates and the supplementary characters its encoder check mistakes for
 * them — is left to jsoup whole.
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
            return escaped(((TextNode) node).getWholeText(), false, out);
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
        if (!escaped(value, true, out)) {
            return false;
        }
        out.append('"');
        return true;
    }

    /**
     * {@code text} with jsoup's base escapes: {@code & < >} and the no-break space always, the
     * double quote in an attribute; false for what jsoup encodes by other rules (a control
     * character other than tab and line ends, a surrogate not paired, or a pair whose code point's
     * low sixteen bits fall among the surrogates, which its encoder check takes for one).
     */
    private static boolean escaped(String text, boolean inAttribute, StringBuilder out) {
        int n = text.length();
        int copied = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > '>' && c != '\u00A0' && !Character.isSurrogate(c)) {
                continue;
            }
            String escape;
            switch (c) {
                case '&' -> escape = "&amp;";
                case '<' -> escape = "&lt;";
                case '>' -> escape = "&gt;";
                case '\u00A0' -> escape = "&nbsp;";
                case '"' -> {
                    if (!inAttribute) {
                        continue;
                    }
                    escape = "&quot;";
                }
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        return false;
                    }
                    if (Character.isSurrogate(c)) {
                        if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))
                                || Character.isSurrogate((char) Character.toCodePoint(c, text.charAt(i + 1)))) {
                            return false;
                        }
                        i++;
                    }
                    continue;
                }
            }
            out.append(text, copied, i).append(escape);
            copied = i + 1;
        }
        // a whole string is appended in one copy, a part of one a character at a time
        if (copied == 0) {
            out.append(text);
        } else {
            out.append(text, copied, n);
        }
        return true;
    }
}

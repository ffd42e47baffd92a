package dev.kaiyuan.postprocess;

import dev.kaiyuan.postprocess.PageMarkup.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

/**
 * The text nodes of a page's article body ({@code article .body}), found in the page's text: the
 * same texts, in the same order, that a parsed page's body holds outside the elements to skip, with
 * where each is written. Reading follows the elements as they open and close, and gives up (empty)
 * wherever a parser would build another tree than the markup shows: an end tag that closes no open
 * element, a self-closing tag outside SVG or MathML, and the places where HTML closes or moves an
 * element by itself (a block inside a {@code p}, a link in a link, a heading in a heading, a list
 * item in a list item, content between a table's rows).
 */
final class BodyMarkup {
    /** HTML's void elements, and those jsoup also writes without an end tag. */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame",
            "command");
    /** Start tags that close an open {@code p} (HTML, "the in body insertion mode"). */
    private static final Set<String> CLOSES_P = Set.of("address", "article", "aside", "blockquote", "center",
            "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1",
            "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre",
            "listing", "section", "summary", "table", "ul", "xmp", "plaintext", "search", "li", "dd", "dt");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Where only rows, cells and their groups may stand; anything else would be moved out of the table. */
    private static final Set<String> TABLE_PARTS = Set.of("table", "thead", "tbody", "tfoot", "tr");
    private static final Set<String> IN_TABLE_PARTS = Set.of("caption", "colgroup", "col", "thead", "tbody",
            "tfoot", "tr", "td", "th", "script", "style", "template");

    private static final Set<String> LIST = Set.of("li", "ul", "ol");
    private static final Set<String> DEFINITIONS = Set.of("dt", "dd", "dl");

    /** Each text, decoded; null where a section starts. */
    private final List<String> texts;
    private final int[] from;
    private final int[] to;

    private BodyMarkup(List<String> texts, int[] from, int[] to) {
        this.texts = Collections.unmodifiableList(texts);
        this.from = from;
        this.to = to;
    }

    /** The body's texts (null where a section starts), none when the page has no article body. */
    List<String> texts() {
        return texts;
    }

    /** Where the {@code i}th text is written in the page. */
    int from(int i) {
        return from[i];
    }

    int to(int i) {
        return to[i];
    }

    /**
     * @param markup       the page's markup, read from {@code html}
     * @param skip         elements whose texts are not wanted (nor those of anything inside them)
     * @param sectionStart elements that start a section when they are children of the body itself
     */
    static Optional<BodyMarkup> read(String html, List<Token> markup, Set<String> skip, Set<String> sectionStart) {
        List<String> texts = new ArrayList<>();
        List<int[]> places = new ArrayList<>();
        OpenElements open = new OpenElements();
        int bodyDepth = -1;
        int skipping = 0;
        for (Token t : markup) {
            boolean inBody = bodyDepth >= 0;
            String top = open.top();
            switch (t.kind()) {
                case TEXT -> {
                    if (TABLE_PARTS.contains(top) && !html.substring(t.from(), t.to()).isBlank()) {
                        return Optional.empty();
                    }
                    if (inBody && open.depth() > bodyDepth && skipping == 0) {
                        String raw = html.substring(t.from(), t.to());
                        texts.add(raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, false));
                        places.add(new int[] {t.from(), t.to()});
                    }
                }
                case RAW -> {
                    // script and style hold data, not text; any other raw-text element in the body
                    // (a textarea) holds a text node the caller would want
                    if (inBody && skipping == 0 && !skip.contains(top)) {
                        return Optional.empty();
                    }
                }
                case START -> {
                    String name = t.name();
                    boolean empty = VOID.contains(name) || (t.selfClosing() && open.foreign > 0);
                    if ((t.selfClosing() && !empty) || closesOrMoves(name, top, open)
                            || (inBody && (name.equals("svg") || name.equals("math")))) {
                        return Optional.empty();
                    }
                    if (!inBody && open.article > 0 && hasClass(t, "body")) {
                        if (empty) {
                            return Optional.of(new BodyMarkup(texts, new int[0], new int[0]));
                        }
                        open.push(name);
                        bodyDepth = open.depth();
                        continue;
                    }
                    if (inBody && open.depth() == bodyDepth && sectionStart.contains(name)) {
                        texts.add(null);
                        places.add(new int[] {t.from(), t.from()});
                    }
                    if (!empty) {
                        open.push(name);
                        if (inBody && skip.contains(name)) {
                            skipping++;
                        }
                    }
                }
                case END -> {
                    if (!top.equals(t.name())) {
                        return Optional.empty();
                    }
                    open.pop();
                    if (inBody && open.depth() < bodyDepth) {
                        return Optional.of(done(texts, places));
                    }
                    if (inBody && skip.contains(t.name())) {
                        skipping--;
                    }
                }
            }
        }
        // the page ended with the body open: a parser closes it there
        return Optional.of(done(texts, places));
    }

    /** The open elements, innermost last, with counts of those that change how others are read. */
    private static final class OpenElements {
        private final List<String> names = new ArrayList<>();
        int foreign;
        int article;
        int paragraph;
        int link;

        String top() {
            return names.isEmpty() ? "" : names.get(names.size() - 1);
        }

        int depth() {
            return names.size();
        }

        void push(String name) {
            names.add(name);
            count(name, 1);
        }

        void pop() {
            count(names.remove(names.size() - 1), -1);
        }

        private void count(String name, int by) {
            switch (name) {
                case "svg", "math" -> foreign += by;
                case "article" -> article += by;
                case "p" -> paragraph += by;
                case "a" -> link += by;
                default -> {
                }
            }
        }

        /** The innermost open element among {@code among}, or {@code ""}. */
        String nearest(Set<String> among) {
            for (int i = names.size() - 1; i >= 0; i--) {
                if (among.contains(names.get(i))) {
                    return names.get(i);
                }
            }
            return "";
        }

        boolean contains(String name) {
            return names.contains(name);
        }
    }

    private static BodyMarkup done(List<String> texts, List<int[]> places) {
        int[] from = new int[places.size()];
        int[] to = new int[places.size()];
        for (int i = 0; i < places.size(); i++) {
            from[i] = places.get(i)[0];
            to[i] = places.get(i)[1];
        }
        return new BodyMarkup(texts, from, to);
    }

    /** True where HTML's tree construction would close or move an element that the markup leaves open. */
    private static boolean closesOrMoves(String name, String top, OpenElements open) {
        if ((CLOSES_P.contains(name) && open.paragraph > 0) || (name.equals("a") && open.link > 0)) {
            return true;
        }
        if (HEADINGS.contains(name) && HEADINGS.contains(top)) {
            return true;
        }
        if (TABLE_PARTS.contains(top) && !IN_TABLE_PARTS.contains(name)) {
            return true;
        }
        return switch (name) {
            // table parts out of place are moved, dropped or close what is open
            case "caption", "colgroup", "tbody", "thead", "tfoot" -> !top.equals("table");
            case "col" -> !top.equals("colgroup") && !top.equals("table");
            case "tr" -> !Set.of("tbody", "thead", "tfoot", "table").contains(top);
            case "td", "th" -> !top.equals("tr");
            case "button", "form" -> open.contains(name);
            case "select", "option", "optgroup", "datalist" -> true;
            case "li" -> open.nearest(LIST).equals("li");
            case "dt", "dd" -> !open.nearest(DEFINITIONS).equals("dl") && !open.nearest(DEFINITIONS).isEmpty();
            case "html", "head", "body", "frameset" -> open.contains(name) || open.contains("body");
            default -> false;
        };
    }

    /** As jsoup's class selector matches: one of the class attribute's names (split at any white space), any case. */
    private static boolean hasClass(Token t, String name) {
        return t.attribute("class").map(a -> PageScan.hasToken(a.value(), name)).orElse(false);
    }

    /**
     * Each list of nodes written as the post-processor writes a page (see {@link HeadText#settle}),
     * null for null; one document holds them in turn.
     */
    static List<String> write(List<List<Node>> pieces) {
        Document shell = Document.createShell("");
        HeadText.settle(shell);
        Element holder = shell.body().appendElement("span");
        List<String> written = new ArrayList<>(pieces.size());
        for (List<Node> nodes : pieces) {
            if (nodes == null) {
                written.add(null);
            } else {
                holder.empty();
                nodes.forEach(holder::appendChild);
                written.add(holder.html());
            }
        }
        return written;
    }
}

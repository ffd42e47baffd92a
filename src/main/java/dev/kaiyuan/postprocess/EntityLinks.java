package dev.kaiyuan.postprocess;

import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.HtmlEscapes;
import dev.kaiyuan.model.Mention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.nodes.Document;

/**
 * Links the first mention of each entity in each section of an article's body to the entity's
 * page, as Wikipedia-style editors expect: once per section (a section starts at each h2–h4),
 * never inside an existing link, code, a heading or a damaged-text mark.
 */
public final class EntityLinks implements HtmlTransform {
    private static final Set<String> SKIP = Set.of("a", "code", "pre", "mark", "h1", "h2", "h3", "h4", "h5", "h6",
            "script", "style");
    private static final Set<String> SECTION_START = Set.of("h2", "h3", "h4");

    private final Function<String, List<Mention>> finder;
    private final String root;

    /**
     * @param finder finds entity mentions in a piece of text (char offsets into it)
     * @param root   relative path from the page to the site root, e.g. {@code ../../}
     */
    public EntityLinks(Function<String, List<Mention>> finder, String root) {
        this.finder = finder;
        this.root = root;
    }

    /** Only the article body gets links. */
    @Override
    public boolean mayChange(PageScan page) {
        return page.bodyClass();
    }

    @Override
    public void apply(Document page) {
        Element body = page.selectFirst("article .body");
        if (body == null) {
            return;
        }
        // Every text node that may get links, in order, with null where a section starts.
        List<TextNode> nodes = new ArrayList<>();
        for (Element block : body.children()) {
            if (SECTION_START.contains(block.normalName())) {
                nodes.add(null);
            } else {
                collect(block, nodes);
            }
        }
        List<String> texts = nodes.stream().map(node -> node == null ? null : node.getWholeText()).toList();
        List<List<Piece>> linked = link(texts);
        for (int i = 0; i < nodes.size(); i++) {
            if (linked.get(i) != null) {
                for (Node piece : nodes(linked.get(i))) {
                    nodes.get(i).before(piece);
                }
                nodes.get(i).remove();
            }
        }
    }

    /**
     * The same links made in the page's text, when {@link BodyMarkup} can read the body plainly: each
     * text that gets a link is written again as the parser would write it, and the rest of the page
     * stays as rendered. An article page is the one page of a site that is linked, and parsing and
     * writing all of it again cost more than reading, linking and rendering its body. The links are
     * relative, so none leaves the site.
     */
    @Override
    public Optional<List<PageEdit>> edits(String html, List<PageMarkup.Token> markup) {
        Optional<BodyMarkup> read = BodyMarkup.read(html, markup, SKIP, SECTION_START);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        BodyMarkup body = read.get();
        List<String> linked = link(body.texts()).stream().map(pieces -> pieces == null ? null : markup(pieces)).toList();
        List<PageEdit> edits = new ArrayList<>();
        for (int i = 0; i < linked.size(); i++) {
            if (linked.get(i) != null) {
                edits.add(new PageEdit(body.from(i), body.to(i), linked.get(i)));
            }
        }
        return Optional.of(edits);
    }

    /**
     * For each text (null where a section starts), the pieces it becomes, or null when it keeps no
     * link. The finder runs once over all texts joined by NUL (no name holds one, and it is no word
     * character, so a match never spans two texts and word boundaries hold at their edges).
     */
    private List<List<Piece>> link(List<String> texts) {
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            starts[i] = joined.length();
            if (texts.get(i) != null) {
                joined.append(texts.get(i));
            }
            joined.append('\0');
        }
        List<Mention> all = finder.apply(joined.toString());
        Set<EntityId> linked = new HashSet<>();
        List<List<Piece>> out = new ArrayList<>(texts.size());
        int next = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) {
                linked.clear();
                out.add(null);
                continue;
            }
            int from = starts[i];
            int to = from + text.length();
            List<Mention> own = new ArrayList<>();
            while (next < all.size() && all.get(next).start() < to) {
                Mention m = all.get(next++);
                if (m.start() >= from && m.end() <= to) {
                    own.add(new Mention(m.entity(), m.start() - from, m.end() - from, m.text()));
                }
            }
            out.add(pieces(text, own, linked));
        }
        return out;
    }

    private static void collect(Element element, List<TextNode> into) {
        if (SKIP.contains(element.normalName())) {
            return;
        }
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                into.add(text);
            } else if (child instanceof Element e) {
                collect(e, into);
            }
        }
    }

    /**
     * A piece of a text that gets links: text as it was, or the mention of {@code linked}, an
     * entity linked to its page.
     */
    record Piece(String text, Optional<EntityId> linked) {
    }

    /** The text cut into text and links, linking each entity not yet linked in the section once; null when none is. */
    private static List<Piece> pieces(String text, List<Mention> found, Set<EntityId> linked) {
        List<Mention> mentions = found.stream().filter(m -> !linked.contains(m.entity())).toList();
        if (mentions.isEmpty()) {
            return null;
        }
        List<Piece> pieces = new ArrayList<>();
        int pos = 0;
        for (Mention m : mentions) {
            if (m.start() < pos || !linked.add(m.entity())) {
                continue;
            }
            if (m.start() > pos) {
                pieces.add(new Piece(text.substring(pos, m.start()), Optional.empty()));
            }
            pieces.add(new Piece(m.text(), Optional.of(m.entity())));
            pos = m.end();
        }
        if (pos < text.length()) {
            pieces.add(new Piece(text.substring(pos), Optional.empty()));
        }
        return pieces;
    }

    /** The pieces as nodes: text nodes, and an {@code a} element for each link. */
    List<Node> nodes(List<Piece> pieces) {
        List<Node> nodes = new ArrayList<>(pieces.size());
        for (Piece piece : pieces) {
            nodes.add(piece.linked().isEmpty() ? new TextNode(piece.text())
                    : new Element("a").attr("class", linkClass(piece.linked().get()))
                            .attr("href", href(piece.linked().get())).appendText(piece.text()));
        }
        return nodes;
    }

    /**
     * The pieces' markup, as the post-processor writes their nodes ({@link BodyMarkup#write}): a
     * text and a link's text escaped as jsoup escapes them, and each link's element with its two
     * attributes in the order {@link #nodes} sets them. Text that jsoup writes by rules of its own
     * is left to it.
     */
    String markup(List<Piece> pieces) {
        return written(pieces).orElseGet(() -> BodyMarkup.write(List.of(nodes(pieces))).get(0));
    }

    /** The pieces' markup written here, or empty when it is left to jsoup ({@link #markup}). */
    Optional<String> written(List<Piece> pieces) {
        StringBuilder out = new StringBuilder(256);
        for (Piece piece : pieces) {
            boolean written = piece.linked().isEmpty() ? HtmlEscapes.append(piece.text(), false, out)
                    : appendLink(piece.linked().get(), piece.text(), out);
            if (!written) {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }

    private boolean appendLink(EntityId entity, String text, StringBuilder out) {
        out.append("<a class=\"");
        if (!HtmlEscapes.append(linkClass(entity), true, out)) {
            return false;
        }
        out.append("\" href=\"");
        if (!HtmlEscapes.append(href(entity), true, out)) {
            return false;
        }
        out.append("\">");
        if (!HtmlEscapes.append(text, false, out)) {
            return false;
        }
        out.append("</a>");
        return true;
    }

    private static String linkClass(EntityId entity) {
        return "entity entity-" + entity.kind().folder();
    }

    private String href(EntityId entity) {
        return root + entity.path();
    }
}

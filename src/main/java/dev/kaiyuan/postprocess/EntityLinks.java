package dev.kaiyuan.postprocess;

import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.Mention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        // Every text node that may get links, in order, with null where a section starts; the finder
        // runs once over all of them joined by NUL (no name holds one, and it is no word character,
        // so a match never spans two nodes and word boundaries hold at their edges).
        List<TextNode> nodes = new ArrayList<>();
        for (Element block : body.children()) {
            if (SECTION_START.contains(block.normalName())) {
                nodes.add(null);
            } else {
                collect(block, nodes);
            }
        }
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            starts[i] = joined.length();
            if (nodes.get(i) != null) {
                joined.append(nodes.get(i).getWholeText());
            }
            joined.append('\0');
        }
        List<Mention> all = finder.apply(joined.toString());
        Set<EntityId> linked = new HashSet<>();
        int next = 0;
        for (int i = 0; i < nodes.size(); i++) {
            TextNode node = nodes.get(i);
            if (node == null) {
                linked.clear();
                continue;
            }
            int from = starts[i];
            int to = from + node.getWholeText().length();
            List<Mention> own = new ArrayList<>();
            while (next < all.size() && all.get(next).start() < to) {
                Mention m = all.get(next++);
                if (m.start() >= from && m.end() <= to) {
                    own.add(new Mention(m.entity(), m.start() - from, m.end() - from, m.text()));
                }
            }
            link(node, own, linked);
        }
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

    private void link(TextNode node, List<Mention> found, Set<EntityId> linked) {
        String text = node.getWholeText();
        List<Mention> mentions = found.stream().filter(m -> !linked.contains(m.entity())).toList();
        if (mentions.isEmpty()) {
            return;
        }
        List<Node> pieces = new ArrayList<>();
        int pos = 0;
        for (Mention m : mentions) {
            if (m.start() < pos || !linked.add(m.entity())) {
                continue;
            }
            if (m.start() > pos) {
                pieces.add(new TextNode(text.substring(pos, m.start())));
            }
            pieces.add(new Element("a").attr("class", "entity entity-" + m.entity().kind().folder())
                    .attr("href", root + m.entity().path()).appendText(m.text()));
            pos = m.end();
        }
        if (pos < text.length()) {
            pieces.add(new TextNode(text.substring(pos)));
        }
        for (Node piece : pieces) {
            node.before(piece);
        }
        node.remove();
    }
}

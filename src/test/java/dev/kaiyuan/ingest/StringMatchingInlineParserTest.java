package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.lang.management.ManagementFactory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The inline parser that matches flexmark's patterns against a string must parse every document
 * as flexmark's own does: the same nodes, at the same offsets, with the same characters.
 */
class StringMatchingInlineParserTest {
    private static final MutableDataSet OPTIONS = MarkdownReader.options();
    private static final Parser FLEXMARK = Parser.builder(OPTIONS).build();
    private static final Parser STRINGS = StringMatchingInlineParser.parser(OPTIONS);
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();

    /** Every node: its type, offsets and characters, indented by depth; then the rendered HTML. */
    private static String dump(Document document) {
        StringBuilder out = new StringBuilder();
        dump(document, 0, out);
        return out.append(RENDERER.render(document)).toString();
    }

    private static void dump(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.getClass().getSimpleName()).append(' ')
                .append(node.getStartOffset()).append('-').append(node.getEndOffset()).append(" [")
                .append(node.getChars()).append("]\n");
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            dump(child, depth + 1, out);
        }
    }

    @Property(tries = 3000)
    void parsesEveryDocumentAsFlexmarksOwnParser(@ForAll("documents") String markdown) {
        assertThat(dump(STRINGS.parse(markdown))).as(markdown).isEqualTo(dump(FLEXMARK.parse(markdown)));
    }

    @Provide
    Arbitrary<String> documents() {
        return MarkdownSamples.documents();
    }

    /** What its two methods match: backticks, spaces and a line break around a link's parts, entities, inline HTML, autolinks. */
    @Example
    void theMatchesItTakesOverAreFlexmarks() {
        String markdown = """
                > Quoted `code` and ``two `ticks` `` in a block quote,
                > with [a link](
                >   https://example.com/a  "its title"
                > ) and [ref] &amp; &#x4E2D; <span class="x">html</span> <https://example.com/b>.

                - 列表里的 `代码` 和 [链接][ref]，
                  跨行的 ``反引号``。

                [ref]: https://example.com/r 'R'
                """;
        Document ours = STRINGS.parse(markdown);

        assertThat(dump(ours)).isEqualTo(dump(FLEXMARK.parse(markdown)));
        assertThat(RENDERER.render(ours)).contains("<code>two `ticks`</code>",
                "<a href=\"https://example.com/a\" title=\"its title\">a link</a>", "<code>代码</code>",
                "<a href=\"https://example.com/r\" title=\"R\">链接</a>");
    }

    /**
     * A long paragraph of many code spans and links is read in time linear in its length: flexmark's
     * own parser copied the whole paragraph at each of them (a 1 MB paragraph of 40,000 of each ran
     * for minutes, BENCHMARKS.md). Counted in bytes allocated, which do not depend on the machine:
     * copying 80 KB at each of 20,000 spans would be 1.6 GB.
     */
    @Example
    void aLongParagraphOfCodeSpansIsNotCopiedAtEachOne() {
        String markdown = "`x` ".repeat(20_000);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        Document document = STRINGS.parse(markdown);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(document.getFirstChild().getChildOfType(com.vladsch.flexmark.ast.Code.class)).isNotNull();
        assertThat(allocated).as("bytes allocated").isLessThan(200_000_000L);
    }

    @Example
    void aNulInAParagraphIsReadAsFlexmarkReadsIt() {
        String markdown = "a\0`b\0` [c\0](d) e";

        assertThat(dump(STRINGS.parse(markdown))).isEqualTo(dump(FLEXMARK.parse(markdown)));
    }
}

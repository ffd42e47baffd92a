package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SegmentedSequence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MarkdownTree} against what it stands in for: flexmark's HTML renderer followed by jsoup's
 * parser. Every tree it builds must be that tree, node for node and character for character; what
 * it cannot build it must leave to the renderer.
 */
class MarkdownTreeTest {
    private static final MutableDataSet OPTIONS = MarkdownReader.options();
    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();
    private static final MarkdownTree TREE = new MarkdownTree(OPTIONS);
    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    private static Optional<String> built(String markdown) {
        return TREE.build(PARSER.parse(markdown), SANITIZER.shell()).map(doc -> dump(doc.body()));
    }

    private static String rendered(String markdown) {
        return dump(SANITIZER.parse(RENDERER.render(PARSER.parse(markdown))).body());
    }

    /** Every node with its boundaries, so a text split in two or an attribute out of order shows. */
    private static String dump(Node node) {
        StringBuilder out = new StringBuilder();
        dump(node, out);
        return out.toString();
    }

    private static void dump(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            out.append("«").append(text.getWholeText()).append("»");
        } else if (node instanceof Element e) {
            out.append('<').append(e.tagName());
            e.attributes().forEach(a -> out.append(' ').append(a.getKey()).append("=«").append(a.getValue()).append('»'));
            out.append('>');
            e.childNodes().forEach(child -> dump(child, out));
            out.append("</").append(e.tagName()).append('>');
        } else {
            out.append("{").append(node.nodeName()).append(':').append(node.outerHtml()).append('}');
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Plain text.",
        "# Title *x*\n\nPara one\nline two  \nhard\\\nback\n",
        "- a\n- b\n\n1. x\n\n2. y\n",
        "- a\n  - b\n    - c\n- d\n\n  para2\n",
        "3. x\n4. y\n   > q\n   ```\n   c\n   ```\n",
        "> quote\n> more\n\n>\n",
        "```java\ncode <x> & \"y\"\n\n\n\nend\n```\n\n    indented\n      more\n\n---\n",
        "![alt *t*](http://x/y.png \"T\") [l](http://a \"ti\") <http://auto> www.x.com a@b.com `c  d` ~~del~~ &amp; &copy; \\*",
        "[ref] [x][] [x][undef] ![im][x] ![im2][nope] [**b** c](/u) ***both*** *a **b** c*\n\n[x]: /xx \"XT\"\n[ref]: http://r\n",
        "## 标题\n\n中文段落，\n继续一行。“引号”\n\n## 标题\n",
        "Setext\nheading\n=======\n\nAnd *emphasis\nacross* lines.",
        "[javascript](javascript:alert(1)) ![x](javascript:y) <javascript:z>",
        "-\n- \n\n#\n",
        "Text with trailing spaces \nand tabs\tinside.",
        "> - list in quote\n>   more\n>\n> para\n",
        "1) one\n2) two\n\n10. ten\n",
        "Link with [`code` and ![img](i.png)](http://u) inside.",
        "| a | b | c |\n|:---|:---:|---:|\n| 1 | **2** | [3](/x) |\n| 4 |\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n[Caption *here*]\n\nAfter.\n",
        "- item\n\n  | a |\n  |---|\n  | 1 |\n",
        "| span || b |\n|---|---|---|\n| 1 | 2 | 3 |\n",
    })
    void buildsWhatTheRendererAndParserMake(String markdown) {
        assertThat(built(markdown)).as("built").isPresent();
        assertThat(built(markdown)).contains(rendered(markdown));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<div>raw</div>\n",
        "Inline <span>html</span>.",
        "<!-- comment -->\n",
        "Note[^1].\n\n[^1]: The note.\n",
        "Line\n&#32;starting with a space entity.",
        "A line feed &#10; from an entity.",
        "A carriage return &#13; from an entity.",
        "An image ![`alt\n  with a line end`](i.png) in code.",
        "A [link](/a?b&amp;amp;c) whose address keeps a character reference.",
        "An autolink <http://x/&#x0000041;> with a reference of eight digits.",
        "An image ![`&#x0000041;`](i.png) whose alt has one.",
    })
    void leavesToTheRendererWhatItDoesNotFollow(String markdown) {
        assertThat(built(markdown)).isEmpty();
    }

    static Stream<Path> markdownSeeds() throws IOException {
        Stream<Path> project = Files.list(Path.of("seeds"));
        Stream<Path> cds = Files.isDirectory(Path.of("src/cds")) ? Files.walk(Path.of("src/cds")) : Stream.empty();
        return Stream.concat(project, cds).filter(p -> p.toString().endsWith(".md")).sorted();
    }

    @ParameterizedTest
    @MethodSource("markdownSeeds")
    void buildsTheProjectsSeedsAsTheyAreRendered(Path seed) throws IOException {
        String markdown = new String(Files.readAllBytes(seed), StandardCharsets.UTF_8);
        String body = markdown.startsWith("---") ? markdown.substring(markdown.indexOf("\n---", 3) + 4) : markdown;
        Optional<String> built = built(body);
        built.ifPresent(tree -> assertThat(tree).as(seed.toString()).isEqualTo(rendered(body)));
        if (seed.startsWith("seeds")) {
            assertThat(built).as(seed + " has nothing the tree leaves to the renderer").isPresent();
        } else {
            // The archive's training seed has a table and a footnote, so that their classes are archived.
            assertThat(built).as(seed.toString()).isEmpty();
        }
    }

    @Test
    void theReaderGivesTheSameBodyEitherWay() {
        // The reader's own path: a body with a footnote is rendered, the same body without it is built.
        MarkdownReader reader = new MarkdownReader(SANITIZER);
        String text = "# T\n\nSome *text* and [a link](https://example.com/x).\n\n- one\n- two\n";
        String table = "\nNote[^1].\n\n[^1]: The note.\n";
        String built = reader.read(source(text), new dev.kaiyuan.diag.DiagnosticSink()).bodyHtml();
        String renderedWithNote = reader.read(source(text + table), new dev.kaiyuan.diag.DiagnosticSink()).bodyHtml();
        assertThat(built(text)).isPresent();
        assertThat(built(text + table)).isEmpty();
        assertThat(renderedWithNote).startsWith(built.stripTrailing());
    }

    private static SourceText source(String body) {
        return new SourceText("seeds/x.md", body, 1, "UTF-8");
    }

    // Markdown put together from pieces that meet in every order (MarkdownSamples).

    @Property(tries = 3000)
    void anyTreeItBuildsIsTheParsedRendering(@ForAll("documents") String markdown) {
        Optional<String> built = built(markdown);
        Statistics.label("built").collect(built.isPresent())
                .coverage(c -> c.check(true).percentage(p -> p > 50.0));
        built.ifPresent(tree -> assertThat(tree).as(markdown).isEqualTo(rendered(markdown)));
    }

    /**
     * The reader parses a body without a {@code |} without the tables extension: flexmark makes a
     * table only of a paragraph whose first line has one, so it must read such a body alike.
     */
    @Property(tries = 1000)
    void aBodyWithoutAPipeParsesAlikeWithoutTheTablesExtension(@ForAll("documents") String markdown) {
        String noPipe = markdown.replace('|', '!');
        MutableDataSet noTables = new MutableDataSet(OPTIONS).set(Parser.EXTENSIONS, Parser.EXTENSIONS.get(OPTIONS).stream()
                .filter(e -> !(e instanceof TablesExtension)).toList());
        String without = HtmlRenderer.builder(OPTIONS).build().render(Parser.builder(noTables).build().parse(noPipe));
        assertThat(without).as(noPipe).isEqualTo(RENDERER.render(PARSER.parse(noPipe)));
    }

    @Provide
    Arbitrary<String> documents() {
        return MarkdownSamples.documents();
    }

    /**
     * A sequence's characters are what flexmark's {@code toString()} gives, for a stretch of the text
     * (copied at once), with NUL (which flexmark reads as U+FFFD) or without, and for several stretches.
     */
    @Property(tries = 500)
    void aStretchOfTheTextIsCopiedAsFlexmarkReadsIt(@ForAll("withNul") String text, @ForAll int a, @ForAll int b) {
        int from = Math.floorMod(a, text.length() + 1);
        int to = from + Math.floorMod(b, text.length() - from + 1);
        BasedSequence whole = BasedSequence.of(text);
        BasedSequence stretch = whole.subSequence(from, to);
        BasedSequence two = SegmentedSequence.create(whole, List.of(whole.subSequence(0, from), whole.subSequence(to)));

        assertThat(MarkdownTree.string(stretch)).isEqualTo(stretch.toString());
        assertThat(MarkdownTree.string(two)).isEqualTo(two.toString());
    }

    /** A sequence is unescaped as flexmark unescapes it, whether it holds a backslash or an ampersand or not. */
    @Property(tries = 1000)
    void aSequenceIsUnescapedAsFlexmarkUnescapesIt(@ForAll("escapes") String text, @ForAll int a, @ForAll int b) {
        int from = Math.floorMod(a, text.length() + 1);
        int to = from + Math.floorMod(b, text.length() - from + 1);
        BasedSequence stretch = BasedSequence.of(text).subSequence(from, to);

        assertThat(MarkdownTree.unescape(stretch)).isEqualTo(stretch.unescape());
    }

    @Provide
    Arbitrary<String> escapes() {
        return Arbitraries.of("a", "\\", "&", "&amp;", "&#x4E2D;", "\\*", "\0", "中", ";", "#").list().ofMaxSize(12)
                .map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<String> withNul() {
        return Arbitraries.strings().withChars('a', '\0', '中', '\n', '`').ofMaxLength(40);
    }
}

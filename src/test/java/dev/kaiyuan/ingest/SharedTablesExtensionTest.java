package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One table pre-processor per parser reads every document's tables as one per document did, with
 * the reader's own options, extensions and inline parser (reference definitions are read first).
 */
class SharedTablesExtensionTest {
    private static final List<String> DOCUMENTS = List.of(
            "| 模型 | 参数 |\n| --- | ---: |\n| gpt-oss-120b | 117B |\n| Qwen3 | 235B |\n",
            "Text first.\n\n|a|b|c|\n|:-|:-:|-:|\n|1|2|3|\n|4|5\n\n[Caption]\n",
            "[r]: https://example.org/ref\n| x | y |\n|---|---|\n| [r] `code` | ~~gone~~ www.example.org |\n\nafter [r]\n",
            "> | quoted | table |\n> |---|---|\n> | 1 | 2 |\n\n- item\n\n  | in | list |\n  |----|------|\n  | a | b |\n",
            "no table | here\n\n- | a\n- | b\n",
            "|a|b|\n|--|--|\n|1|2|3|\n\nA footnote[^1].\n\n[^1]: | not | a table |\n");

    /** The reader's options with {@code tables} in place of the extension it has. */
    private static MutableDataSet options(Extension tables) {
        MutableDataSet options = MarkdownReader.options();
        List<Extension> extensions = new ArrayList<>();
        for (Extension e : Parser.EXTENSIONS.get(options)) {
            extensions.add(e instanceof TablesExtension ? tables : e);
        }
        return options.set(Parser.EXTENSIONS, extensions);
    }

    private static String html(Parser parser, String markdown) {
        return HtmlRenderer.builder(options(new TablesExtension())).build().render(parser.parse(markdown));
    }

    @Test
    void everyDocumentOnEveryThreadReadsAsWithAPreProcessorOfItsOwn() {
        Parser own = StringMatchingInlineParser.parser(options(new TablesExtension()));
        Parser shared = StringMatchingInlineParser.parser(options(new SharedTablesExtension()));
        List<String> expected = DOCUMENTS.stream().map(d -> html(own, d)).toList();
        assertThat(expected.get(0)).contains("<table>", "<td align=\"right\">117B</td>");
        assertThat(expected.get(2)).contains("<table>", "href=\"https://example.org/ref\"", "<del>gone</del>");

        List<String> read = IntStream.range(0, 600).parallel()
                .mapToObj(i -> html(shared, DOCUMENTS.get(i % DOCUMENTS.size()))).toList();

        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).isEqualTo(expected.get(i % DOCUMENTS.size()));
        }
    }
}

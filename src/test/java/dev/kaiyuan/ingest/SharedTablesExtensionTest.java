package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One table pre-processor per parser reads every document's tables as one per document did. */
class SharedTablesExtensionTest {
    private static final List<String> DOCUMENTS = List.of(
            "| 模型 | 参数 |\n| --- | ---: |\n| gpt-oss-120b | 117B |\n| Qwen3 | 235B |\n",
            "Text first.\n\n|a|b|c|\n|:-|:-:|-:|\n|1|2|3|\n|4|5\n\n[Caption]\n",
            "| x |\n|---|\n| [link](https://example.org/) `code` |\n\nafter\n",
            "no table | here\n\n- | a\n- | b\n",
            "|a|b|\n|--|--|\n|1|2|3|\n");

    private static String html(Parser parser, String markdown) {
        return HtmlRenderer.builder(options(new TablesExtension())).build().render(parser.parse(markdown));
    }

    private static MutableDataSet options(Extension tables) {
        return new MutableDataSet().set(Parser.EXTENSIONS, List.of(tables));
    }

    @Test
    void everyDocumentOnEveryThreadReadsAsWithAPreProcessorOfItsOwn() {
        Parser own = Parser.builder(options(new TablesExtension())).build();
        Parser shared = Parser.builder(options(new SharedTablesExtension())).build();
        List<String> expected = DOCUMENTS.stream().map(d -> html(own, d)).toList();
        assertThat(expected.get(0)).contains("<table>", "<td align=\"right\">117B</td>");

        List<String> read = IntStream.range(0, 400).parallel()
                .mapToObj(i -> html(shared, DOCUMENTS.get(i % DOCUMENTS.size()))).toList();

        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).isEqualTo(expected.get(i % DOCUMENTS.size()));
        }
    }
}

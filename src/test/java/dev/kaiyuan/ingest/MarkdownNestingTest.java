package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.ArticleBody;
import dev.kaiyuan.model.SourceFile;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Quotes and lists nest by the indentation and markers before a line's text; a prefix wider than
 * {@link MarkdownReader#MAX_PREFIX_COLUMNS} columns is an error at that line, before flexmark,
 * whose time per line grows with the containers open times the prefix.
 */
class MarkdownNestingTest {
    private static String nestedLists(int depth) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            body.append("  ".repeat(i)).append("- item\n");
        }
        return body.toString();
    }

    @Test
    void ahundredNestedListsAndOrdinaryTextPass() {
        assertThat(MarkdownReader.tooDeepLine(nestedLists(100))).isEmpty();
        assertThat(MarkdownReader.tooDeepLine("Text\n\n> > quote\n\n1. one\n   - two\n\n    code\n")).isEmpty();
        // digits, dashes and asterisks that are not list markers end the prefix
        assertThat(MarkdownReader.tooDeepLine("1".repeat(500) + "\n" + "-".repeat(500) + "\n" + "*".repeat(500))).isEmpty();
        assertThat(MarkdownReader.tooDeepLine(" ".repeat(200) + "code\n")).isEmpty();
    }

    @Test
    void theLineAndColumnWhereThePrefixPassesTheLimit() {
        assertThat(MarkdownReader.tooDeepLine(nestedLists(102))).contains(new MarkdownReader.BodyPlace(100, 201));
        assertThat(MarkdownReader.tooDeepLine("text\n" + "> ".repeat(101) + "deep\n"))
                .contains(new MarkdownReader.BodyPlace(1, 201));
        assertThat(MarkdownReader.tooDeepLine("1. ".repeat(67) + "x\n")).contains(new MarkdownReader.BodyPlace(0, 201));
        // a tab counts to the next multiple of four columns
        assertThat(MarkdownReader.tooDeepLine("\t".repeat(50) + " x")).contains(new MarkdownReader.BodyPlace(0, 51));
    }

    @Test
    void anArticleNestedTooDeeplyIsAnErrorAtItsLine() {
        String text = "---\ntitle: Deep\ndate: 2025-08-20\n---\nIntro.\n\n" + nestedLists(150);
        DiagnosticSink sink = new DiagnosticSink();
        Optional<?> article = new ArticleReader(ZoneOffset.UTC, ArticleBody.Packing.PLAIN).read(
                new SourceFile("seeds/deep.md", text.getBytes(StandardCharsets.UTF_8)), Optional.empty(), sink);
        assertThat(article).isEmpty();
        assertThat(sink.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("markdown.nesting");
            assertThat(d.format()).startsWith("seeds/deep.md:107:201: error: Markdown: nested too deeply");
        });
    }
}

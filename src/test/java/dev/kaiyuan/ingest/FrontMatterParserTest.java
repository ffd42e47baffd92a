package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterParserTest {
    private final FrontMatterParser parser = new FrontMatterParser(ZoneId.of("Asia/Shanghai"));

    private FrontMatter parse(String yaml, DiagnosticSink sink) {
        return parser.parse(yaml, "seeds/x.md", 2, sink);
    }

    @Test
    void readsEveryDocumentedKey() {
        DiagnosticSink sink = new DiagnosticSink();
        FrontMatter fm = parse("""
                title: DeepSeek-R1 開源
                date: 2025-01-20
                slug: deepseek-r1
                tags: [DeepSeek, 开源]
                source: {name: DeepSeek, url: "https://api-docs.deepseek.com/news/news250120"}
                author: 编辑部
                lang: zh-CN
                summary: 推理模型以 MIT 许可发布。
                draft: false
                """, sink);
        assertThat(sink.sorted()).isEmpty();
        assertThat(fm.title()).contains("DeepSeek-R1 開源");
        assertThat(fm.date()).contains(LocalDate.of(2025, 1, 20));
        assertThat(fm.tags()).contains(List.of("DeepSeek", "开源"));
        assertThat(fm.sourceUrl()).contains("https://api-docs.deepseek.com/news/news250120");
        assertThat(fm.lang()).contains("zh-Hans");
        assertThat(fm.draft()).contains(false);
    }

    @Test
    void syntaxErrorPointsAtFileLineAndColumn() {
        DiagnosticSink sink = new DiagnosticSink();
        parse("title: \"unclosed\ndate: 2025-01-01\n", sink);
        assertThat(sink.sorted()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("frontmatter.syntax");
            assertThat(d.where().path()).isEqualTo("seeds/x.md");
            assertThat(d.where().line()).isGreaterThanOrEqualTo(2);
            assertThat(d.format()).matches("(?s)seeds/x\\.md:\\d+:\\d+: error: front matter: .*");
        });
    }

    @Test
    void badValuesAreLocatedAndTheRestIsStillRead() {
        DiagnosticSink sink = new DiagnosticSink();
        FrontMatter fm = parse("""
                title: Fine
                date: 21/08/2025
                draft: maybe
                source: {name: X, url: "javascript:alert(1)"}
                titel: typo
                """, sink);
        assertThat(fm.title()).contains("Fine");
        assertThat(sink.sorted()).extracting(d -> d.where().line() + ":" + d.where().column() + " " + d.severity())
                .containsExactly("3:7 ERROR", "4:8 ERROR", "5:24 ERROR", "6:1 WARNING");
        assertThat(sink.sorted().get(3).hint()).contains("did you mean 'title'");
        assertThat(fm.sourceUrl()).isEmpty();
    }

    @Test
    void listOrScalarWhereTextIsExpectedIsAnError() {
        DiagnosticSink sink = new DiagnosticSink();
        parse("title: [a, b]\n", sink);
        assertThat(sink.sorted()).extracting(Diagnostic::title).containsExactly("front matter: 'title' must be text");
    }

    @Test
    void dateTimesAreTakenInTheSiteZone() {
        assertThat(FrontMatterParser.parseDate("2025-08-20T20:00:00Z", ZoneId.of("Asia/Shanghai")))
                .contains(LocalDate.of(2025, 8, 21));
        assertThat(FrontMatterParser.parseDate("2025-08-21 09:30", ZoneId.of("UTC"))).contains(LocalDate.of(2025, 8, 21));
        assertThat(FrontMatterParser.parseDate("yesterday", ZoneId.of("UTC"))).isEmpty();
    }

    @Test
    void splitFindsFenceAndBodyLines() {
        var block = FrontMatterBlock.split("---\ntitle: a\n---\nbody\n").orElseThrow();
        assertThat(block.yaml()).contains("title: a\n");
        assertThat(block.bodyFirstLine()).isEqualTo(4);
        assertThat(block.body()).isEqualTo("body\n");
        assertThat(FrontMatterBlock.split("---\ntitle: a\nbody")).isEmpty();
        assertThat(FrontMatterBlock.split("no front matter").orElseThrow().yaml()).isEmpty();
    }

    @Test
    void hugeFrontMatterIsRejected() {
        DiagnosticSink sink = new DiagnosticSink();
        parse("title: " + "x".repeat(70_000), sink);
        assertThat(sink.sorted()).extracting(Diagnostic::code).containsExactly("frontmatter.size");
    }
}

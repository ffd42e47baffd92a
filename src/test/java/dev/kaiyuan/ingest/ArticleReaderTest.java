package dev.kaiyuan.ingest;

import dev.kaiyuan.model.ArticleBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SourceFile;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ArticleReaderTest {
    private final ArticleReader reader = new ArticleReader(ZoneId.of("Asia/Shanghai"), ArticleBody.Packing.PLAIN);
    private final DiagnosticSink sink = new DiagnosticSink();

    private Optional<Article> read(String path, String text, String sidecar) {
        Optional<SourceFile> side = sidecar == null ? Optional.empty()
                : Optional.of(new SourceFile(path.replaceAll("\\.\\w+$", ".meta.yaml"), utf8(sidecar)));
        return reader.read(new SourceFile(path, utf8(text)), side, sink);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sidecarOverridesWhatTheTextSays() {
        Article a = read("seeds/000_2ce86e36bd807f4f.txt", SeedFixture.text(), """
                title: 編輯的標題
                date: 2025-08-21
                date_inferred: true
                author: 編輯部
                """).orElseThrow();
        assertThat(a.title()).isEqualTo("編輯的標題");
        assertThat(a.titleDerived()).isFalse();
        assertThat(a.author()).contains("編輯部");
        assertThat(a.source().orElseThrow().name()).isEqualTo("觀察者網");
        assertThat(a.date().orElseThrow().day()).isEqualTo(LocalDate.of(2025, 8, 21));
        assertThat(a.date().orElseThrow().inferred()).isTrue();
        assertThat(sink.sorted()).extracting(Diagnostic::code).containsOnly("damage");
    }

    @Test
    void rawTextMayCarryItsOwnFrontMatterAndPositionsStayTrue() {
        Article a = read("seeds/a.txt", "---\ntitle: 標題\ndate: 2025-08-05\n---\n文/新華社 王小明\n正文第一段。\n正文?!?/p>第二段。\n",
                null).orElseThrow();
        assertThat(a.title()).isEqualTo("標題");
        assertThat(a.author()).contains("王小明");
        assertThat(sink.sorted()).singleElement().satisfies(d -> assertThat(d.where().toString()).isEqualTo("seeds/a.txt:7:3"));
    }

    @Test
    void markdownWithoutFrontMatterTakesTitleFromItsHeading() {
        Article a = read("seeds/b.md", "# OpenAI releases gpt-oss\n\nThe models are *open weight*.\n", null).orElseThrow();
        assertThat(a.title()).isEqualTo("OpenAI releases gpt-oss");
        assertThat(a.titleDerived()).isFalse();
        assertThat(a.lang()).isEqualTo("en");
        assertThat(a.bodyHtml()).doesNotContain("<h1");
        assertThat(a.slug()).isEqualTo("b");
    }

    @Test
    void aTableRowsCellsKeepASpaceBetweenThemInTheText() {
        Article a = read("seeds/t.md", """
                # Scores

                | Model | Parameters | License |
                | --- | ---: | --- |
                | Llama 3.1 | 72B | Llama 3.1 Community |
                | 通义千问 | 32B | 开源 |
                """, null).orElseThrow();
        // HTML has nothing between cells: the text read "Llama 3.172B", where no model could be found
        assertThat(a.text()).contains("Model Parameters License", "Llama 3.1 72B Llama 3.1 Community",
                "通义千问 32B 开源");
        assertThat(a.bodyHtml()).contains("<td>Llama 3.1</td>");
    }

    @Test
    void aMinifiedPagesBlocksEachStartALineOfTheText() {
        Article a = read("seeds/min.html", "<html><head><title>Models</title></head><body><article><h1>Models</h1>"
                + "<p>The model came from Meta</p><p>OpenAI said it would answer.</p><ul><li>first</li><li>second</li>"
                + "</ul><p>A <del>closed</del> open model.</p></article></body></html>", null).orElseThrow();
        // run together, "MetaOpenAI" was no name on its word boundaries, and one paragraph of the enrichment
        assertThat(a.text()).contains("came from Meta\nOpenAI said", "answer.\nfirst\nsecond\nA closed open model.");
    }

    @Test
    void unclosedFrontMatterIsAnErrorAtLineOne() {
        assertThat(read("seeds/c.md", "---\ntitle: x\n\nbody", null)).isEmpty();
        assertThat(sink.sorted()).singleElement().satisfies(d -> {
            assertThat(d.format()).startsWith("seeds/c.md:1:1: error: front matter: no closing '---'");
        });
    }

    @Test
    void emptyArticleIsAnError() {
        assertThat(read("seeds/d.md", "---\ntitle: x\n---\n\n", null)).isEmpty();
        assertThat(sink.sorted()).extracting(Diagnostic::code).containsExactly("article.empty");
    }

    @Test
    void markdownTheParserFailsOnIsAnErrorOfThatArticle() {
        // flexmark 0.64 throws StringIndexOutOfBoundsException on this body
        String body = "[r]: <a b> \"t &notin;\"\n\n| \n\t \tword  | b |\n|:---|--:|\n| [  |  |\n| x | y | z |\n";
        assertThat(read("seeds/f.md", "---\ntitle: x\ndate: 2025-01-01\n---\n" + body, null)).isEmpty();
        assertThat(sink.sorted()).singleElement().satisfies(d -> {
            assertThat(d.format()).startsWith("seeds/f.md:5:1: error: Markdown: the parser failed on this body");
            assertThat(d.format()).contains("StringIndexOutOfBoundsException");
        });
    }

    @Test
    void frontMatterErrorAndSidecarErrorAreBothReported() {
        assertThat(read("seeds/e.txt", "---\ntitle: [\n---\n正文。\n", "date: not a date\n")).isEmpty();
        assertThat(sink.sorted()).extracting(d -> d.where().path())
                .containsExactlyInAnyOrder("seeds/e.meta.yaml", "seeds/e.txt");
    }

    @Test
    void markdownFeaturesRender() {
        Article a = read("seeds/f.md", """
                ---
                title: Features
                ---
                ## A heading

                | model | params |
                |---|---|
                | gpt-oss-120b | 117B |

                ~~closed~~ open, see https://openai.com/ and a note[^1].

                ![Sam Altman](https://example.org/a.jpg "OpenAI CEO Sam Altman")

                中文第一行
                中文第二行

                [^1]: The footnote.
                """, null).orElseThrow();
        Document doc = Jsoup.parseBodyFragment(a.bodyHtml());
        assertThat(doc.select("h2#a-heading")).hasSize(1);
        assertThat(doc.select("table td").eachText()).contains("gpt-oss-120b", "117B");
        assertThat(doc.select("del").text()).isEqualTo("closed");
        assertThat(doc.select("a[href=https://openai.com/]")).hasSize(1);
        assertThat(doc.select(".footnotes li")).hasSize(1);
        assertThat(doc.select("figure > figcaption").text()).isEqualTo("OpenAI CEO Sam Altman");
        assertThat(a.captions()).extracting(c -> c.text()).containsExactly("OpenAI CEO Sam Altman");
        assertThat(a.bodyHtml()).contains("中文第一行中文第二行");
    }

    @Test
    void anImageAloneInAParagraphIsAFigureInThePlainestBody() {
        // no footnote, table or Chinese line break here: the body is built and cleaned without being
        // written out again, so the figure must reach the markup the reader already has
        Article a = read("seeds/figure.md", """
                ---
                title: Figures
                date: 2025-08-05
                ---
                Some text about models.

                ![A chart of scores](https://example.com/chart.png "Scores by model")

                ![](https://example.com/bare.png)
                """, null).orElseThrow();
        Document doc = Jsoup.parseBodyFragment(a.bodyHtml());
        assertThat(doc.select("figure > img[src=https://example.com/chart.png] + figcaption").text())
                .isEqualTo("Scores by model");
        assertThat(doc.select("figure > img[src=https://example.com/bare.png]")).hasSize(1);
        assertThat(doc.select("p > img")).isEmpty();
        assertThat(a.captions()).extracting(c -> c.text()).containsExactly("Scores by model");
    }

    @Test
    void bareUrlsAddressesAndWwwNamesBecomeLinksButLinkDestinationsAloneDoNot() {
        String withBare = read("seeds/bare.md", """
                ---
                title: Links
                ---
                See https://example.org/a, www.example.com and news@example.org.

                A [link](https://example.org/b) and `https://example.org/code`.
                """, null).orElseThrow().bodyHtml();
        assertThat(withBare).contains("<a href=\"https://example.org/a\">https://example.org/a</a>")
                .contains("<a href=\"http://www.example.com\">www.example.com</a>")
                .contains("<a href=\"mailto:news@example.org\">news@example.org</a>")
                .contains("<code>https://example.org/code</code>");
        String destinationsOnly = read("seeds/plain.md", """
                ---
                title: Links
                ---
                A [link](https://example.org/b), an ![image](https://example.org/i.png) and 开源。
                """, null).orElseThrow().bodyHtml();
        assertThat(destinationsOnly).contains("<a href=\"https://example.org/b\">link</a>")
                .doesNotContain("<a href=\"https://example.org/i.png\"");
        assertThat(MarkdownReader.mayAutolink("plain text, 开源：模型")).isFalse();
        assertThat(MarkdownReader.mayAutolink("WWW.EXAMPLE.COM")).isTrue();
        assertThat(MarkdownReader.mayAutolink("w, ww w.W, Ww")).isFalse();
        assertThat(MarkdownReader.mayAutolink("w ww ends in wWw")).isTrue();
        assertThat(MarkdownReader.mayAutolink("W ww Www.example")).isTrue();
    }

    @Test
    void aRemovedCommentOrTagNeitherKeepsASoftBreakNorSplitsPunctuationRules() {
        String md = read("seeds/joined.md", "---\ntitle: 合并\n---\n中文<!-- c -->\n中文<font>字</font>\n中文\n", null)
                .orElseThrow().bodyHtml();
        assertThat(md).contains("中文中文字中文").doesNotContain("\n中文");
        String html = read("seeds/page.html", "<html><head><title>標題</title></head><body><article><h1>標題</h1>"
                + "<p>中文<!-- c -->,中文 and 模型<font>,</font>发布</p></article></body></html>", null)
                .orElseThrow().bodyHtml();
        assertThat(html).contains("中文，中文").contains("模型，发布");
    }
}

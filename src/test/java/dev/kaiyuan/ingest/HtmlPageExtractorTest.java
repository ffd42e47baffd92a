package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlPageExtractorTest {

    private final HtmlPageExtractor extractor = new HtmlPageExtractor();

    private static String fixture(String name) {
        String resource = "/html-pages/" + name;
        try (InputStream in = HtmlPageExtractorTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExtractedPage extractFixture(String name) {
        return extractor.extract(fixture(name), "html-pages/" + name);
    }

    private ExtractedPage extract(String html) {
        return extractor.extract(html, "inline.html");
    }

    /** The visible text of the extracted fragment, for assertions that ignore markup. */
    private static String mainText(ExtractedPage page) {
        return Jsoup.parseBodyFragment(page.mainHtml()).text();
    }

    @Nested
    class ChineseNewsPage {

        private final ExtractedPage page = extractFixture("netease-open-weights.html");

        @Test
        void readsMetadata() {
            assertThat(page.title()).contains("澄川智能发布开源权重模型“青岚-72B”，推理成本降低四成");
            assertThat(page.dateText()).contains("2025-03-05 10:32:18");
            assertThat(page.date()).contains(LocalDate.of(2025, 3, 5));
            assertThat(page.author()).contains("林晓舟");
            assertThat(page.siteName()).contains("网易新闻");
            assertThat(page.lang()).contains("zh-CN");
            assertThat(page.description()).hasValueSatisfying(d -> assertThat(d).startsWith("澄川智能以宽松许可证"));
            assertThat(page.canonicalUrl()).contains("https://www.163.com/dy/article/JQ7A2B3C0511ABCD.html");
            assertThat(page.keywords()).containsExactly("青岚-72B", "开源模型", "大模型", "澄川智能");
        }

        @Test
        void keepsEveryArticleParagraphInOrder() {
            String text = mainText(page);
            List<String> openings = List.of("3月5日，国内人工智能公司澄川智能", "据澄川智能介绍，青岚-72B采用稠密架构",
                    "在公司公布的评测结果中", "澄川智能首席科学家周砚秋", "业内人士认为，随着越来越多的厂商",
                    "值得注意的是，青岚-72B的许可证", "截至发稿时，青岚-72B的权重");
            assertThat(text).containsSubsequence(openings);
            assertThat(page.mainHtml()).startsWith("<p>3月5日");
        }

        @Test
        void keepsTheFigureWithItsCaption() {
            assertThat(page.mainHtml()).contains("<figure>", "qinglan-72b-benchmark.png", "</figcaption>");
            assertThat(page.captions()).containsExactly(
                    "青岚-72B与同规模开源模型在常见基准上的得分对比（图片来源：澄川智能技术报告）");
        }

        @Test
        void dropsPageFurniture() {
            String html = page.mainHtml();
            assertThat(html).doesNotContain(
                    "网易首页", "邮箱大师", "网易严选", "科技频道", // nav and breadcrumb
                    "相关阅读", "百万卡集群", "相关推荐", "开源视频生成模型", // related lists
                    "热门跟帖", "回去就下载试试", "网易网友", // comments
                    "分享到", "新浪微博", "复制链接", // share buttons
                    "NTES_ARTICLE", "trackPageView", "<script", "正文结束", // script and HTML comment
                    "pixel.gif", "analytics.163.com", // tracking pixel
                    "热点排行", "春季新机", "网易公司版权所有", // sidebar and footer
                    "责任编辑", "post_title"); // text outside the article body
        }
    }

    @Nested
    class EnglishBlogPage {

        private final ExtractedPage page = extractFixture("blog-open-weights.html");

        @Test
        void prefersOpenGraphAndSkipsUnusableValues() {
            assertThat(page.title()).contains("Why Open Weights Matter for Small Labs");
            assertThat(page.siteName()).contains("Lattice Notes");
            assertThat(page.lang()).contains("en");
            assertThat(page.description()).hasValueSatisfying(d -> assertThat(d).startsWith("Open weights change"));
            // article:author is a URL, so the rel=author byline wins
            assertThat(page.author()).contains("Mara Okafor");
            // the rel=canonical link is relative, so og:url is used
            assertThat(page.canonicalUrl()).contains("https://notes.example.org/2025/02/open-weights-small-labs/");
            // "open weights" from article:tag repeats "Open Weights" from the keywords
            assertThat(page.keywords()).containsExactly("Open Weights", "licensing", "fine-tuning", "evaluation");
        }

        @Test
        void keepsTheDayAsWrittenInTheOffset() {
            assertThat(page.dateText()).contains("2025-02-14T09:30:00-08:00");
            assertThat(page.date()).contains(LocalDate.of(2025, 2, 14));
        }

        @Test
        void keepsTheArticleBlocks() {
            String html = page.mainHtml();
            assertThat(html).startsWith("<p>When a lab publishes the weights");
            assertThat(html).contains("<h2>Licences are the real bottleneck</h2>",
                    "<blockquote><p>The weights are the easy part.", "<li>Build a held-out set",
                    "<pre><code>python finetune.py", "finetune-cost.png",
                    "the difference between doing the research and only reading about it.</p>");
            assertThat(page.captions()).containsExactly(
                    "Fine-tuning cost per run, by model size, on a single eight-GPU node.");
        }

        @Test
        void dropsHeaderBylineShareCommentsSidebarAndFooter() {
            assertThat(page.mainHtml()).doesNotContain("<h1", "Mara Okafor", "February 14",
                    "Share on", "3 Comments", "undersells", "Recent posts", "Tokenizers, briefly",
                    "Filed under", "Powered by", "Archive", "beacon.gif", "ld+json");
        }

        @Test
        void keepsTheInnerMarkupAsWritten() {
            assertThat(page.mainHtml()).contains(
                    "<img src=\"/images/finetune-cost.png\" alt=\"Fine-tuning cost by model size\">");
        }
    }

    @Nested
    class LooseParagraphPage {

        private final ExtractedPage page = extractFixture("loose-paragraphs.html");

        @Test
        void fallsBackToTheDocumentTitleWithoutTheSiteSuffix() {
            assertThat(page.title()).contains("Notes on tokenizer drift");
        }

        @Test
        void keepsTheBodyParagraphs() {
            assertThat(Jsoup.parseBodyFragment(page.mainHtml()).select("p")).hasSize(4);
            assertThat(mainText(page)).startsWith("Tokenizer drift happens").endsWith("ordinary web text.");
        }

        @Test
        void leavesMissingMetadataEmpty() {
            assertThat(List.of(page.dateText(), page.author(), page.siteName(), page.lang(),
                    page.description(), page.canonicalUrl())).allMatch(Optional::isEmpty);
            assertThat(page.date()).isEmpty();
            assertThat(page.keywords()).isEmpty();
            assertThat(page.captions()).isEmpty();
        }
    }

    @Nested
    class BrokenInput {

        @ParameterizedTest
        @ValueSource(strings = {"", "   \n\t ", "<html></html>", "<!-- only a comment -->",
                "<html><head><title> </title></head><body></body></html>"})
        void emptyPagesGiveEmptyFields(String html) {
            ExtractedPage page = extract(html);
            assertThat(page).isEqualTo(new ExtractedPage(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), List.of(), "", List.of()));
        }

        @Test
        void garbageFixtureDoesNotThrow() {
            assertThatCode(() -> extractFixture("garbage.html")).doesNotThrowAnyException();
            assertThat(extractFixture("garbage.html").mainHtml()).doesNotContain("<script");
        }

        @Test
        void controlCharactersAndUnpairedSurrogatesDoNotThrow() {
            String html = "<p>\u0000\u0001\uD800 text, with \uDFFF oddities and a long enough tail</p>"
                    + "<meta name=date content='\u0000'><title>\uD800 - \uDC00</title>";
            assertThatCode(() -> extract(html)).doesNotThrowAnyException();
        }

        @Test
        void randomTagSoupDoesNotThrow() {
            Random random = new Random(42);
            String[] pieces = {"<div class=comment>", "<p>", "</div>", "<article>", "text, more，",
                    "<td>", "<table>", "<img width=1 src=x>", "<h1>", "</p>", "<!--", "-->", "<a href=#>",
                    "<figure><figcaption>", "<meta name=date content=2025-13-40>", "<time>", "<div>", "'\"<",
                    "<header>", "<form>", "中文段落，", "<select><option>", "&amp;", "&#0;", "<svg><p>"};
            for (int round = 0; round < 300; round++) {
                StringBuilder html = new StringBuilder();
                IntStream.range(0, random.nextInt(200)).forEach(i -> html.append(pieces[random.nextInt(pieces.length)]));
                assertThatCode(() -> extract(html.toString())).as(html.toString()).doesNotThrowAnyException();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"plain", "comment-wrap"})
        void deepNestingStaysFastAndDoesNotOverflowTheStack(String className) {
            String open = "<div class=\"" + className + "\"><span>";
            String close = "</span></div>";
            String html = open.repeat(20_000) + "<p>" + "深层嵌套的段落，".repeat(20) + "</p>" + close.repeat(20_000);
            ExtractedPage page = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> extract(html));
            assertThat(page.mainHtml()).contains("深层嵌套的段落");
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "2025-03-05                  | 2025-03-05",
                "2025-03-05T23:30:00Z        | 2025-03-05",
                "2025-03-05T23:30:00+08:00   | 2025-03-05",
                "2025-03-05T23:30:00.123-05:00[America/New_York] | 2025-03-05",
                "2025-03-05T10:00:00+0800    | 2025-03-05",
                "2025-03-05 10:32:18         | 2025-03-05",
                "2025-03-05 10:32            | 2025-03-05",
                "2025年3月5日                | 2025-03-05",
                "2025年03月05日 08:15         | 2025-03-05",
                "2025/03/05                  | 2025-03-05",
                "2025/3/5 8:15:00            | 2025-03-05"})
        void parsesCommonFormats(String text, LocalDate expected) {
            ExtractedPage page = extract("<meta name=\"pubdate\" content=\"" + text + "\">");
            assertThat(page.dateText()).contains(text);
            assertThat(page.date()).contains(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"yesterday", "2025-02-30", "3 March 2025", "2025-03-05 25:00:00"})
        void keepsUnparseableTextWithoutADate(String text) {
            ExtractedPage page = extract("<meta name=\"date\" content=\"" + text + "\">");
            assertThat(page.dateText()).contains(text);
            assertThat(page.date()).isEmpty();
        }

        @Test
        void prefersPublishedTimeOverOtherSources() {
            ExtractedPage page = extract("<meta name=date content=2024-01-01>"
                    + "<meta itemprop=datePublished content=2024-02-02>"
                    + "<meta property=article:published_time content=2024-03-03>"
                    + "<time datetime=2024-04-04>April</time>");
            assertThat(page.date()).contains(LocalDate.of(2024, 3, 3));
        }

        @Test
        void usesTheTimeTextWhenItHasNoDatetime() {
            ExtractedPage page = extract("<p>Posted <time>2024年12月31日</time></p><time datetime=2020-01-01>x</time>");
            assertThat(page.dateText()).contains("2024年12月31日");
            assertThat(page.date()).contains(LocalDate.of(2024, 12, 31));
        }
    }

    @Nested
    class Titles {

        @ParameterizedTest
        @CsvSource(delimiterString = "=>", value = {
                "开源模型的下一步_网易订阅 => 开源模型的下一步",
                "A long headline about model cards - Blog => A long headline about model cards",
                "A long headline about model cards – Blog => A long headline about model cards",
                "A long story | part two | Example News => A long story | part two",
                "Using snake_case names in configs => Using snake_case names in configs",
                "2025 - the year of open weights => 2025 - the year of open weights",
                "Model notes | A tagline long enough to be part of the title => "
                        + "Model notes | A tagline long enough to be part of the title"})
        void stripsShortSiteSuffixes(String documentTitle, String expected) {
            assertThat(extract("<title>" + documentTitle + "</title>").title()).contains(expected);
        }

        @Test
        void stripsALongSuffixWhenItIsTheSiteName() {
            String head = "<title>Agents in production | The Quarterly Review of Machine Learning</title>"
                    + "<meta property=og:site_name content='The Quarterly Review of Machine Learning'>";
            assertThat(extract(head).title()).contains("Agents in production");
        }

        @Test
        void prefersTwitterTitleOverHeading() {
            assertThat(extract("<meta name=twitter:title content='From Twitter'><h1>Heading</h1>").title())
                    .contains("From Twitter");
        }

        @Test
        void usesTheHeadingAndDropsItFromTheBody() {
            String html = "<title>Ignored - Site</title><div><h1>Real headline</h1>"
                    + "<p>First paragraph of the story, long enough to count.</p>"
                    + "<h1>A second-level section marked up as h1</h1>"
                    + "<p>Second paragraph, also long enough to count, really.</p></div>";
            ExtractedPage page = extract(html);
            assertThat(page.title()).contains("Real headline");
            assertThat(page.mainHtml()).doesNotContain("Real headline")
                    .contains("<h1>A second-level section marked up as h1</h1>");
        }
    }

    @Nested
    class Content {

        private static final String PARAGRAPH =
                "<p>This paragraph talks about weights, licences, evaluation, and costs at length.</p>";

        @Test
        void prefersArticleBodyWhenItHoldsTheText() {
            String html = "<div id=page><div itemprop=articleBody><div class=lead>" + PARAGRAPH.repeat(3)
                    + "</div><div class=more>" + PARAGRAPH + "</div></div>"
                    + "<div class=elsewhere><p>Unrelated text outside the article body, long enough.</p></div></div>";
            Element body = Jsoup.parseBodyFragment(extract(html).mainHtml()).body();
            assertThat(body.select("p")).hasSize(4);
            assertThat(body.text()).doesNotContain("Unrelated");
        }

        @Test
        void ignoresAnArticleCardThatHoldsLittleOfTheText() {
            String html = "<article><p>A teaser card with only one sentence in it, nothing more.</p></article>"
                    + "<div class=story>" + PARAGRAPH.repeat(6) + "</div>";
            assertThat(mainText(extract(html))).doesNotContain("teaser card")
                    .contains("This paragraph talks about weights");
        }

        @Test
        void linkListsLoseToProse() {
            String links = "<div class=list>" + "<p><a href=/x>A link that is long enough to be a paragraph, too</a></p>".repeat(8)
                    + "</div>";
            ExtractedPage page = extract(links + "<div class=story>" + PARAGRAPH.repeat(4) + "</div>");
            assertThat(page.mainHtml()).doesNotContain("<a href").contains("This paragraph talks about weights");
        }

        @Test
        void turnsTextOnlyDivsIntoParagraphs() {
            String html = "<div class=article-text><div>第一段文字，讲述开源模型的发布过程，以及社区的反应、讨论和后续计划。</div>"
                    + "<div>第二段文字，<b>介绍</b>许可证条款，以及企业在商用之前需要注意的事项和风险。</div></div>";
            assertThat(extract(html).mainHtml()).isEqualTo(
                    "<p>第一段文字，讲述开源模型的发布过程，以及社区的反应、讨论和后续计划。</p>\n"
                            + "<p>第二段文字，<b>介绍</b>许可证条款，以及企业在商用之前需要注意的事项和风险。</p>");
        }

        @Test
        void keepsContentSplitAcrossSiblingBlocks() {
            String html = "<div class=story><div class=part>" + PARAGRAPH.repeat(2) + "</div>"
                    + "<div class=part>" + PARAGRAPH.repeat(2) + "</div></div>";
            assertThat(Jsoup.parseBodyFragment(extract(html).mainHtml()).select("p")).hasSize(4);
        }

        @Test
        void keepsNestedBlocksOnceAndDropsEmptyOnes() {
            String html = "<div>" + PARAGRAPH.repeat(2) + "<blockquote><p>Quoted, with a comma.</p></blockquote>"
                    + "<p> </p><ul></ul><figure><img></figure><img src=/a.png></div>";
            String main = extract(html).mainHtml();
            assertThat(main.split("\n")).hasSize(4);
            assertThat(main).containsOnlyOnce("Quoted").endsWith("<img src=\"/a.png\">");
        }

        @Test
        void keepsAWrapperWhoseClassLooksLikeFurnitureButHoldsThePage() {
            String html = "<div class=with-sidebar><div class=post>" + PARAGRAPH.repeat(4)
                    + "</div></div><div class=sidebar><p>Sidebar text</p></div>";
            ExtractedPage page = extract(html);
            assertThat(mainText(page)).contains("This paragraph talks about weights").doesNotContain("Sidebar");
        }

        @Test
        void adMatchesOnlyAsAWord() {
            String html = "<div class=thread-heads>" + PARAGRAPH.repeat(3)
                    + "<div class=ad-slot><p>Buy the new thing today, limited offer, act now please.</p></div></div>";
            assertThat(mainText(extract(html))).contains("This paragraph").doesNotContain("Buy the new thing");
        }

        @Test
        void canonicalMustBeHttp() {
            String html = "<link rel=canonical href='javascript:alert(1)'><meta property=og:url content='ftp://x/y'>";
            assertThat(extract(html).canonicalUrl()).isEmpty();
        }
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<String> names = List.of("netease-open-weights.html", "blog-open-weights.html", "loose-paragraphs.html");
        List<ExtractedPage> expected = names.stream().map(this::extractFixture).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ExtractedPage>> results = IntStream.range(0, 24)
                    .mapToObj(i -> pool.submit(() -> extractFixture(names.get(i % 3))))
                    .toList();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % 3));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

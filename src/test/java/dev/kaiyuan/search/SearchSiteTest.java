package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.build.Build;
import dev.kaiyuan.build.BuildRequest;
import dev.kaiyuan.build.BuildResult;
import dev.kaiyuan.build.RepositoryProject;
import dev.kaiyuan.build.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real seed and knowledge base, built into a site, then searched: from Java, by reading the
 * generated {@code search/index.js} and querying it as the browser script does ({@link IndexJs});
 * and with the browser script itself, {@code templates/assets/search.js}, run in Node (skipped
 * when there is no {@code node}). The same queries must find the same article both ways.
 */
class SearchSiteTest {
    private static final String ARTICLE = "articles/guancha-china-open-models-economist/index.html";
    /**
     * The article's name for itself (Simplified and Traditional), its lab in both scripts and in
     * English, a model family, and a word ICU keeps whole that the index holds only as bigrams.
     */
    static final List<String> QUERIES = List.of("深度求索", "DeepSeek", "gpt-oss", "开源", "開源", "截然不同");
    static final List<String> NONSENSE = List.of("xyzzyplugh", "龘靐齉", "DeepSeek xyzzyplugh", "开源 龘");

    @TempDir
    static Path project;
    private static BuildResult result;
    private static Path site;
    private static IndexJs index;

    @BeforeAll
    static void build() throws IOException {
        RepositoryProject.copyKnowledgeBase(RepositoryProject.copySeed(project));
        result = Build.run(BuildRequest.of(project));
        site = project.resolve("site");
        index = IndexJs.read(site.resolve(SearchIndexProducer.PATH));
    }

    @Test
    void siteBuildsWithTheSearchPageTheIndexAndTheScript() {
        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        assertThat(site.resolve("search/index.html")).isRegularFile();
        assertThat(site.resolve("search/index.js")).isRegularFile();
        assertThat(site.resolve("assets/search.js")).isRegularFile();
        TestSites.assertLinksResolve(site, "https://kaiyuan.invalid/");
    }

    @Test
    void indexDescribesTheArticle() {
        assertThat(index.docs).hasSize(1);
        Map<String, Object> doc = index.docs.get(0);
        assertThat(doc).containsEntry("url", ARTICLE).containsEntry("date", "2025-08-21")
                .containsEntry("lang", "zh-Hant").containsEntry("title", "《經濟學人》：中國正以開源模型悄然趕超美國");
        assertThat((String) doc.get("text")).startsWith("走進硅谷").hasSizeLessThanOrEqualTo(SearchScript.TEXT_CHARS);
        assertThat(index.postings).containsKeys("深度求索", "deepseek", "gpt-oss", "gpt-oss-120b", "开源", "模型");
        assertThat((String) index.data.get("fold")).contains("開开", "國国");
    }

    @Test
    void hanTextIsIndexedByBigramsNotByDictionaryWords() {
        assertThat(index.units("截然不同")).as("ICU keeps the word whole").containsExactly("截然不同");
        assertThat(index.postings).containsKeys("截然", "然不", "不同").doesNotContainKey("截然不同");
        assertThat(index.postings.keySet()).filteredOn(Tokens::hasHan)
                .allSatisfy(term -> assertThat(term.codePointCount(0, term.length()) <= 2 || index.tokenizer.isName(term))
                        .as("%s is a bigram, a lone character or a name", term).isTrue());
    }

    @Test
    void everyQueryFindsTheSeedArticle() {
        for (String q : QUERIES) {
            assertThat(index.search(q)).as(q).extracting(IndexJs.Hit::url).containsExactly(ARTICLE);
        }
    }

    @Test
    void simplifiedAndTraditionalQueriesAreTheSameQuery() {
        assertThat(index.units("開源")).isEqualTo(index.units("开源")).containsExactly("开源");
        assertThat(index.units("深度求索")).containsExactly("深度求索");
        assertThat(index.units("gpt-oss")).containsExactly("gpt-oss");
        assertThat(index.search("開源")).isEqualTo(index.search("开源"));
    }

    @Test
    void nonsenseFindsNothing() {
        for (String q : NONSENSE) {
            assertThat(index.search(q)).as(q).isEmpty();
        }
        assertThat(index.search("")).isEmpty();
        assertThat(index.search("  ，。 ")).isEmpty();
    }

    @Test
    void fallbacksFindWordsTheWordBreakerCutDifferently() {
        assertThat(index.search("开源模型")).as("a phrase, by its bigrams").hasSize(1);
        assertThat(index.search("源")).as("one character, in a bigram").hasSize(1);
        assertThat(index.search("Deep")).as("the last word, still being typed").hasSize(1);
        assertThat(index.search("Deep ")).as("a finished word that is only a prefix").isEmpty();
    }

    @Test
    void searchPageHasALabelledFormAndLoadsTheIndexBeforeTheScript() {
        Document page = TestSites.page(site, "search/index.html");
        Element form = page.selectFirst("form[role=search]");
        assertThat(form).isNotNull();
        assertThat(form.attr("aria-labelledby")).isEqualTo("search-title");
        assertThat(page.select("#search-title").text()).isEqualTo("Search");
        Element input = form.selectFirst("input[type=search][name=q]");
        assertThat(input).isNotNull();
        assertThat(page.select("label[for=" + input.id() + "]")).hasSize(1);
        assertThat(page.select("script").eachAttr("src")).containsExactly("../search/index.js", "../assets/search.js");
        Element box = page.selectFirst("#search");
        assertThat(box.attr("data-root")).isEqualTo("../");
        assertThat(box.attr("data-no-results")).isEqualTo("No articles match.");
        assertThat(box.attr("data-results")).isEqualTo("Results");
        assertThat(box.attr("data-loading")).isEqualTo("Loading the articles…");
    }

    /**
     * The index against the text it indexes, printed with its parts. This one-article site is the
     * worst case: the snippet text is the article itself (about 1×), every distinct Han bigram of it
     * is a term of its own (about 1.7×, nothing shared with other articles), and the fold map and
     * names are a fixed cost. On a generated corpus of 1,000 articles the whole index is below 1×.
     */
    @Test
    void indexSizeIsBoundedByTheIndexedText() throws IOException {
        long indexBytes = Files.size(site.resolve(SearchIndexProducer.PATH)) + Files.size(site.resolve(SearchScript.docsPath(0)));
        List<?> shards = (List<?>) index.data.get("shards");
        assertThat(shards).as("a one-article site is one part").hasSize(1);
        for (int n = 0; n < ((Number) shards.get(0)).intValue(); n++) {
            indexBytes += Files.size(site.resolve(SearchScript.termsPath(0, n)));
        }
        long textBytes = index.docs.stream().mapToLong(d -> utf8((String) d.get("title")) + utf8(
                (String) d.get("text"))).sum();
        String fold = (String) index.data.get("fold");
        long postingBytes = ((List<?>) index.data.get("postings")).stream()
                .mapToLong(g -> utf8((String) ((List<?>) g).get(1)) + utf8((String) ((List<?>) g).get(0))).sum();
        double ratio = (double) indexBytes / textBytes;
        System.out.printf("search/index.js, its documents and its shards: %d bytes for %d bytes of indexed text (UTF-8): %.2f×; postings %d bytes "
                + "(%d terms), fold map %d bytes (%d pairs), %d names%n", indexBytes, textBytes, ratio, postingBytes,
                index.postings.size(), utf8(fold), fold.codePointCount(0, fold.length()) / 2,
                ((List<?>) index.data.get("names")).size());
        assertThat(ratio).isLessThanOrEqualTo(3.5);
        assertThat((double) postingBytes / textBytes).isLessThanOrEqualTo(2.0);
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    // ---- the browser script, in Node -------------------------------------------------------

    @Test
    void browserScriptFindsTheSameArticlesWithTheSameUnits(@TempDir Path tmp) throws Exception {
        Map<String, Object> node = runNode(tmp);
        assertThat(node.get("segmenter")).as("Intl.Segmenter in Node").isEqualTo(Boolean.TRUE);
        Map<?, ?> results = (Map<?, ?>) node.get("results");
        Map<?, ?> units = (Map<?, ?>) node.get("units");
        for (String q : concat(QUERIES, NONSENSE)) {
            assertThat(units.get(q)).as("units of %s", q).isEqualTo(index.units(q));
            List<String> urls = ((List<?>) results.get(q)).stream().map(r -> (String) ((Map<?, ?>) r).get("url")).toList();
            assertThat(urls).as("results of %s", q).isEqualTo(index.search(q).stream().map(IndexJs.Hit::url).toList());
        }
        for (String q : QUERIES) {
            assertThat(((List<?>) results.get(q))).as(q).hasSize(1);
        }
    }

    @Test
    void browserSnippetMarksTheHitInTheOriginalText(@TempDir Path tmp) throws Exception {
        Map<?, ?> results = (Map<?, ?>) runNode(tmp).get("results");
        assertThat(marks(results, "开源")).as("Simplified query, Traditional text").contains("開源");
        assertThat(marks(results, "深度求索")).contains("深度求索");
        assertThat(marks(results, "DeepSeek")).contains("DeepSeek");
        assertThat(marks(results, "gpt-oss")).contains("gpt-oss");
    }

    @Test
    void browserDatesAreWrittenAsTheSiteWritesThem(@TempDir Path tmp) throws Exception {
        Map<?, ?> dates = (Map<?, ?>) runNode(tmp).get("dates");
        assertThat(dates.get("2025-08-21 zh-Hant")).isEqualTo("2025年8月21日");
        assertThat(dates.get("2025-08-01 en")).isEqualTo("1 August 2025");
    }

    /** The browser finds a document's text script where the build writes it, from the document's address alone. */
    @Test
    void browserNamesTextScriptsAsTheBuildDoes(@TempDir Path tmp) throws Exception {
        Map<?, ?> paths = (Map<?, ?>) runNode(tmp).get("textScripts");
        assertThat(TEXT_SCRIPT_URLS).allSatisfy(url -> assertThat(paths.get(url)).as(url).isEqualTo(SearchScript.textPath(url)));
        assertThat(paths.get("articles/x/index.html")).isEqualTo("search/text/articles/x.js");
    }

    private static final List<String> TEXT_SCRIPT_URLS = List.of("articles/x/index.html", "articles/開源-模型/index.html",
            "about.html", "index.html", "notes/plain", "a/index.html/index.html", "x.html.html");

    /**
     * The browser's ICU (Intl.Segmenter) and ICU4J split the whole article into the same names and
     * words. ICU versions may differ (the CJK dictionary changes now and then), which the bigram
     * fallback absorbs, so a small difference is reported rather than failed.
     */
    @Test
    void browserSplitsTheArticleAsTheBuildDoes(@TempDir Path tmp) throws Exception {
        Map<String, Object> node = runNode(tmp);
        String text = (String) index.docs.get(0).get("title") + "\n" + index.docs.get(0).get("text");
        List<String> java = index.tokenizer.primary(index.tokenizer.fold(text)).stream()
                .map(t -> t.start() + ":" + t.term()).toList();
        List<String> browser = ((List<?>) ((List<?>) node.get("tokens")).get(0)).stream()
                .map(t -> (Map<?, ?>) t).map(t -> ((Number) t.get("start")).intValue() + ":" + t.get("term")).toList();
        List<String> onlyJava = new ArrayList<>(java);
        onlyJava.removeAll(browser);
        List<String> onlyBrowser = new ArrayList<>(browser);
        onlyBrowser.removeAll(java);
        System.out.printf("tokens of the seed article: ICU4J %d, Node ICU %s %d; only ICU4J %s; only Node %s%n",
                java.size(), node.get("icu"), browser.size(), onlyJava, onlyBrowser);
        assertThat(onlyJava.size() + onlyBrowser.size()).as("tokens split differently")
                .isLessThanOrEqualTo(java.size() / 50);
    }

    private static Map<String, Object> runNode(Path tmp) throws Exception {
        StringBuilder input = new StringBuilder("{\"queries\":");
        quoted(concat(QUERIES, NONSENSE), input);
        input.append(",\"texts\":");
        quoted(List.of(index.docs.get(0).get("title") + "\n" + index.docs.get(0).get("text")), input);
        input.append(",\"dates\":[[\"2025-08-21\",\"zh-Hant\"],[\"2025-08-01\",\"en\"]],\"urls\":");
        quoted(TEXT_SCRIPT_URLS, input);
        input.append('}');
        Path inputFile = Files.writeString(tmp.resolve("input.json"), input, StandardCharsets.UTF_8);
        return node("node-harness.js", inputFile.toString());
    }

    private static Map<String, Object> node(String harness, String... args) throws Exception {
        return NodeHarness.run(site, harness, args);
    }

    /**
     * The page's wiring, on a fake DOM: the address's {@code ?q=} (Traditional, as a form sends it)
     * is read and run on load; typing searches again and puts the query in the address; the empty
     * form hides the results and takes it out. Results are text, with the hits marked.
     */
    @Test
    void browserPageReadsTheAddressShowsResultsAndUpdatesTheAddress() throws Exception {
        Map<?, ?> steps = node("node-page-harness.js", "file:///site/search/index.html?q=%E9%96%8B%E6%BA%90", "en");
        Map<?, ?> loaded = (Map<?, ?>) steps.get("loaded");
        assertThat(loaded.get("hidden")).isEqualTo(Boolean.FALSE);
        assertThat(loaded.get("input")).isEqualTo("開源");
        assertThat(loaded.get("status")).isEqualTo("Results: 1");
        Map<?, ?> first = (Map<?, ?>) ((List<?>) loaded.get("results")).get(0);
        assertThat(first.get("href")).isEqualTo("../" + ARTICLE);
        assertThat(first.get("lang")).isEqualTo("zh-Hant");
        assertThat(first.get("title")).isEqualTo(index.docs.get(0).get("title"));
        assertThat(first.get("date")).isEqualTo("2025年8月21日");
        assertThat((String) first.get("snippet")).contains("[開源]");
        int shard = SearchScript.shardOf("开源", ((Number) ((List<?>) index.data.get("shards")).get(0)).intValue());
        assertThat(steps.get("scripts")).as("the documents, the query's shard, then the result's text script, each when needed")
                .isEqualTo(List.of("file:///site/search/docs/0.js", "file:///site/search/terms/0-" + shard + ".js",
                        "file:///site/search/text/" + ARTICLE.replace("/index.html", "") + ".js"));
        assertThat((List<?>) ((Map<?, ?>) steps.get("shown")).get("results")).as("nothing until its shard is in").isEmpty();
        Map<?, ?> typed = (Map<?, ?>) steps.get("typed");
        assertThat(typed.get("status")).isEqualTo("No articles match.");
        assertThat((List<?>) typed.get("results")).isEmpty();
        assertThat(steps.get("submitPrevented")).isEqualTo(Boolean.TRUE);
        assertThat(((Map<?, ?>) steps.get("cleared")).get("hidden")).isEqualTo(Boolean.TRUE);
        assertThat(steps.get("replaced")).isEqualTo(List.of("file:///site/search/index.html?q=xyzzy",
                "file:///site/search/index.html"));
    }

    /** The address's query may hold a line break, which the search box drops: its results still show. */
    @Test
    void browserPageShowsResultsForAnAddressWithALineBreak() throws Exception {
        Map<?, ?> steps = node("node-page-harness.js", "file:///site/search/index.html?q=%E9%96%8B%E6%BA%90%0A", "en");
        assertThat(((Map<?, ?>) steps.get("loaded")).get("status")).isEqualTo("Results: 1");
    }

    /**
     * A documents script that does not load (a partial upload, say) leaves the page answering:
     * without its documents, with no results here, and no text script asked for.
     */
    @Test
    void browserPageWithoutItsDocumentsAnswersWithNoResults(@TempDir Path copy) throws Exception {
        TestSites.snapshot(site).forEach((path, bytes) -> TestSites.write(copy, path, bytes));
        Files.delete(copy.resolve(SearchScript.docsPath(0)));
        Map<?, ?> steps = NodeHarness.run(copy, "node-page-harness.js", "file:///site/search/index.html?q=%E9%96%8B%E6%BA%90", "en");
        assertThat(((Map<?, ?>) steps.get("loaded")).get("status")).isEqualTo("No articles match.");
        assertThat((List<?>) ((Map<?, ?>) steps.get("loaded")).get("results")).isEmpty();
        assertThat((List<?>) steps.get("scripts")).as("the documents script failed: the query's shard only")
                .singleElement().asString().startsWith("file:///site/search/terms/0-");
    }

    /**
     * A query typed while the documents are still loading is answered once they are in, in place
     * of the address's: the page says they are loading before.
     */
    @Test
    void browserPageAnswersWhatWasTypedWhileItsDocumentsLoaded() throws Exception {
        Map<?, ?> steps = node("node-page-harness.js", "file:///site/search/index.html?q=xyzzy", "en", "300", "開源");
        assertThat((List<?>) ((Map<?, ?>) steps.get("shown")).get("results")).isEmpty();
        assertThat(((Map<?, ?>) steps.get("shown")).get("status")).as("while they load").isEqualTo("Loading the articles…");
        Map<?, ?> loaded = (Map<?, ?>) steps.get("loaded");
        assertThat(loaded.get("input")).isEqualTo("開源");
        assertThat(loaded.get("status")).isEqualTo("Results: 1");
        assertThat(((Map<?, ?>) ((List<?>) loaded.get("results")).get(0)).get("href")).isEqualTo("../" + ARTICLE);
        assertThat((List<?>) steps.get("scripts")).first().isEqualTo("file:///site/search/docs/0.js");
    }

    /** A page whose index did not load answers with no results, and asks for nothing else. */
    @Test
    void browserPageWithoutItsIndexAnswersWithNoResults(@TempDir Path copy) throws Exception {
        TestSites.snapshot(site).forEach((path, bytes) -> TestSites.write(copy, path, bytes));
        Files.delete(copy.resolve(SearchIndexProducer.PATH));
        Map<?, ?> steps = NodeHarness.run(copy, "node-page-harness.js", "file:///site/search/index.html?q=%E9%96%8B%E6%BA%90", "en");
        assertThat(((Map<?, ?>) steps.get("loaded")).get("status")).isEqualTo("No articles match.");
        assertThat((List<?>) steps.get("scripts")).isEmpty();
    }

    @Test
    void browserPageSaysNoResultsInTheSitesLanguage() throws Exception {
        Map<?, ?> steps = node("node-page-harness.js", "file:///site/search/index.html?q=%E9%BE%98", "zh-Hans");
        assertThat(((Map<?, ?>) steps.get("loaded")).get("status")).isEqualTo("没有找到相关文章。");
    }

    private static List<String> marks(Map<?, ?> results, String query) {
        List<String> marks = new ArrayList<>();
        for (Object r : (List<?>) results.get(query)) {
            for (Object part : (List<?>) ((Map<?, ?>) r).get("snippet")) {
                if (Boolean.TRUE.equals(((Map<?, ?>) part).get("hit"))) {
                    marks.add((String) ((Map<?, ?>) part).get("text"));
                }
            }
        }
        return marks;
    }

    private static void quoted(List<String> values, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            SearchScript.quote(values.get(i), out.append(i == 0 ? "" : ","));
        }
        out.append(']');
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

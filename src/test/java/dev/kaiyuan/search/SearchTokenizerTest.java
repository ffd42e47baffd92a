package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.ingest.KnowledgeReader;
import dev.kaiyuan.model.Gazetteer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search tokeniser with the real knowledge base (seeds/data) as its dictionary. */
class SearchTokenizerTest {
    private static SearchTokenizer tokenizer;
    private static SortedSet<String> names;

    @BeforeAll
    static void dictionary() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String f : List.of(KnowledgeReader.ORGANIZATIONS, KnowledgeReader.MODELS, KnowledgeReader.PEOPLE)) {
            files.put(f, Files.readAllBytes(Path.of(f)));
        }
        DiagnosticSink sink = new DiagnosticSink();
        Gazetteer gazetteer = new KnowledgeReader().read(files, sink);
        assertThat(sink.errorCount()).isZero();
        names = SearchDictionary.of(gazetteer, SearchFold.icu());
        tokenizer = new SearchTokenizer(SearchFold.icu(), names);
    }

    private static List<String> primary(String text) {
        return tokenizer.primary(tokenizer.fold(text)).stream().map(Token::term).toList();
    }

    private static List<String> indexed(String text) {
        return tokenizer.index(tokenizer.fold(text)).stream().map(Token::term).toList();
    }

    @Test
    void dictionaryHoldsFoldedNamesAndAliases() {
        assertThat(names).contains("deepseek", "深度求索", "gpt-oss", "gpt-oss-120b", "通义千问", "openai")
                .doesNotContain("通義千問", "DeepSeek");
    }

    @Test
    void foldsWidthCaseAndTraditionalCharacters() {
        assertThat(tokenizer.fold("ＤｅｅｐＳｅｅｋ 開源 通義千問 Ｖ３")).isEqualTo("deepseek 开源 通义千问 v3");
        assertThat(tokenizer.fold("經濟學人")).isEqualTo("经济学人");
    }

    @Test
    void chineseNameOfTheLabIsOneToken() {
        assertThat(primary("深度求索")).containsExactly("深度求索");
        assertThat(primary("中國初創企業深度求索(DeepSeek)免費開放")).contains("深度求索", "deepseek")
                .doesNotContain("深度", "求索");
    }

    @Test
    void latinNameIsOneCaseFoldedToken() {
        assertThat(primary("DeepSeek")).containsExactly("deepseek");
        assertThat(primary("DEEPSEEK")).containsExactly("deepseek");
    }

    @Test
    void modelNamesKeepTheirHyphensAndTheLongestNameWins() {
        assertThat(primary("gpt-oss")).containsExactly("gpt-oss");
        assertThat(primary("gpt-oss-120b")).containsExactly("gpt-oss-120b");
        assertThat(primary("OpenAI在8月推出了gpt-oss-120b與gpt-oss-20b")).contains("openai", "gpt-oss-120b", "gpt-oss-20b")
                .doesNotContain("gpt-oss", "gpt", "oss");
    }

    @Test
    void theIndexAlsoHoldsThePartsOfALongerName() {
        assertThat(indexed("gpt-oss-120b")).contains("gpt-oss-120b", "gpt-oss", "gpt", "oss", "120b");
        assertThat(indexed("Sam Altman")).contains("sam altman", "sam", "altman");
    }

    @Test
    void namesStandOnLatinWordBoundaries() {
        assertThat(primary("metadata")).containsExactly("metadata");
        assertThat(primary("Meta's models")).startsWith("meta");
    }

    @Test
    void simplifiedAndTraditionalGiveTheSameTerms() {
        assertThat(primary("开源")).isEqualTo(primary("開源"));
        assertThat(primary("通义千问")).containsExactly("通义千问").isEqualTo(primary("通義千問"));
        assertThat(indexed("開源模型")).isEqualTo(indexed("开源模型"));
    }

    @Test
    void hanRunsAlsoGiveBigramsAndLoneCharacters() {
        assertThat(indexed("开源")).contains("开源");
        assertThat(indexed("我会说，开源模型")).contains("我会", "会说", "开源", "源模", "模型")
                .doesNotContain("说开");
        assertThat(indexed("AI模型 和 Meta")).contains("模型", "和");
    }

    @Test
    void indexHoldsHanTextAsBigramsAndOtherWordsAsTheQuerySplitsThem() {
        String text = "OpenAI研究所與Meta's 8位研究員在2025年發布了截然不同的gpt-oss-120b和model-card v2.1";
        assertThat(primary(text)).contains("研究所", "截然不同");
        assertThat(indexed(text)).doesNotContain("研究所", "截然不同").contains("研究", "究所", "截然", "然不", "不同");
        String folded = tokenizer.fold(text);
        List<Token> others = tokenizer.primary(folded).stream().filter(t -> !Tokens.hasHan(t.term())).toList();
        assertThat(others).extracting(Token::term).containsExactly("openai", "meta", "s", "8", "2025", "gpt-oss-120b",
                "model", "card", "v2.1");
        assertThat(tokenizer.index(folded)).containsAll(others);
    }

    @Test
    void mixedTextKeepsNamesWordsAndNumbers() {
        List<String> terms = primary("OpenAI首席執行官奧爾特曼(Sam Altman)說，gpt-oss-120b在8月開源，80%的a16z公司在用。");
        assertThat(terms).contains("openai", "奥尔特曼", "sam altman", "gpt-oss-120b", "8", "80", "a16z")
                .doesNotContain("，", "(", "%", "。", " ");
        assertThat(terms).allSatisfy(t -> assertThat(t).isEqualTo(tokenizer.fold(t)));
    }

    @Test
    void tokensPointIntoTheFoldedText() {
        String folded = tokenizer.fold("中國開源模型DeepSeek-V3與Qwen");
        assertThat(tokenizer.index(folded)).allSatisfy(t ->
                assertThat(folded.substring(t.start(), t.end())).isEqualTo(t.term()));
    }

    @Test
    void foldMapCoversEveryTraditionalFormOfTheTextsCharacters() {
        Map<Integer, Integer> map = SearchFold.traditionalFor(List.of((int) '开', (int) '发', (int) '问'));
        assertThat(map).containsEntry((int) '開', (int) '开').containsEntry((int) '發', (int) '发')
                .containsEntry((int) '髮', (int) '发').containsEntry((int) '問', (int) '问');
        SearchFold browser = SearchFold.withMap(map);
        assertThat(browser.fold("開發問題")).isEqualTo("开发问題");
    }
}

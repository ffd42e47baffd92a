package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.testing.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

/** The index script: hostile text stays data, and what it writes reads back the same. */
class SearchScriptTest {
    private static final SearchTokenizer TOKENIZER = new SearchTokenizer(SearchFold.icu(), List.of("deepseek", "深度求索"));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String script) {
        String assign = "window." + SearchScript.GLOBAL + " = ";
        assertThat(script).contains(assign).endsWith("};\n");
        return (Map<String, Object>) StrictJson.parse(script.substring(script.indexOf(assign) + assign.length(),
                script.lastIndexOf(';')));
    }

    /** JSON numbers (read as decimals) as ints. */
    private static List<Integer> ints(Object numbers) {
        return ((List<?>) numbers).stream().map(n -> ((Number) n).intValue()).toList();
    }

    @Test
    void hostileTextIsEscapedAndReadsBackUnchanged() {
        String title = "</script><script>alert(1)</script>\"; alert(2); //\\";
        String text = "line\u2028separator\u2029and \"quotes\" \\ \t tab \u0000 nul, lone \ud800 surrogate, 𠀀 pair";
        SearchDocument document = new SearchDocument("articles/x/index.html", title, "", "en", text);
        SearchIndex index = SearchIndex.build(List.of(document), TOKENIZER);

        String script = new String(SearchScript.docsScript(index, 0), StandardCharsets.UTF_8);

        assertThat(script).doesNotContain("</script", "\u2028", "\u2029", "\u0000").contains("\\u003c/script");
        assertThat(ints(json(SearchScript.write(index)).get("parts"))).containsExactly(1);
        List<Object> call = IndexJs.call(script, SearchScript.DOCS_GLOBAL);
        assertThat(((Number) call.get(0)).intValue()).isZero();
        assertThat(call.get(1)).isEqualTo(SearchScript.idsKey(index, 0))
                .isEqualTo(((List<?>) json(SearchScript.write(index)).get("keys")).get(0));
        Map<?, ?> doc = (Map<?, ?>) ((List<?>) call.get(2)).get(0);
        assertThat(doc.get("title")).isEqualTo(title);
        assertThat(new java.util.TreeSet<Object>(doc.keySet())).containsExactly("date", "lang", "title", "url");
        assertThat(SearchScript.textPath((String) doc.get("url"))).isEqualTo("search/text/articles/x.js");
        assertThat(doc.containsKey("text")).isFalse();
        String textScript = new String(SearchScript.textScript(document), StandardCharsets.UTF_8);
        assertThat(textScript).doesNotContain("</script", "\u2028", "\u2029", "\u0000").contains("\\u2028");
        assertThat(IndexJs.textCall(textScript)).containsExactly("articles/x/index.html", text);
    }

    /** A part's documents key changes with every field of every document, and with the part's place. */
    @Test
    void aDocumentsKeyChangesWithEachFieldOfADocument() {
        SearchDocument one = new SearchDocument("articles/a/index.html", "Title", "2025-01-01", "en", "text");
        SearchDocument two = new SearchDocument("articles/b/index.html", "Other", "2025-01-02", "zh-Hans", "more");
        String key = SearchScript.docsKey(SearchIndex.build(List.of(one, two), TOKENIZER), 0);
        List<SearchDocument> changed = List.of(
                new SearchDocument("articles/c/index.html", "Other", "2025-01-02", "zh-Hans", "more"),
                new SearchDocument("articles/b/index.html", "Other!", "2025-01-02", "zh-Hans", "more"),
                new SearchDocument("articles/b/index.html", "Other", "2025-01-03", "zh-Hans", "more"),
                new SearchDocument("articles/b/index.html", "Other", "2025-01-02", "zh-Hant", "more"));
        for (SearchDocument other : changed) {
            assertThat(SearchScript.docsKey(SearchIndex.build(List.of(one, other), TOKENIZER), 0)).as(other.toString())
                    .hasSize(16).isNotEqualTo(key);
        }
        assertThat(SearchScript.docsKey(SearchIndex.build(List.of(one, two), TOKENIZER), 0)).isEqualTo(key);
        assertThat(SearchScript.docsKey(SearchIndex.build(List.of(two, one), TOKENIZER), 0)).as("another order").isNotEqualTo(key);
    }

    /** A part's ids key changes with its documents' addresses and order only. */
    @Test
    void anIdsKeyChangesWithTheDocumentsAddressesAndOrder() {
        SearchDocument one = new SearchDocument("articles/a/index.html", "Title", "2025-01-01", "en", "text");
        SearchDocument two = new SearchDocument("articles/b/index.html", "Other", "2025-01-02", "zh-Hans", "more");
        String key = SearchScript.idsKey(SearchIndex.build(List.of(one, two), TOKENIZER), 0);
        assertThat(SearchScript.idsKey(SearchIndex.build(List.of(one,
                new SearchDocument("articles/b/index.html", "Retitled", "2025-01-03", "en", "else")), TOKENIZER), 0))
                .as("title, date, language and text edited").isEqualTo(key);
        assertThat(SearchScript.idsKey(SearchIndex.build(List.of(one,
                new SearchDocument("articles/c/index.html", "Other", "2025-01-02", "zh-Hans", "more")), TOKENIZER), 0))
                .as("another address").isNotEqualTo(key);
        assertThat(SearchScript.idsKey(SearchIndex.build(List.of(two, one), TOKENIZER), 0)).as("another order")
                .hasSize(16).isNotEqualTo(key);
    }

    @Test
    void aLargeIndexMadeInPiecesReadsBackWhole() {
        List<SearchDocument> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            docs.add(new SearchDocument("articles/a" + i + "/index.html", "深度求索 𠀀 \"第" + i + "篇\" </b>", "2025-01-01",
                    i % 2 == 0 ? "zh-Hans" : "en", "text " + i));
        }
        SearchIndex index = SearchIndex.build(docs, TOKENIZER);

        assertThat(index.parts()).extracting(SearchIndex.Part::to).containsExactly(2816, 3000);
        assertThat(ints(json(SearchScript.write(index)).get("parts"))).containsExactly(2816, 184);
        byte[] bytes = SearchScript.docsScript(index, 0);

        assertThat(bytes.length).as("many pieces of 16K characters").isGreaterThan(10 * (1 << 14));
        List<Object> read = new java.util.ArrayList<>();
        for (int p = 0; p < 2; p++) {
            List<Object> call = IndexJs.call(new String(SearchScript.docsScript(index, p), StandardCharsets.UTF_8),
                    SearchScript.DOCS_GLOBAL);
            assertThat(((Number) call.get(0)).intValue()).isEqualTo(p);
            read.addAll((List<?>) call.get(2));
        }
        assertThat(read).hasSize(3000);
        for (int i = 0; i < 3000; i++) {
            Map<?, ?> doc = (Map<?, ?>) read.get(i);
            assertThat(doc.get("url")).isEqualTo("articles/a" + i + "/index.html");
            assertThat(doc.get("title")).isEqualTo("深度求索 𠀀 \"第" + i + "篇\" </b>");
        }
    }

    @Test
    void everyTermIsInTheShardItsFirstTwoUnitsNameAndNowhereElse() {
        List<SearchDocument> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            docs.add(new SearchDocument("articles/a" + i + "/index.html", "Title " + i, "2025-01-01", "zh-Hans",
                    "深度求索发布开源模型第" + i + "篇 deepseek-v" + i + " release" + i + " 𠀀𠀁" + i));
        }
        SearchIndex index = SearchIndex.build(docs, TOKENIZER);
        assertThat(index.parts()).as("blocks of 128: documents 0-1919, then the last 80")
                .extracting(SearchIndex.Part::from, SearchIndex.Part::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1920), org.assertj.core.groups.Tuple.tuple(1920, 2000));
        int[] shards = index.parts().stream().mapToInt(SearchIndex.Part::shards).toArray();
        assertThat(shards[0]).as("more than one shard for the first part").isGreaterThan(1);
        for (int count : shards) {
            assertThat(count).as("a power of two").isEqualTo(Integer.highestOneBit(count));
        }

        List<Map<String, String>> listOf = List.of(new java.util.HashMap<>(), new java.util.HashMap<>());
        List<String> paths = new java.util.ArrayList<>();
        SearchScript.termScripts(index, (path, bytes) -> {
            paths.add(path);
            List<Object> call = IndexJs.call(new String(bytes, StandardCharsets.UTF_8), SearchScript.TERMS_GLOBAL);
            String name = (String) call.get(0);
            assertThat(path).isEqualTo("search/terms/" + name + ".js");
            int part = Integer.parseInt(name.substring(0, name.indexOf('-')));
            int n = Integer.parseInt(name.substring(name.indexOf('-') + 1));
            assertThat(call.get(1)).as("the part's ids key").isEqualTo(SearchScript.idsKey(index, part));
            for (Object group : (List<?>) call.get(2)) {
                String list = (String) ((List<?>) group).get(0);
                for (String term : frontDecoded((String) ((List<?>) group).get(1))) {
                    assertThat(SearchScript.shardOf(term, shards[part])).as(term).isEqualTo(n);
                    assertThat(listOf.get(part).put(term, list)).as("%s once", term).isNull();
                    int first = Integer.parseInt(list.split("[ :]")[0]);
                    assertThat(first).as("%s: a document of its part", term)
                            .isBetween(index.parts().get(part).from(), index.parts().get(part).to() - 1);
                }
            }
        });
        List<String> expectedPaths = new java.util.ArrayList<>();
        for (int p = 0; p < shards.length; p++) {
            for (int n = 0; n < shards[p]; n++) {
                expectedPaths.add("search/terms/" + p + "-" + n + ".js");
            }
        }
        assertThat(paths).as("part by part, in shard order").isEqualTo(expectedPaths);
        Map<String, String> joined = new java.util.TreeMap<>(listOf.get(0));
        listOf.get(1).forEach((term, list) -> joined.merge(term, list, (a, b) -> a + " " + b));
        assertThat(joined).isEqualTo(index.postings());
        assertThat(listOf.get(0)).containsKey("release5").doesNotContainKey("release1990");
        assertThat(listOf.get(1)).containsKey("release1990").doesNotContainKey("release5");
        assertThat(listOf.get(0).get("title")).as("a term of both parts").isNotNull();
        assertThat(listOf.get(1).get("title")).isNotNull();
        assertThat(SearchScript.shardOf("deepseek-v1", shards[0])).as("terms sharing two units share a shard")
                .isEqualTo(SearchScript.shardOf("de", shards[0]));
    }

    private static List<String> frontDecoded(String coded) {
        List<String> terms = new java.util.ArrayList<>();
        String term = "";
        for (String line : coded.split("\n", -1)) {
            term = term.substring(0, Character.digit(line.charAt(0), 36)) + line.substring(1);
            terms.add(term);
        }
        return terms;
    }

    @Test
    void eachDocumentsTextScriptIsNamedAfterItsPage() {
        assertThat(SearchScript.textPath("articles/deepseek-r1/index.html")).isEqualTo("search/text/articles/deepseek-r1.js");
        assertThat(SearchScript.textPath("notes/page.html")).isEqualTo("search/text/notes/page.js");
        String long3001 = "开".repeat(SearchScript.TEXT_CHARS + 1);
        String script = new String(SearchScript.textScript(new SearchDocument("articles/y/index.html", "Y", "", "zh", long3001)),
                StandardCharsets.UTF_8);
        assertThat((String) IndexJs.textCall(script).get(1)).as("cut for snippets").hasSize(SearchScript.TEXT_CHARS);
    }

    @Test
    void frontCodedTermsDecodeToTheSortedTerms() {
        List<String> terms = List.of("deepseek", "deepseek-v3", "deeper", "开源", "开放", "𠀀𠀁", "𠀀𠀂", "a".repeat(50),
                "a".repeat(51));
        String coded = SearchScript.frontCoded(new java.util.TreeSet<>(terms));
        String term = "";
        java.util.List<String> decoded = new java.util.ArrayList<>();
        for (String line : coded.split("\n", -1)) {
            term = term.substring(0, Character.digit(line.charAt(0), 36)) + line.substring(1);
            decoded.add(term);
        }
        assertThat(decoded).containsExactlyElementsOf(new java.util.TreeSet<>(terms));
        assertThat(coded).contains("\n0开放\n1源", "\n0𠀀𠀁\n2𠀂", "\nz" + "a".repeat(16));
    }

    @Test
    void termsWithTheSamePostingsShareAGroupAndFrequenciesAreKept() {
        SearchIndex index = SearchIndex.build(List.of(
                new SearchDocument("a", "DeepSeek 开源", "2025-01-01", "zh-Hans", "DeepSeek 开源 DeepSeek"),
                new SearchDocument("b", "Other", "", "en", "深度求索 開源")), TOKENIZER);

        SortedMap<String, SortedSet<String>> groups = index.parts().get(0).postings();
        assertThat(index.parts()).hasSize(1);
        assertThat(groups.get("0:3")).as("title once, text twice").containsExactly("deepseek");
        assertThat(groups.get("0:2 1")).contains("开源");
        assertThat(groups.get("1")).contains("深度求索", "other");
        assertThat(index.names()).containsExactly("deepseek", "深度求索");
        assertThat(index.fold()).containsEntry((int) '開', (int) '开');
    }

    @Test
    void textForSnippetsIsCutWithoutSplittingASurrogatePair() {
        String text = "a".repeat(SearchScript.TEXT_CHARS - 1) + "𠀀tail";
        assertThat(SearchScript.cut(text)).hasSize(SearchScript.TEXT_CHARS - 1);
        assertThat(SearchScript.cut("short")).isEqualTo("short");
    }
}

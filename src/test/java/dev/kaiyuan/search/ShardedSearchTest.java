package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.bench.CorpusGenerator;
import dev.kaiyuan.build.Build;
import dev.kaiyuan.build.BuildRequest;
import dev.kaiyuan.build.BuildResult;
import dev.kaiyuan.build.RepositoryProject;
import dev.kaiyuan.build.TestSites;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site whose index is in many shards: the search page, loading only the shards a query asks
 * for (and all of them for a lone Han character that is no term), finds exactly what the same
 * script finds with every shard loaded.
 */
class ShardedSearchTest {
    /** Lone Han characters (most are no term of their own), Han words and runs, names, Latin prefixes. */
    static final List<String> QUERIES = List.of("型", "的", "模", "开源", "开源模型", "的参数规", "深度求索", "deepseek",
            "deeps", "qwen3 license", "发布 gpt-oss", "xyzzyplugh");

    @TempDir
    static Path project;
    private static Path site;

    @BeforeAll
    static void build() throws IOException {
        CorpusGenerator.write(200, project.resolve("seeds"), "42");
        RepositoryProject.copyKnowledgeBase(project);
        BuildResult result = Build.run(BuildRequest.of(project));
        assertThat(result.succeeded()).as(result.summary()).isTrue();
        site = project.resolve("site");
    }

    /** 200 articles: the first 192 in one part, the newest 8 in another (blocks of 16). */
    @Test
    void theIndexIsInTwoPartsOfManyShards() throws IOException {
        List<?> shards = (List<?>) IndexJs.read(site.resolve(SearchIndexProducer.PATH)).data.get("shards");
        assertThat(shards).hasSize(2);
        int first = ((Number) shards.get(0)).intValue();
        int last = ((Number) shards.get(1)).intValue();
        assertThat(first).isGreaterThanOrEqualTo(8);
        assertThat(last).isGreaterThanOrEqualTo(1).isLessThan(first);
        try (var files = Files.list(site.resolve("search/terms"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).hasSize(first + last)
                    .contains("0-0.js", "0-" + (first - 1) + ".js", "1-0.js", "1-" + (last - 1) + ".js");
        }
    }

    @Test
    void thePageFindsWhatTheWholeIndexFinds() throws Exception {
        Path input = Files.writeString(project.resolve("input.json"), "{\"queries\":" + json(QUERIES) + ",\"texts\":[]}",
                StandardCharsets.UTF_8);
        Map<?, ?> whole = (Map<?, ?>) NodeHarness.run(site, "node-harness.js", input.toString()).get("results");
        int nonEmpty = 0;
        for (String query : QUERIES) {
            List<String> expected = ((List<?>) whole.get(query)).stream()
                    .map(r -> "../" + ((Map<?, ?>) r).get("url")).toList();
            Map<String, Object> page = NodeHarness.run(site, "node-page-harness.js",
                    "file:///site/search/index.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "en");
            Map<?, ?> loaded = (Map<?, ?>) page.get("loaded");
            List<?> shown = ((List<?>) loaded.get("results")).stream().map(r -> ((Map<?, ?>) r).get("href")).toList();
            List<?> shards = ((List<?>) page.get("scripts")).stream().filter(s -> s.toString().contains("/terms/")).toList();
            assertThat(shown).as("%s (shards loaded: %s)", query, shards).isEqualTo(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("queries with results").isGreaterThanOrEqualTo(QUERIES.size() - 2);
    }

    /**
     * A prefix that more than 50 terms begin with takes the first 50 in the order one shard of a
     * one-part index held them (by posting list, then term), whatever shards earlier queries loaded
     * (a review found the newest part's terms taken first once a query had loaded its shard). 128
     * documents with one term each, {@code coaN} (lists "0" … "127"), and two with 60 {@code cob}
     * terms each: by list, the first 50 are those of documents 0, 1, 10, 100–109, 11, 110–119, 12,
     * 120–127 and 17 of document 128's.
     */
    @Test
    void aPrefixOfManyTermsFindsTheSameWhateverCameBefore(@TempDir Path prefixSite) throws Exception {
        List<SearchDocument> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 130; i++) {
            StringBuilder text = new StringBuilder();
            if (i < 128) {
                text.append("coa").append(i);
            } else {
                for (int k = 0; k < 60; k++) {
                    text.append(" cob").append(i).append('x').append(k);
                }
            }
            docs.add(new SearchDocument("articles/d" + i + "/index.html", "Doc", "2025-01-01", "en", text.toString()));
        }
        SearchIndex index = SearchIndex.build(docs, new SearchTokenizer(SearchFold.icu(), List.of()));
        assertThat(index.parts()).hasSize(2);
        Files.createDirectories(prefixSite.resolve("search/terms"));
        Files.createDirectories(prefixSite.resolve("assets"));
        Files.write(prefixSite.resolve(SearchIndexProducer.PATH), SearchScript.bytes(index));
        Files.createDirectories(prefixSite.resolve(SearchScript.DOCS_FOLDER));
        for (int p = 0; p < index.parts().size(); p++) {
            Files.write(prefixSite.resolve(SearchScript.docsPath(p)), SearchScript.docsScript(index, p));
        }
        SearchScript.termScripts(index, (path, bytes) -> {
            try {
                Files.write(prefixSite.resolve(path), bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Files.copy(Path.of("templates/assets/search.js"), prefixSite.resolve("assets/search.js"));
        for (SearchDocument doc : docs) {
            Path text = prefixSite.resolve(SearchScript.textPath(doc.url()));
            Files.createDirectories(text.getParent());
            Files.write(text, SearchScript.textScript(doc));
        }

        List<Object> fresh = List.copyOf((List<?>) ((List<?>) NodeHarness.run(prefixSite, "node-history-harness.js",
                "co").get("results")).get(0));
        List<Object> afterAnother = List.copyOf((List<?>) ((List<?>) NodeHarness.run(prefixSite,
                "node-history-harness.js", "filler", "co").get("results")).get(1));
        List<Object> whole = IndexJs.read(prefixSite.resolve(SearchIndexProducer.PATH)).search("co").stream()
                .map(hit -> (Object) hit.url()).toList();

        assertThat(fresh).hasSize(34).contains("articles/d128/index.html").doesNotContain("articles/d129/index.html",
                "articles/d13/index.html");
        assertThat(afterAnother).isEqualTo(fresh);
        assertThat(whole).isEqualTo(fresh);
    }

    /**
     * A part's documents script of another build than {@code index.js} (a browser kept its copy a
     * little longer after a deploy; here the same script under another key, one document short):
     * the page takes none of its documents. It finds what the whole index finds in the other part,
     * whose documents keep their ids, and nothing of the stale one. So with a part's shards of
     * another build: their postings are left out.
     */
    @Test
    void aPartOfAnotherBuildIsLeftOutAndTheOtherKeepsItsDocuments(@TempDir Path copy) throws Exception {
        TestSites.snapshot(site).forEach((path, bytes) -> TestSites.write(copy, path, bytes));
        IndexJs index = IndexJs.read(site.resolve(SearchIndexProducer.PATH));
        int tail = ((Number) ((List<?>) index.data.get("parts")).get(0)).intValue();
        List<String> urls = index.docs.stream().map(d -> "../" + d.get("url")).toList();
        List<String> lastPart = urls.subList(tail, urls.size());
        String query = (String) index.docs.get(urls.size() - 1).get("title");
        Path input = Files.writeString(copy.resolve("input.json"), "{\"queries\":" + json(List.of(query)) + ",\"texts\":[]}",
                StandardCharsets.UTF_8);
        List<String> whole = ((List<?>) ((Map<?, ?>) NodeHarness.run(site, "node-harness.js", input.toString())
                .get("results")).get(query)).stream().map(r -> "../" + ((Map<?, ?>) r).get("url")).toList();
        List<String> inLast = whole.stream().filter(lastPart::contains).toList();
        List<String> inFirst = whole.stream().filter(url -> !lastPart.contains(url)).toList();
        assertThat(inLast).as("the query finds documents of both parts").isNotEmpty();
        assertThat(inFirst).isNotEmpty();
        String href = "file:///site/search/index.html?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);

        stale(copy, 1);
        List<String> withoutLast = shown(NodeHarness.run(copy, "node-page-harness.js", href, "en"));
        assertThat(withoutLast).as("the first part's, in their order, and any a 50th place lets in")
                .hasSize(whole.size() < 50 ? inFirst.size() : 50).startsWith(inFirst.toArray(String[]::new))
                .noneMatch(lastPart::contains);

        TestSites.write(copy, SearchScript.docsPath(1), Files.readAllBytes(site.resolve(SearchScript.docsPath(1))));
        stale(copy, 0);
        List<String> withoutFirst = shown(NodeHarness.run(copy, "node-page-harness.js", href, "en"));
        assertThat(withoutFirst).as("the last part's, at their ids, in their order, and any a 50th place lets in")
                .startsWith(inLast.toArray(String[]::new)).allMatch(lastPart::contains);
        if (whole.size() < 50) {
            assertThat(withoutFirst).isEqualTo(inLast);
        }

        TestSites.write(copy, SearchScript.docsPath(0), Files.readAllBytes(site.resolve(SearchScript.docsPath(0))));
        try (var shards = Files.list(copy.resolve("search/terms"))) {
            for (Path shard : shards.filter(f -> f.getFileName().toString().startsWith("1-")).toList()) {
                String script = Files.readString(shard, StandardCharsets.UTF_8);
                String other = script.replaceFirst("^(window\\.KAIYUAN_SEARCH_TERMS\\(\"1-\\d+\",\")[0-9a-f]{16}\"",
                        "$10123456789abcdef\"");
                assertThat(other).isNotEqualTo(script);
                Files.writeString(shard, other, StandardCharsets.UTF_8);
            }
        }
        // the postings' lists are shorter than with the last part's documents missing, so the
        // scores (by tf-idf) and the order may differ
        List<String> withoutLastShards = shown(NodeHarness.run(copy, "node-page-harness.js", href, "en"));
        assertThat(withoutLastShards).as("the last part's shards of another build: the first part's documents only")
                .hasSameSizeAs(withoutLast).noneMatch(lastPart::contains);
        if (whole.size() < 50) {
            assertThat(withoutLastShards).containsExactlyInAnyOrderElementsOf(inFirst);
        }
    }

    /** Gives part {@code p}'s documents script another key, and drops its last document. */
    private static void stale(Path site, int p) throws IOException {
        Path file = site.resolve(SearchScript.docsPath(p));
        String script = Files.readString(file, StandardCharsets.UTF_8);
        String other = script.replaceFirst("^(window\\.KAIYUAN_SEARCH_DOCS\\(" + p + ",\")[0-9a-f]{16}\"", "$10123456789abcdef\"");
        assertThat(other).isNotEqualTo(script);
        Files.writeString(file, other.substring(0, other.lastIndexOf(",\n{")) + "]);\n", StandardCharsets.UTF_8);
    }

    private static List<String> shown(Map<String, Object> page) {
        return ((List<?>) ((Map<?, ?>) page.get("loaded")).get("results")).stream()
                .map(r -> (String) ((Map<?, ?>) r).get("href")).toList();
    }

    private static String json(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            SearchScript.quote(values.get(i), out.append(i == 0 ? "" : ","));
        }
        return out.append(']').toString();
    }
}

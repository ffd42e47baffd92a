package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaiyuan.model.Blob;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentTermsTest {
    private final SearchTokenizer tokenizer = new SearchTokenizer(SearchFold.icu(), List.of("deepseek", "gpt-oss"));

    @Test
    void keepsEveryTermWithItsFrequencyTheNamesAndTheHanCharacters() {
        DocumentTerms terms = DocumentTerms.of(new SearchDocument("a/", "DeepSeek 开源", "", "zh-Hans",
                "DeepSeek 发布开源模型，gpt-oss 也开源。"), tokenizer);
        Map<String, Integer> tf = new LinkedHashMap<>();
        terms.forEachTerm(tf::put);
        assertThat(tf).containsEntry("deepseek", 2).containsEntry("开源", 3).containsEntry("gpt-oss", 1)
                .containsEntry("oss", 1);
        assertThat(terms.nameList()).containsExactly("deepseek", "gpt-oss");
        assertThat(terms.hanCodePoints().toArray()).containsExactly("开源发布模型也".codePoints().sorted().toArray());
    }

    @Test
    void namesWithLineBreaksTabsOrBackslashesSurviveTheEncoding() {
        SearchTokenizer odd = new SearchTokenizer(SearchFold.icu(), List.of("a\tb", "c\\n", "d\ne"));
        DocumentTerms terms = DocumentTerms.of(new SearchDocument("a/", "t", "", "en", "x a\tb y c\\n z d\ne"), odd);
        Map<String, Integer> tf = new LinkedHashMap<>();
        terms.forEachTerm(tf::put);
        assertThat(tf).containsKeys("a\tb", "c\\n", "t", "x", "y", "z");
        assertThat(terms.nameList()).contains("a\tb", "c\\n");
    }

    @Test
    void anIndexBuiltWithAMemoEqualsOneBuiltWithout() {
        List<SearchDocument> docs = List.of(new SearchDocument("a/", "DeepSeek", "2025-01-20", "en", "DeepSeek R1 is open."),
                new SearchDocument("b/", "開源", "", "zh-Hant", "深度求索開源了模型。"));
        Map<SearchDocument, DocumentTerms> kept = new java.util.concurrent.ConcurrentHashMap<>();
        TermsMemo memo = (doc, fresh) -> kept.computeIfAbsent(doc, d -> fresh.get());
        String plain = MergedPostingsProperties.everything(SearchIndex.build(docs, tokenizer));
        assertThat(MergedPostingsProperties.everything(SearchIndex.build(docs, tokenizer, memo))).isEqualTo(plain);
        assertThat(MergedPostingsProperties.everything(SearchIndex.build(docs, tokenizer, memo))).isEqualTo(plain);
        assertThat(kept).hasSize(2);
    }

    /**
     * The terms are counted where the tokenizer finds them, without a list of its tokens: the same
     * terms, in the order first met, with the same frequencies as counting that list gives.
     */
    @Property(tries = 300)
    void eachTermIsCountedAsOftenAsTheTokenizerFindsIt(@ForAll @StringLength(max = 12) @Chars({'开', '源', '模',
            '型', '國', 'd', 'e', 'p', 's', 'k', 'g', 't', 'o', '-', ' ', '，', '\\', '\t'}) String title,
            @ForAll @StringLength(max = 200) @Chars({'开', '源', '模', '型', '國', 'd', 'e', 'p', 's', 'k', 'g',
                    't', 'o', '1', '-', '.', ' ', '，', '。', '\n', '\\', '\t', 'の', '\ud842', '\udfb7'}) String text) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String part : List.of(title, text)) {
            tokenizer.index(tokenizer.fold(part)).forEach(t -> expected.merge(t.term(), 1, Integer::sum));
        }
        Map<String, Integer> tf = new LinkedHashMap<>();
        DocumentTerms.of(new SearchDocument("a/", title, "", "zh", text), tokenizer).forEachTerm(tf::put);
        assertThat(tf).containsExactlyEntriesOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deepseek\nr1\t2\n", "开源\n模型\t3\n", "𠀀x\n", "lone\ud800surrogate\n"})
    void packsItsStringsOneByteACharacterWhenTheyAreLatin1AndTwoOtherwise(String lines) {
        DocumentTerms terms = DocumentTerms.of(lines, "deepseek\n", lines.contains("开") ? "开模源型" : "");
        boolean latin1 = lines.chars().allMatch(c -> c <= 0xFF);
        assertThat(terms.packed().length()).isEqualTo(13 + (latin1 ? 1 : 2) * (lines.length() + 9 + terms.han().length()));
        assertThat(terms.terms()).isEqualTo(lines);
        assertThat(terms.names()).isEqualTo("deepseek\n");
        DocumentTerms same = new DocumentTerms(Blob.of(terms.packed().bytes()));
        assertThat(same).isEqualTo(terms).hasSameHashCodeAs(terms);
        assertThat(same).isNotEqualTo(DocumentTerms.of(lines + "x\n", "deepseek\n", terms.han()));
    }

    @Test
    void refusesBytesThatAreNotPackedTerms() {
        byte[] packed = DocumentTerms.of("开源\n", "", "开源").packed().bytes();
        assertThatThrownBy(() -> new DocumentTerms(Blob.of(Arrays.copyOf(packed, packed.length - 1))))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] coder = packed.clone();
        coder[0] = 2;
        assertThatThrownBy(() -> new DocumentTerms(Blob.of(coder))).isInstanceOf(IllegalArgumentException.class);
        byte[] negative = packed.clone();
        negative[1] = (byte) 0x80;
        assertThatThrownBy(() -> new DocumentTerms(Blob.of(negative))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentTerms(Blob.of(new byte[12]))).isInstanceOf(IllegalArgumentException.class);
    }
}

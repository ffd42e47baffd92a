package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.HanScript;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * The index splits Han runs into bigrams and everything else exactly as a query is split, so a
 * query's non-Han terms are always terms of the index. Text made of Han characters (some with
 * Traditional forms, one beyond the BMP), kana (which ICU cuts together with Han), Latin letters,
 * digits and the punctuation word breaks care about.
 */
class SearchTokenizerProperties {
    private static final SearchTokenizer TOKENIZER = new SearchTokenizer(SearchFold.icu(),
            Set.of("deepseek", "gpt-oss", "gpt-oss-120b", "通义千问", "meta"));

    @Property(tries = 300)
    void everyNonHanQueryTermIsAnIndexTermAtTheSamePlace(@ForAll @StringLength(max = 40) @Chars({'开', '源', '模', '型',
            '研', '究', '所', '國', '通', '义', '千', '问', 'a', 'b', 'e', 'p', 's', 'd', 'g', 't', 'o', 'm', '1', '2', '0',
            '-', '.', ',', '\'', ' ', '，', '。', '(', ')', 'の', 'み', 'や', 'す', 'い', 'カ', 'ー', '\ud842', '\udfb7'})
            String text) {
        String folded = TOKENIZER.fold(text);
        List<Token> index = TOKENIZER.index(folded);

        assertThat(index).containsAll(TOKENIZER.primary(folded).stream().filter(t -> !Tokens.hasHan(t.term())).toList());
        if (!Tokens.hasKana(folded, 0, folded.length())) {
            assertThat(index).filteredOn(t -> Tokens.hasHan(t.term()) && !TOKENIZER.isName(t.term()))
                    .allSatisfy(t -> assertThat(t.term().codePointCount(0, t.term().length())).isLessThanOrEqualTo(2));
        }
    }

    /**
     * Each term and place once: two tokens that start and end at one place are the same term, and
     * every bigram of a Han run is there, as a bigram or as the word or name that is the same term.
     */
    @Property(tries = 300)
    void theIndexHasEveryTermOncePerPlaceAndEveryBigram(@ForAll @StringLength(max = 40) @Chars({'开', '源', '模',
            '型', '通', '义', '千', '问', 'a', 'e', 'p', 's', 'd', 'g', 't', 'o', 'm', '-', ' ', '，', 'の'}) String text) {
        String folded = TOKENIZER.fold(text);
        List<Token> index = TOKENIZER.index(folded);

        assertThat(index.stream().map(t -> t.start() + ":" + t.end()).toList()).doesNotHaveDuplicates();
        for (int i = 0; i + 1 < folded.length(); i++) {
            if (HanScript.contains(folded.charAt(i)) && HanScript.contains(folded.charAt(i + 1))) {
                int start = i;
                assertThat(index).anySatisfy(t -> assertThat(t.start() + ":" + t.end()).isEqualTo(start + ":" + (start + 2)));
            }
        }
    }
}

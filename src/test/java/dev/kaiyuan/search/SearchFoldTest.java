package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Normalizer2;
import dev.kaiyuan.model.HanScript;
import dev.kaiyuan.model.HanVariants;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SearchFoldTest {
    /**
     * {@link SearchFold#fold} keeps a character NFKC calls inert and {@link Character#toLowerCase}
     * leaves, without normalising and lower-casing it as a string: for every code point, that is
     * what doing so would give.
     */
    @Test
    void aCharacterNeitherNfkcNorLowerCaseChangesIsKeptAsNormalisingWouldKeepIt() {
        Normalizer2 nfkc = Normalizer2.getNFKCInstance();
        List<String> changed = new ArrayList<>();
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            if (nfkc.isInert(cp) && Character.toLowerCase(cp) == cp && !HanScript.contains(cp)) {
                String s = new String(Character.toChars(cp));
                if (!nfkc.normalize(s).toLowerCase(Locale.ROOT).equals(s)) {
                    changed.add(Integer.toHexString(cp));
                }
            }
        }
        assertThat(changed).isEmpty();
    }

    /** {@link SearchFold#fold} takes every character of U+4E00–U+9FEF for a Han character NFKC leaves alone. */
    @Test
    void theUnifiedIdeographsAreHanAndInert() {
        Normalizer2 nfkc = Normalizer2.getNFKCInstance();
        for (int cp = 0x4E00; cp <= 0x9FEF; cp++) {
            assertThat(HanScript.contains(cp) && nfkc.isInert(cp)).as(Integer.toHexString(cp)).isTrue();
        }
    }

    /** Folding as the browser's script does, one code point at a time; the build's fast paths give the same. */
    @Property(tries = 500)
    void foldsEachCodePointAsNormalisingAndLowerCasingItAlone(@ForAll @StringLength(max = 30) @Chars({'A', 'z',
            '1', ' ', 'İ', 'Σ', 'ß', 'ﬁ', 'Ａ', '，', '。', '開', '源', '国', '丽', '⺀', '㍱', '\u0301', '\ud842',
            '\udfb7', '\ud87e', '\udc00', '々', '〇'}) String text) {
        Normalizer2 nfkc = Normalizer2.getNFKCInstance();
        StringBuilder expected = new StringBuilder();
        text.codePoints().forEach(cp -> nfkc.normalize(new String(Character.toChars(cp))).toLowerCase(Locale.ROOT)
                .codePoints().forEach(c -> expected.appendCodePoint(HanScript.contains(c) ? HanVariants.icu().simplified(c) : c)));
        assertThat(SearchFold.icu().fold(text)).isEqualTo(expected.toString());
    }

    @Test
    void foldsWidthCaseAndScript() {
        assertThat(SearchFold.icu().fold("ＡＢＣ，“開源”。İ Σ DeepSeek")).isEqualTo("abc,“开源”。i̇ σ deepseek");
    }
}

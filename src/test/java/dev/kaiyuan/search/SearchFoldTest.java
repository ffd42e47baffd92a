package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            if (nfkc.isInert(cp) && Character.toLowerCase(cp) == cp && !Tokens.isHan(cp)) {
                String s = new String(Character.toChars(cp));
                if (!nfkc.normalize(s).toLowerCase(Locale.ROOT).equals(s)) {
                    changed.add(Integer.toHexString(cp));
                }
            }
        }
        assertThat(changed).isEmpty();
    }

    @Test
    void foldsWidthCaseAndScript() {
        assertThat(SearchFold.icu().fold("ＡＢＣ，“開源”。İ Σ DeepSeek")).isEqualTo("abc,“开源”。i̇ σ deepseek");
    }
}

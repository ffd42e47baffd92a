package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link PinyinSyllables}. */
class PinyinSyllablesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "a", "ni", "zhong", "zhuang", "chuang", "shuang", "er", "ê", "yo", "lo",
        "m", "n", "ng", "hm", "hng", "lü", "lüe", "nü", "nüe", "lv", "lve", "nv", "nve"
    })
    void acceptsTonelessSyllables(String s) {
        assertThat(PinyinSyllables.isSyllable(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "wǎng", "fēng", "chuàng", "wèi", "nèi", "nǚ", "lǜ", "lüè", "ér", "ế", "ň", "ḿ", "ňg",
        "yè", "jīng", "xué", "diǎn", "biāo", "guī"
    })
    void acceptsPrecomposedToneMarks(String s) {
        assertThat(PinyinSyllables.isSyllable(s)).isTrue();
        assertThat(PinyinSyllables.hasToneMark(s)).isTrue();
    }

    @Test
    void acceptsCombiningToneMarks() {
        assertThat(PinyinSyllables.isSyllable("wa\u030Cng")).isTrue();
        assertThat(PinyinSyllables.isSyllable("nu\u0308\u0301")).isTrue();
        assertThat(PinyinSyllables.isSyllable(Normalizer.normalize("chuàng", Normalizer.Form.NFD))).isTrue();
        assertThat(PinyinSyllables.hasToneMark("wa\u030Cng")).isTrue();
    }

    @Test
    void acceptsToneMarkOnAnyVowel() {
        assertThat(PinyinSyllables.isSyllable("guǐ")).isTrue();
        assertThat(PinyinSyllables.isSyllable("gǔi")).isTrue();
        assertThat(PinyinSyllables.isSyllable("xíao")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ni3", "zhong1", "de5", "lv4", "lü4", "er2", "m2", "zhuang4"})
    void acceptsToneDigits(String s) {
        assertThat(PinyinSyllables.isSyllable(s)).isTrue();
        assertThat(PinyinSyllables.hasToneMark(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Ni", "NI", "AI", "Wǎng", "WǍNG", "Ni3", "DeepSeek", "Lü"
    })
    void rejectsUppercase(String s) {
        assertThat(PinyinSyllables.isSyllable(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "a16z", "casado", "xyz", "ngx", "llm", "model", "zhongguo", "zhōng guó",
        "ni ", " ni", "ni0", "ni6", "ni33", "3", "nǐ3", "nǐǐ", "ní\u0300", "\u0301ni", "hḿg",
        "ňi", "jü", "jv", "lu\u0308e\u0304\u0301", "他們", "ｎｉ", "v", "i", "u", "ong", "ü"
    })
    void rejectsNonSyllables(String s) {
        assertThat(PinyinSyllables.isSyllable(s)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(PinyinSyllables.isSyllable(null)).isFalse();
    }

    @Test
    void hasToneMarkIgnoresDiaeresisAndCircumflex() {
        assertThat(PinyinSyllables.hasToneMark("lü")).isFalse();
        assertThat(PinyinSyllables.hasToneMark("ê")).isFalse();
        assertThat(PinyinSyllables.hasToneMark("ni")).isFalse();
        assertThat(PinyinSyllables.hasToneMark("ǚ")).isTrue();
    }

    @Test
    void inventoryIsTheStandardTable() {
        assertThat(PinyinSyllables.all())
                .doesNotHaveDuplicates()
                .hasSizeBetween(400, 420)
                .contains("a", "zhuang", "lüe", "nüe", "ê", "er", "m", "n", "ng", "hm", "hng")
                .allMatch(PinyinSyllables::isSyllable);
    }
}

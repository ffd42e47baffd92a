package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link PinyinAnnotationRemover}. */
class PinyinAnnotationRemoverTest {

    /** The shared seed article, relative to the project root (Surefire's working directory). */
    private static final Path SEED = Path.of("../shared/seeds/000_2ce86e36bd807f4f.txt");

    /** A bracketed lowercase Pinyin syllable carrying a tone diacritic. */
    private static final Pattern MARKED_GROUP =
            Pattern.compile("[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]");

    @Test
    void removesReadingsAfterHanCharacters() {
        assertThat(PinyinAnnotationRemover.remove("觀察者網(wǎng)")).isEqualTo("觀察者網");
        assertThat(PinyinAnnotationRemover.remove("大型風(fēng)險投資")).isEqualTo("大型風險投資");
        assertThat(PinyinAnnotationRemover.remove("初創(chuàng)企業(yè)")).isEqualTo("初創企業");
        assertThat(PinyinAnnotationRemover.remove("作為(wèi)")).isEqualTo("作為");
    }

    @Test
    void removesFullwidthAndToneDigitAndTonelessReadings() {
        assertThat(PinyinAnnotationRemover.remove("網（wǎng）站")).isEqualTo("網站");
        assertThat(PinyinAnnotationRemover.remove("你(ni3)好")).isEqualTo("你好");
        assertThat(PinyinAnnotationRemover.remove("我的(de)書")).isEqualTo("我的書");
        assertThat(PinyinAnnotationRemover.remove("綠(lǜ)色(se)")).isEqualTo("綠色");
        assertThat(PinyinAnnotationRemover.remove("網(wa\u030Cng)")).isEqualTo("網");
    }

    @Test
    void isCodePointAwareAboutTheHanCharacter() {
        assertThat(PinyinAnnotationRemover.remove("\uD840\uDC00(qiū)")).isEqualTo("\uD840\uDC00");
    }

    @Test
    void removesOnlyTheInnerReadingOfANestedGroup() {
        assertThat(PinyinAnnotationRemover.remove("以上內容(如有圖片或視頻亦包括在內(nèi))為"))
                .isEqualTo("以上內容(如有圖片或視頻亦包括在內)為");
    }

    @Test
    void treatsAChainOfReadingsAsFollowingTheHanCharacter() {
        assertThat(PinyinAnnotationRemover.remove("中(zhōng)(guó)")).isEqualTo("中");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "霍洛維茨(a16z)的辦公室", "卡薩多(Martin Casado)發", "人工智能(AI)模型", "模型(LLM)開發",
        "專有模型(proprietary model)不同", "我會說,(他們)使用", "報道(中國廠商)", "求索(DeepSeek)免費",
        "概率有80%(ni)", "中國(zhōng guó)", "中國(zhongguo)", "中國(xyz)", "中(Nǐ)", "中( nǐ )",
        "中(nǐ）", "中（nǐ)", "中(nǐ", "中()", "(nǐ)", "a(nǐ)", "中((nǐ))", "中(n(nǐ)ǐ)", ""
    })
    void keepsEverythingElseUnchanged(String text) {
        PinyinAnnotationRemover.Result result = PinyinAnnotationRemover.removeWithCount(text);
        assertThat(result.text()).isEqualTo(text);
        assertThat(result.removed()).isZero();
    }

    @Test
    void countsRemovals() {
        assertThat(PinyinAnnotationRemover.removeWithCount("創(chuàng)企業(yè)(AI)"))
                .isEqualTo(new PinyinAnnotationRemover.Result("創企業(AI)", 2));
    }

    @Test
    void cleansTheSeedArticle() throws IOException {
        String seed = Files.readString(SEED, StandardCharsets.UTF_8);
        PinyinAnnotationRemover.Result result = PinyinAnnotationRemover.removeWithCount(seed);

        assertThat(MARKED_GROUP.matcher(seed).find()).isTrue();
        assertThat(MARKED_GROUP.matcher(result.text()).results().map(m -> m.group()).toList()).isEmpty();
        assertThat(result.removed()).isGreaterThanOrEqualTo(150);
        assertThat(result.text()).contains(
                "(a16z)", "(Martin Casado)", "(AI)", "(LLM)", "(proprietary model)", "(他們)",
                "(中國廠商)", "(DeepSeek)", "(Sam Altman)", "(Alexandr Wang)", "(Ali Farhadi)",
                "(Percy Liang)", "(如有圖片或視頻亦包括在內)");
        assertThat(PinyinAnnotationRemover.remove(result.text())).isEqualTo(result.text());
    }
}

package dev.kaiyuan.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.DatePrecision;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.Mention;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Organization;
import dev.kaiyuan.model.Person;
import dev.kaiyuan.model.SourceRef;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {
    private static final SourceRef AT = SourceRef.file("seeds/data/test.yaml");

    private static Organization org(String id, String name, String... aliases) {
        return new Organization(id, name, "US", "company", Optional.empty(), List.of(aliases), Optional.empty(), AT);
    }

    private static ModelRelease model(String id, String name, String... aliases) {
        return new ModelRelease(id, name, id, "openai", Optional.empty(), DatePrecision.DAY, "open-unrestricted",
                "Apache-2.0", Optional.empty(), Optional.empty(), "text", Optional.empty(), Optional.empty(),
                "verified", List.of(aliases), AT);
    }

    private final EntityTagger tagger = new EntityTagger(new Gazetteer(
            List.of(org("alibaba", "Alibaba", "阿里巴巴", "阿里"), org("meta", "Meta"),
                    org("microsoft", "Microsoft", "微软"), org("google-brain", "Google Brain", "谷歌大脑"),
                    org("google", "Google", "谷歌"), org("apple", "Apple", "苹果")),
            List.of(model("gpt-oss", "gpt-oss"), model("gpt-oss-120b", "gpt-oss-120b"), model("llama", "Llama", "LLaMA")),
            List.of(new Person("ali-farhadi", "Ali Farhadi", "CEO", Optional.empty(), List.of("阿里·法哈迪"), AT))));

    private List<String> found(String text) {
        return tagger.tag(text).stream().map(m -> m.entity().id() + "=" + m.text()).toList();
    }

    @Test
    void longestMatchWins() {
        assertThat(found("OpenAI推出了gpt-oss-120b。")).containsExactly("gpt-oss-120b=gpt-oss-120b");
        assertThat(found("艾倫研究所的阿里·法哈迪說")).containsExactly("ali-farhadi=阿里·法哈迪");
        assertThat(found("阿里巴巴和阿里")).containsExactly("alibaba=阿里巴巴", "alibaba=阿里");
        assertThat(found("“谷歌大腦之父”吳恩達")).containsExactly("google-brain=谷歌大腦");
    }

    @Test
    void ofTwoOverlappingMatchesAsLongTheFirstWins() {
        EntityTagger two = new EntityTagger(new Gazetteer(List.of(org("ab", "Ab-Cd"), org("cd", "Cd-Ef")), List.of(),
                List.of()));
        assertThat(two.tag("Ab-Cd-Ef").stream().map(m -> m.entity().id() + "=" + m.text()))
                .containsExactly("ab=Ab-Cd");
    }

    @Test
    void anAliasIsLowerCasedCharByCharAsTheTextIs() {
        // Lower-casing a whole string gives İ two chars and a final Σ the form ς, which the text,
        // lower-cased char by char to keep its offsets, never has: such aliases were never found.
        EntityTagger odd = new EntityTagger(new Gazetteer(List.of(org("istanbul-ai", "İstanbul AI"),
                org("odos", "ΟΔΟΣ Labs")), List.of(), List.of()));
        assertThat(odd.tag("İstanbul AI and ΟΔΟΣ Labs").stream().map(m -> m.entity().id() + "=" + m.text()))
                .containsExactly("istanbul-ai=İstanbul AI", "odos=ΟΔΟΣ Labs");
    }

    @Test
    void aLongerNameCutOffMidWordHidesTheShorterOnesInIt() {
        EntityTagger llamas = new EntityTagger(new Gazetteer(List.of(), List.of(model("llama-3", "Llama 3"),
                model("llama-3-1", "Llama 3.1")), List.of()));
        assertThat(llamas.tag("Llama 3.1 and Llama 3.").stream().map(m -> m.entity().id() + "=" + m.text()))
                .containsExactly("llama-3-1=Llama 3.1", "llama-3=Llama 3");
        assertThat(llamas.tag("Llama 3.17 is no release we know")).isEmpty();
    }

    @Test
    void traditionalTextFindsSimplifiedAliasesWithTrueOffsets() {
        String text = "與微軟簽署協議";
        List<Mention> mentions = tagger.tag(text);
        assertThat(mentions).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("微軟");
            assertThat(text.substring(m.start(), m.end())).isEqualTo("微軟");
        });
        assertThat(found("挖走谷歌、蘋果的研究員")).containsExactly("google=谷歌", "apple=蘋果");
    }

    @Test
    void simplifiedTextFindsTraditionalAliases() {
        EntityTagger traditionalOnly = new EntityTagger(new Gazetteer(
                List.of(org("the-economist", "The Economist", "經濟學人")), List.of(), List.of()));
        assertThat(traditionalOnly.tag("英国《经济学人》21日刊文")).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("经济学人"));
        assertThat(traditionalOnly.tag("英國《經濟學人》")).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("經濟學人"));
    }

    @Test
    void latinAliasesNeedWordBoundariesAndCase() {
        assertThat(found("the metadata of Meta's model")).containsExactly("meta=Meta");
        assertThat(found("a llama in the zoo, and LLaMA and Llama")).containsExactly("llama=LLaMA", "llama=Llama");
        assertThat(found("an apple a day")).isEmpty();
        assertThat(found("GPT-OSS-120B is out")).containsExactly("gpt-oss-120b=GPT-OSS-120B");
        assertThat(found("因開放AI模型Llama在開源界")).containsExactly("llama=Llama");
        assertThat(found("Metaverse")).isEmpty();
    }

    /** The last chars of the BMP (U+FFFE, U+FFFF) are text like any other, after any state. */
    @Test
    void charsAtTheEndOfTheBmpFindNothingAndBreakNothing() {
        EntityTagger none = new EntityTagger(new Gazetteer(List.of(), List.of(), List.of()));
        assertThat(none.tag("a\uFFFF\uFFFEb")).isEmpty();
        EntityTagger meta = new EntityTagger(new Gazetteer(List.of(org("meta", "Meta")), List.of(), List.of()));
        assertThat(meta.tag("Meta\uFFFF and Me\uFFFFta, Meta").stream().map(m -> m.entity().id() + "@" + m.start()))
                .containsExactly("meta@0", "meta@17");
    }
}

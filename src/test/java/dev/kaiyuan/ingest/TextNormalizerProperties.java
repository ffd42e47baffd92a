package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TextNormalizerProperties {
    @Property
    void normalizingIsIdempotent(@ForAll String text) {
        String once = TextNormalizer.normalize(text);
        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    @Property
    void normalizedTextHasNoCarriageReturnsOrZeroWidthCharacters(@ForAll String text) {
        assertThat(TextNormalizer.normalize(text)).doesNotContain("\r", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF");
    }

    @Property
    void punctuationFixingIsIdempotent(@ForAll String text) {
        String once = PunctuationFixer.fix(text);
        assertThat(PunctuationFixer.fix(once)).isEqualTo(once);
    }
}

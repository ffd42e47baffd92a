package dev.kaiyuan.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class EnricherProperties {
    /** The quick look for 当, 當, 同 and "that" finds every sentence the pattern finds, and only those. */
    @Property(tries = 5000)
    void aSentenceSaysTheSameTimeExactlyWhenThePatternFindsIt(@ForAll("sentences") String sentence) {
        boolean found = Enricher.SAME_TIME.matcher(sentence).find();
        Statistics.label("same time").collect(found).coverage(c -> c.check(true).percentage(p -> p > 20.0));
        assertThat(Enricher.saysSameTime(sentence)).as(sentence).isEqualTo(found);
    }

    @Provide
    Arbitrary<String> sentences() {
        Arbitrary<String> piece = Arbitraries.of("當時", "当时", "同一周", "同一週", "同週", "同周", "同月", "同日", "同", "当", "當",
                "that week", "THAT Day", "thAt month", "That weeks", "that", "tHaT", " ", "x", "DeepSeek 发布", "。", "Tha",
                "t", "T", "hat week", "ſ", "at", "what week", "that  week", "\u00A0");
        return piece.list().ofMaxSize(6).map(l -> String.join("", l));
    }
}

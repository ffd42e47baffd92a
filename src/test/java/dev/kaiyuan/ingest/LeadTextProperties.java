package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A summary stops searching the lead once it is full, and is the one its whole list of sentences gives. */
class LeadTextProperties {
    @Property(tries = 2000)
    void theSummaryIsMadeOfTheLeadsSentencesWhileTheyFit(@ForAll("leads") String lead) {
        assertThat(LeadText.summary(lead)).as(lead).isEqualTo(fromAllSentences(lead));
    }

    private static String fromAllSentences(String lead) {
        String out = "";
        for (String sentence : LeadText.sentences(lead)) {
            char last = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
            String joined = out.isEmpty() ? sentence
                    : out + (last < 0x80 && sentence.charAt(0) < 0x80 ? " " : "") + sentence;
            if (Cjk.length(joined) > LeadText.SUMMARY_MAX) {
                break;
            }
            out = joined;
        }
        return out.isEmpty() ? LeadText.cut(lead.strip(), LeadText.SUMMARY_MAX) : out;
    }

    @Provide
    Arbitrary<String> leads() {
        Arbitrary<String> words = Arbitraries.of("开源模型", "DeepSeek", "released", "the", "weights", "通义千问", "3.5",
                "Llama", "中国", "发布了", "a", " ", "  ", "\n");
        Arbitrary<String> ends = Arbitraries.of("。", "！", "？", "!", "?", "…", "...", ".", ". ", "。”", "？」", ".\"",
                "，", "；", ",", "");
        Arbitrary<String> sentence = words.list().ofMinSize(1).ofMaxSize(30).map(l -> String.join(" ", l))
                .flatMap(s -> ends.map(e -> s + e));
        return sentence.list().ofMaxSize(12).map(l -> String.join("", l));
    }
}

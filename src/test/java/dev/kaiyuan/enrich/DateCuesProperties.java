package dev.kaiyuan.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link DateCues} finds an English month or relative word exactly where trying each word at each
 * capital or candidate letter finds one: the cue is what lets a date rule run, so a cue missed is
 * a date lost.
 */
class DateCuesProperties {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final String[] RELATIVE_DAY = {"yesterday", "today", "tomorrow"};
    private static final String[] RELATIVE_UNIT = {"year", "month"};
    private static final String[] RELATIVE_WORD = {"last", "this", "next"};

    @Property(tries = 3000)
    void englishCuesAreFoundWhereAnyWordStarts(@ForAll("englishish") String text) {
        int cues = DateCues.of(text);
        assertThat((cues & DateCues.MONTH_NAME) != 0).as("month name in %s", text).isEqualTo(anyAt(text, MONTHS, false));
        boolean relative = false;
        for (int i = 0; i < text.length(); i++) {
            // the relative words are looked for at these letters, in any case (Month, month, TODAY)
            boolean word = startsAny(text, i, RELATIVE_DAY, true) || startsAny(text, i, RELATIVE_UNIT, true) && i >= 5
                    && " \u00A0".indexOf(text.charAt(i - 1)) >= 0 && startsAny(text, i - 5, RELATIVE_WORD, true);
            if ("yYmMtT".indexOf(text.charAt(i)) >= 0 && word && !(text.charAt(i) == 'M' && startsAny(text, i, MONTHS, false))) {
                relative = true;
            }
        }
        assertThat((cues & DateCues.ENGLISH_RELATIVE) != 0).as("relative word in %s", text).isEqualTo(relative);
    }

    @Example
    void cuesOfPlainSentences() {
        assertThat(DateCues.of("Released on Aug 5 by Meta") & DateCues.MONTH_NAME).isNotZero();
        assertThat(DateCues.of("Mistral and DeepSeek, June") & DateCues.MONTH_NAME).isNotZero();
        assertThat(DateCues.of("Mistral and DeepSeek") & DateCues.MONTH_NAME).isZero();
        assertThat(DateCues.of("the model TODAY") & DateCues.ENGLISH_RELATIVE).isNotZero();
        assertThat(DateCues.of("the Month after") & DateCues.ENGLISH_RELATIVE).isZero();
        assertThat(DateCues.of("since last Month") & DateCues.ENGLISH_RELATIVE).isNotZero();
        assertThat(DateCues.of("next\u00A0year") & DateCues.ENGLISH_RELATIVE).isNotZero();
        assertThat(DateCues.of("in 2025") & DateCues.YEAR_AFTER_WORD).isNotZero();
        assertThat(DateCues.of("Mid-2024") & DateCues.YEAR_AFTER_WORD).isNotZero();
        assertThat(DateCues.of("a cluster of 2048 GPUs") & DateCues.YEAR_AFTER_WORD).isZero();
        assertThat(DateCues.of("that team, the tool") & DateCues.ENGLISH_RELATIVE).isZero();
    }

    @Provide
    Arbitrary<String> englishish() {
        return Arbitraries.strings().withChars("JFMASONDYTjfmasondytuebrpgclvhwixEO ,.").ofMaxLength(24);
    }

    private static boolean anyAt(String text, String[] words, boolean ignoreCase) {
        for (int i = 0; i < text.length(); i++) {
            if (startsAny(text, i, words, ignoreCase)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsAny(String text, int at, String[] words, boolean ignoreCase) {
        for (String w : words) {
            if (text.regionMatches(ignoreCase, at, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }
}

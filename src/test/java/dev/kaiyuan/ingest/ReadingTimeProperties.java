package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.ReadingTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The reading time's quick paths for ASCII and common Han count as the rule does for every code point. */
class ReadingTimeProperties {
    @Property(tries = 3000)
    void countsAsTheRuleForEveryCodePoint(@ForAll("texts") String text) {
        assertThat(ArticleReader.readingTime(text)).as(text).isEqualTo(byTheRule(text));
    }

    /** CJK letters one by one; words as runs of other letters and digits, joined by ' ’ or -. */
    private static ReadingTime byTheRule(String text) {
        int cjk = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean cjkLetter = Cjk.isCjkLetter(cp);
            boolean letter = !cjkLetter && Character.isLetterOrDigit(cp);
            if (cjkLetter) {
                cjk++;
            }
            if (letter && !inWord) {
                words++;
            }
            inWord = letter || (inWord && (cp == '\'' || cp == '’' || cp == '-'));
            i += Character.charCount(cp);
        }
        return ReadingTime.of(cjk, words);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(6),
                Arbitraries.strings().withCharRange('\u4DF0', '\uA010').ofMaxLength(4),
                Arbitraries.strings().all().ofMaxLength(3),
                Arbitraries.of("'", "’", "-", " ", "don't", "state-of-the-art", "ª", "º", "é", "Ⅻ", "٣", "ｱ", "ア", "한",
                        "\u3007", "\u3005", "𠀀", "\uD800", "\uDC00", "\u0080", "\u00FF", "\u1100", "\u9FEF", "\u9FF0",
                        "\u4E00", "\u4DFF"));
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }
}

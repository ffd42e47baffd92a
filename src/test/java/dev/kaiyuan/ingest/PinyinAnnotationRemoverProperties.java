package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Properties of {@link PinyinAnnotationRemover} over random texts assembled from pieces whose
 * expected output is known: Han runs, Latin and punctuation runs, genuine parentheticals (which
 * must survive) and Pinyin readings after a Han character (which must go).
 */
class PinyinAnnotationRemoverProperties {

    /** A piece of generated text and what it should become after removal. */
    record Piece(String input, String expected) {
        static Piece kept(String text) {
            return new Piece(text, text);
        }
    }

    private static final List<String> HAN = List.of(
            "網", "風", "創", "為", "內", "中", "國", "企", "業", "開", "發", "學", "經", "\uD840\uDC00");

    private static final String TONE_MARKS = "\u0304\u0301\u030C\u0300";

    @Property(tries = 1000)
    void removesExactlyTheReadings(@ForAll("texts") List<Piece> pieces) {
        String input = pieces.stream().map(Piece::input).collect(Collectors.joining());
        String expected = pieces.stream().map(Piece::expected).collect(Collectors.joining());
        int readings = (int) pieces.stream().filter(p -> !p.input().equals(p.expected())).count();

        PinyinAnnotationRemover.Result result = PinyinAnnotationRemover.removeWithCount(input);

        assertThat(result.text()).isEqualTo(expected);
        assertThat(result.removed()).isEqualTo(readings);
    }

    @Property(tries = 1000)
    void isIdempotent(@ForAll("texts") List<Piece> pieces) {
        String once = PinyinAnnotationRemover.remove(
                pieces.stream().map(Piece::input).collect(Collectors.joining()));
        assertThat(PinyinAnnotationRemover.remove(once)).isEqualTo(once);
    }

    @Property(tries = 1000)
    void isIdempotentOnBracketSoup(@ForAll("soup") String text) {
        String once = PinyinAnnotationRemover.remove(text);
        assertThat(PinyinAnnotationRemover.remove(once)).isEqualTo(once);
        assertThat(once.length()).isLessThanOrEqualTo(text.length());
    }

    @Provide
    Arbitrary<List<Piece>> texts() {
        return Arbitraries.frequencyOf(
                        Tuple.of(3, hanRun()),
                        Tuple.of(2, latinRun()),
                        Tuple.of(2, realParenthetical()),
                        Tuple.of(4, reading()))
                .list().ofMaxSize(25);
    }

    /** Short strings over a small alphabet dense in brackets, Han and Pinyin letters. */
    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.strings().withChars("中國()（）niǎaeNI \u030C3").ofMaxLength(30);
    }

    private static Arbitrary<Piece> hanRun() {
        return Arbitraries.of(HAN).list().ofMinSize(1).ofMaxSize(5)
                .map(chars -> Piece.kept(String.join("", chars)));
    }

    private static Arbitrary<Piece> latinRun() {
        return Arbitraries.strings().withChars("abcnixyzAIM019 ,.%-:、，。").ofMinLength(1).ofMaxLength(8)
                .map(Piece::kept);
    }

    /** A parenthetical that is not a reading, so it stays even right after a Han character. */
    private static Arbitrary<Piece> realParenthetical() {
        Arbitrary<String> content = Arbitraries.oneOf(
                Arbitraries.of("AI", "LLM", "GPT", "NI", "Ni", "MA"),
                Arbitraries.of("proprietary model", "Martin Casado", "Sam Altman", "zhōng guó"),
                Arbitraries.of("他們", "中國廠商", "如有圖片或視頻亦包括在內"),
                Arbitraries.of("a16z", "casado", "xyz", "ngx", "DeepSeek", "ni0", "nǐ3"),
                Arbitraries.strings().withChars("abcdeghilmnoquxzü ").ofMinLength(1).ofMaxLength(10));
        return Combinators.combine(content.filter(c -> !PinyinSyllables.isSyllable(c)), Arbitraries.of(true, false))
                .as((c, fullwidth) -> Piece.kept(fullwidth ? "（" + c + "）" : "(" + c + ")"));
    }

    /** A Han character followed by a bracketed syllable; only the character should remain. */
    private static Arbitrary<Piece> reading() {
        return Combinators.combine(Arbitraries.of(HAN), spelledSyllable(), Arbitraries.of(true, false))
                .as((han, syllable, fullwidth) -> new Piece(
                        han + (fullwidth ? "（" + syllable + "）" : "(" + syllable + ")"), han));
    }

    /** A syllable from the inventory in one of its written forms: marked, digit, or toneless. */
    private static Arbitrary<String> spelledSyllable() {
        return Combinators.combine(
                        Arbitraries.of(PinyinSyllables.all()),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as(PinyinAnnotationRemoverProperties::spell);
    }

    private static String spell(String syllable, int tone, int position, boolean digit, boolean composed) {
        String base = composed ? syllable : syllable.replace("ü", "v");
        if (tone == 0) {
            return base;
        }
        if (digit) {
            return base + tone;
        }
        if (tone == 5) {
            return base; // neutral tone: written without a mark
        }
        String nfd = Normalizer.normalize(syllable, Normalizer.Form.NFD);
        int carrier = carrierIndex(nfd, position);
        if (carrier < 0) {
            return syllable;
        }
        int at = carrier + 1;
        while (at < nfd.length() && Character.getType(nfd.charAt(at)) == Character.NON_SPACING_MARK) {
            at++; // after ü's diaeresis or ê's circumflex, as NFD orders them
        }
        String marked = nfd.substring(0, at) + TONE_MARKS.charAt(tone - 1) + nfd.substring(at);
        return composed ? Normalizer.normalize(marked, Normalizer.Form.NFC) : marked;
    }

    /** The index of some vowel (or, in {@code m n ng hm hng}, the nasal) to carry the mark. */
    private static int carrierIndex(String nfd, int position) {
        String carriers = nfd.toLowerCase(Locale.ROOT).matches("h?(m|ng?)") ? "mn" : "aeiou";
        int[] candidates = IntStream.range(0, nfd.length())
                .filter(i -> carriers.indexOf(nfd.charAt(i)) >= 0)
                .toArray();
        return candidates.length == 0 ? -1 : candidates[position % candidates.length];
    }
}

package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.RuleBasedBreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The words found with as little of ICU as {@link PlainWords} can use must be those ICU finds in the whole text. */
class PlainWordsTest {
    /** ICU's word-like segments of {@code [from, to)}, as {@link SearchTokenizer} takes them. */
    private static void icu(String text, int from, int to, List<Token> out) {
        BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
        words.setText(text.substring(from, to));
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (words.getRuleStatus() >= RuleBasedBreakIterator.WORD_NONE_LIMIT) {
                out.add(new Token(text.substring(from + start, from + end), from + start, from + end, Token.Kind.WORD));
            }
        }
    }

    private static List<Token> icu(String text) {
        List<Token> out = new ArrayList<>();
        icu(text, 0, text.length(), out);
        return out;
    }

    /** The words as the tokenizer finds them, and the pieces it left to ICU. */
    private record Split(List<Token> words, List<String> icuPieces) {
        static Split of(String text) {
            List<Token> words = new ArrayList<>();
            List<String> pieces = new ArrayList<>();
            PlainWords.split(text, 0, text.length(), Token.Kind.WORD, TermSink.into(words), (from, to, kind, out) -> {
                assertThat(kind).isEqualTo(Token.Kind.WORD);
                pieces.add(text.substring(from, to));
                icu(text, from, to, words);
            });
            return new Split(words, pieces);
        }
    }

    @Test
    void asciiIsSplitAsIcuSplitsItWithoutIcu() {
        for (String text : List.of("a:b", "3.14", "e.g.", "don't", "1,000", "a.1", "1.a", "x;y", "1;2", "a'b'c",
                "a..b", "a '", "it's:x", "a\u0000b", "a\tb", "a-b", "1:2", "gpt-oss-120b 2025.08.05", "v3.1,", "",
                "\"a\"b\"")) {
            assertThat(Split.of(text)).as(text).isEqualTo(new Split(icu(text), List.of()));
        }
        assertThat(Split.of("e.g. 1,000").words()).extracting(Token::term).containsExactly("e.g", "1,000");
    }

    @Test
    void punctuationBetweenHanCharactersNeedsNoIcu() {
        assertThat(Split.of("，。「」、　（）\n")).isEqualTo(new Split(List.of(), List.of()));
    }

    @Test
    void onlyThePiecesWithWhatItsRulesJoinOrWhatIsNotAsciiGoToIcu() {
        Split split = Split.of("using Q4_K_M on a café’s 1,000 ‿ and ٫ GPUs");
        assertThat(split.icuPieces()).containsExactly("Q4_K_M", "café’s", "‿", "٫");
        assertThat(split.words()).extracting(Token::term)
                .containsExactly("using", "Q4_K_M", "on", "a", "café’s", "1,000", "and", "٫", "GPUs");
    }

    /**
     * A joiner, mark or format character goes with the character before it (WB4), a joiner joins an
     * emoji (WB3c), and spaces go together (WB3d).
     */
    @Test
    void whatBelongsToThePunctuationBeforeItIsNotCutOff() {
        for (String text : List.of("\0\u200d\u2139z", " \u0301a", "-\u00adb", "(\uff9e", "!\ud83c\udffbx",
                ", \u200c1", "\u3000 \u200d\u21399", "a  \u200d\u2139")) {
            assertThat(Split.of(text).words()).as(text).isEqualTo(icu(text));
        }
        assertThat(Split.of("\0\u200d\u2139z").words()).extracting(Token::term).containsExactly("\0\u200d\u2139z");
    }

    /**
     * Every character of the Basic Multilingual Plane taken for white space or punctuation: ICU finds
     * no word in it alone, doubled, or beside a space and a line break, and a word break on both
     * sides of those it cuts at.
     */
    @Test
    void noCharacterTakenForPunctuationMakesAWordForIcu() {
        int taken = 0;
        for (char c = 0x80; c < 0xFFFF; c++) {
            if (Character.isSurrogate(c) || !Split.of(String.valueOf(c)).equals(new Split(List.of(), List.of()))) {
                continue;
            }
            taken++;
            for (String text : List.of(String.valueOf(c), "" + c + c, " " + c + "\n" + c + c + c, "a" + c + "b",
                    "1" + c + "2", "ab" + c + "c'd", "中" + c + "文")) {
                assertThat(Split.of(text).words()).as("U+%04X", (int) c).isEqualTo(icu(text));
            }
        }
        assertThat(taken).isGreaterThan(500);
    }

    @Property(tries = 3000)
    void theWordsAreIcusWords(@ForAll @StringLength(max = 24) @Chars({'a', 'b', 'z', 'A', '0', '9', '.', ',', ';',
            ':', '\'', '"', '_', '-', ' ', '\n', '\r', '\t', '\0', '/', '(', ')', '!', '?', '#', '%', '&', 'é', '中',
            '文', 'の', 'カ', 'ー', 'א', 'ב', '，', '。', '：', '‿', '٫', '‼', '\u3000', '\u00b7', '\u2019', '\u0301',
            '\u200d', '\u200c', '\u00ad', '\uff9e', '\u2139', '１', 'ก', '\ud83d', '\ude00', '\ud83c', '\udffb'})
            String text) {
        assertThat(Split.of(text).words()).as(text).isEqualTo(icu(text));
    }
}

package dev.kaiyuan.postprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Pieces encoded one after another are the UTF-8 the JDK gives for their concatenation. */
class Utf8PiecesProperties {
    @Property(tries = 3000)
    void piecesAreEncodedAsTheirConcatenation(@ForAll("texts") String text, @ForAll("cuts") List<Integer> cuts) {
        Utf8Pieces pieces = new Utf8Pieces();
        int from = 0;
        for (int cut : cuts) {
            int to = Math.min(text.length(), from + cut);
            pieces.add(text, from, to);
            from = to;
        }
        pieces.add(text, from, text.length());
        assertThat(pieces.bytes()).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 2000)
    void editsInUtf8AreTheEditedPagesUtf8(@ForAll("texts") String html, @ForAll("texts") String inserted,
            @ForAll @IntRange(max = 40) int from, @ForAll @IntRange(max = 6) int length) {
        List<PageEdit> edits = new ArrayList<>();
        int at = Math.min(from, html.length());
        edits.add(new PageEdit(at, Math.min(html.length(), at + length), inserted));
        edits.add(PageEdit.insert(html.length(), inserted));
        edits.add(PageEdit.insert(0, inserted));
        Optional<String> made = PageEdit.make(html, edits);
        Statistics.label("made").collect(made.isPresent()).coverage(c -> c.check(true).percentage(p -> p > 30.0));
        assertThat(PageEdit.utf8(html, edits).isPresent()).as(html).isEqualTo(made.isPresent());
        PageEdit.utf8(html, edits).ifPresent(bytes -> assertThat(bytes).as(html)
                .isEqualTo(made.orElseThrow().getBytes(StandardCharsets.UTF_8)));
    }

    @Example
    void aPairSplitAcrossPiecesIsOneCodePointAndALoneHalfAQuestionMark() {
        String text = "a😀b\uD800c\uDC00";
        assertThat(new Utf8Pieces().add(text, 0, 2).add(text, 2, 4).add(text, 4, 7).bytes())
                .isEqualTo(new byte[] {'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, 'b', '?', 'c', '?'});
        assertThat(new Utf8Pieces().add("\uD83D").add("x").add("\uD83D").bytes()).isEqualTo(new byte[] {'?', 'x', '?'});
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(4), Arbitraries.strings().all().ofMaxLength(4),
                Arbitraries.of("开源", "😀", "\uD83D", "\uDE00", "é", "\u07FF", "\u0800", "\uFFFF", "<p>", "&amp;"))
                .list().ofMaxSize(10).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 5).list().ofMaxSize(8);
    }
}

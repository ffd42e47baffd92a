package dev.kaiyuan.postprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.EntityKind;
import dev.kaiyuan.model.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class EntityLinksTest {
    private static final EntityId OPENAI = new EntityId(EntityKind.ORGANIZATION, "openai");

    /** Finds every "OpenAI" in a text. */
    private static List<Mention> find(String text) {
        List<Mention> found = new ArrayList<>();
        for (int i = text.indexOf("OpenAI"); i >= 0; i = text.indexOf("OpenAI", i + 1)) {
            found.add(new Mention(OPENAI, i, i + 6, "OpenAI"));
        }
        return found;
    }

    @Test
    void firstMentionPerSectionOnlyAndNeverInsideLinksHeadingsOrMarks() {
        Document page = Jsoup.parse("""
                <article><div class="body">
                <p>OpenAI said. OpenAI again.</p>
                <p><a href="x">OpenAI</a> <mark>OpenAI</mark></p>
                <h2>OpenAI heading</h2>
                <p>Then OpenAI <b>OpenAI</b></p>
                </div></article>""");
        new EntityLinks(EntityLinksTest::find, "../../").apply(page);
        assertThat(page.select("a.entity")).hasSize(2);
        assertThat(page.select("p").get(0).html()).isEqualTo(
                "<a class=\"entity entity-orgs\" href=\"../../orgs/openai/index.html\">OpenAI</a> said. OpenAI again.");
        assertThat(page.select("h2 a")).isEmpty();
        assertThat(page.select("mark a")).isEmpty();
        assertThat(page.select("p").get(2).select("a.entity").text()).isEqualTo("OpenAI");
        assertThat(page.select("p").get(2).select("b a")).isEmpty();
    }

    /** The links' markup made in a page's text is what jsoup writes for their nodes, byte for byte. */
    @Property(tries = 3000)
    void linkedTextIsWrittenAsJsoupWritesItsNodes(@ForAll("pieces") List<EntityLinks.Piece> pieces,
            @ForAll("roots") String root) {
        EntityLinks links = new EntityLinks(EntityLinksTest::find, root);
        String jsoup = BodyMarkup.write(List.of(links.nodes(pieces))).get(0);
        Optional<String> written = links.written(pieces);
        Statistics.label("written here").collect(written.isPresent())
                .coverage(c -> c.check(true).percentage(p -> p > 25.0));
        Statistics.label("escaped").collect(jsoup.contains("&"));
        written.ifPresent(markup -> assertThat(markup).as(pieces.toString()).isEqualTo(jsoup));
        assertThat(links.markup(pieces)).as(pieces.toString()).isEqualTo(jsoup);
    }

    @Example
    void escapesInTextAndLinks() {
        EntityLinks links = new EntityLinks(EntityLinksTest::find, "../&\"x/");
        List<EntityLinks.Piece> pieces = List.of(new EntityLinks.Piece("AT&T <b> \"q\" \u00A0 开源 ", Optional.empty()),
                new EntityLinks.Piece("Open&AI", Optional.of(OPENAI)), new EntityLinks.Piece("\u0001", Optional.empty()));
        String expected = "AT&amp;T &lt;b&gt; \"q\" &nbsp; 开源 <a class=\"entity entity-orgs\" "
                + "href=\"../&amp;&quot;x/orgs/openai/index.html\">Open&amp;AI</a>";
        assertThat(links.written(pieces.subList(0, 2))).hasValue(expected);
        assertThat(links.written(pieces)).isEmpty();
        // a control character is left to jsoup, which writes the whole text
        assertThat(links.markup(pieces)).isEqualTo(BodyMarkup.write(List.of(links.nodes(pieces))).get(0))
                .startsWith(expected);
    }

    @Provide
    Arbitrary<List<EntityLinks.Piece>> pieces() {
        // what jsoup writes by rules of its own (control characters, lone surrogates, U+2D800) now and then
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of("word", "开源", " ", "\n", "\t", "\r", "&", "<", ">", "\"", "'",
                        "\u00A0", "&amp;", "😀", "\uD875\uDC00", "\u007F", "\u0085", "©", "\u2028", "\uFEFF")),
                Tuple.of(1, Arbitraries.of("\uD800", "\uDC00", "\u0001", "\u000B", "\u0000", "𭠀")))
                .list().ofMaxSize(5).map(l -> String.join("", l));
        Arbitrary<Optional<EntityId>> linked = Arbitraries.oneOf(Arbitraries.just(Optional.<EntityId>empty()),
                Arbitraries.of(EntityKind.values()).flatMap(kind -> Arbitraries.of("openai", "qwen3", "gpt-oss-120b", "a-1")
                        .map(id -> Optional.of(new EntityId(kind, id)))));
        return Arbitraries.oneOf(text.flatMap(t -> linked.map(l -> new EntityLinks.Piece(t, l))))
                .list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> roots() {
        return Arbitraries.of("", "../../", "../", "../&x\"y/", "../\u00A0/", "../<a>/");
    }
}

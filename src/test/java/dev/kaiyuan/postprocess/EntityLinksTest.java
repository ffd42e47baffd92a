package dev.kaiyuan.postprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.EntityKind;
import dev.kaiyuan.model.Mention;
import java.util.ArrayList;
import java.util.List;
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
}

package dev.kaiyuan.postprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageEditTest {
    @Test
    void editsAreMadeWhereTheyStandInThePageInWhateverOrderTheyCome() {
        String html = "<p>OpenAI</p><a href=x>y</a>";
        List<PageEdit> edits = List.of(PageEdit.insert(22, " rel=\"r\""), new PageEdit(3, 9, "<a>OpenAI</a>"));
        assertThat(PageEdit.make(html, edits)).contains("<p><a>OpenAI</a></p><a href=x rel=\"r\">y</a>");
    }

    @Test
    void insertionsAtOnePlaceGoInTheOrderGiven() {
        assertThat(PageEdit.make("<head></head>", List.of(PageEdit.insert(6, "<a>"), PageEdit.insert(6, "<b>"))))
                .contains("<head><a><b></head>");
        assertThat(PageEdit.make("ab", List.of(new PageEdit(0, 1, "x"), PageEdit.insert(1, "y")))).contains("xyb");
    }

    @Test
    void overlappingEditsOrOnesPastTheEndAreNotMade() {
        assertThat(PageEdit.make("abcdef", List.of(new PageEdit(1, 4, "x"), new PageEdit(3, 5, "y")))).isEmpty();
        assertThat(PageEdit.make("abcdef", List.of(new PageEdit(1, 4, "x"), PageEdit.insert(2, "y")))).isEmpty();
        assertThat(PageEdit.make("abc", List.of(new PageEdit(2, 4, "x")))).isEmpty();
        assertThat(PageEdit.make("abc", List.of(PageEdit.insert(4, "x")))).isEmpty();
        assertThat(PageEdit.make("abc", List.of(new PageEdit(1, 3, "x"), PageEdit.insert(3, "y")))).contains("axy");
        assertThat(PageEdit.make("abc", List.of())).contains("abc");
        assertThatThrownBy(() -> new PageEdit(3, 2, "")).isInstanceOf(IllegalArgumentException.class);
    }
}

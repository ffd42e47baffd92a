package dev.kaiyuan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputFileTest {
    @Test
    void theConstructorCopiesTheBytesAndOwningTakesThemAsTheyAre() {
        byte[] bytes = "<p>开源</p>".getBytes(StandardCharsets.UTF_8);
        OutputFile copied = new OutputFile("a/index.html", bytes);
        OutputFile owned = OutputFile.owning("a/index.html", bytes);
        bytes[0] = 'x';
        assertThat(copied.bytes()[0]).isEqualTo((byte) '<');
        assertThat(owned.view().get(0)).isEqualTo((byte) 'x');
        assertThat(copied).isNotEqualTo(owned);
    }

    @Test
    void readersGetACopyOrAReadOnlyView() {
        OutputFile file = OutputFile.owning("feed.xml", new byte[] {1, 2, 3});
        file.bytes()[0] = 9;
        assertThat(file.bytes()).containsExactly(1, 2, 3);
        assertThat(file.view().isReadOnly()).isTrue();
        assertThat(file.size()).isEqualTo(3);
        assertThat(file).isEqualTo(new OutputFile("feed.xml", new byte[] {1, 2, 3}))
                .hasSameHashCodeAs(new OutputFile("feed.xml", new byte[] {1, 2, 3}));
    }

    @Test
    void pathsStayInsideTheSite() {
        for (String path : new String[] {"", "/etc/passwd", "a/../b", "./a", "a//b", "a\\b", "a/."}) {
            assertThatThrownBy(() -> OutputFile.owning(path, new byte[0])).as(path)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new OutputFile(path, new byte[0])).as(path)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

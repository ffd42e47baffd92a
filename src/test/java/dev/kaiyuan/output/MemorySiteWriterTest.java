package dev.kaiyuan.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemorySiteWriterTest {
    private static OutputFile file(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWriteReplacesTheWholeSnapshotAndEarlierSnapshotsStayAsTheyWere() throws IOException {
        MemorySiteWriter writer = new MemorySiteWriter();
        assertThat(writer.snapshot()).isEmpty();

        writer.write(List.of(file("index.html", "one"), file("old/index.html", "gone next time")));
        Map<String, byte[]> first = writer.snapshot();
        writer.write(List.of(file("index.html", "two")));

        assertThat(first).containsOnlyKeys("index.html", "old/index.html");
        assertThat(new String(first.get("index.html"), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(writer.snapshot()).containsOnlyKeys("index.html");
        assertThat(new String(writer.snapshot().get("index.html"), StandardCharsets.UTF_8)).isEqualTo("two");
    }

    @Test
    void snapshotsCannotBeChanged() throws IOException {
        MemorySiteWriter writer = new MemorySiteWriter();
        writer.write(List.of(file("index.html", "one")));

        assertThatThrownBy(() -> writer.snapshot().put("x.html", new byte[0]))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void twoFilesForOnePathAreABugNotASilentOverwrite() throws IOException {
        MemorySiteWriter writer = new MemorySiteWriter();
        writer.write(List.of(file("index.html", "kept")));

        assertThatThrownBy(() -> writer.write(List.of(file("a.html", "1"), file("a.html", "2"))))
                .isInstanceOf(IOException.class).hasMessageContaining("a.html");
        assertThat(writer.snapshot()).containsOnlyKeys("index.html");
    }
}

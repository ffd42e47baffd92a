package dev.kaiyuan.build;

import static dev.kaiyuan.build.TestSites.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.output.MemorySiteWriter;
import dev.kaiyuan.postprocess.LiveReloadScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5: the live-reload script exists only in the preview; a published build never contains it. */
class PreviewOutputTest {
    static final String SCRIPT = "<script src=\"/__kaiyuan/reload.js\" defer data-kaiyuan=\"preview\"></script>";

    @TempDir
    Path project;

    @Test
    void buildOutputNeverMentionsThePreviewAndThePreviewDiffersOnlyByItsScript() throws Exception {
        write(project, "seeds/zh.md", "---\ntitle: 深度求索发布开源模型\ndate: 2025-01-20\ntags: [开源]\n---\n深度求索发布了开源模型。\n");
        write(project, "seeds/en.md", "---\ntitle: Open weights\ndate: 2025-08-05\nlang: en\n---\nOpen weights again.\n");
        BuildRequest request = BuildRequest.of(project);

        BuildResult built = Build.run(request);
        MemorySiteWriter memory = new MemorySiteWriter();
        BuildResult previewed = Build.run(request, memory, List.of(new LiveReloadScript()));

        assertThat(built.succeeded()).as(built.diagnostics().toString()).isTrue();
        assertThat(previewed.succeeded()).isTrue();
        Map<String, byte[]> site = TestSites.snapshot(request.out());
        Map<String, byte[]> preview = TestSites.bytes(memory.snapshot());
        assertThat(preview.keySet()).isEqualTo(site.keySet());
        site.forEach((path, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).as(path).doesNotContain("__kaiyuan");
            String shown = new String(preview.get(path), StandardCharsets.UTF_8);
            if (path.endsWith(".html")) {
                assertThat(shown).as(path).containsOnlyOnce(SCRIPT);
                assertThat(shown.replace(SCRIPT, "")).as(path).isEqualTo(text);
            } else {
                assertThat(shown).as(path).isEqualTo(text);
            }
        });
    }
}

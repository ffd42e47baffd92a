package dev.kaiyuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.build.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site too large for the heap Java was given: a clear message, exit code 3, the last site kept. */
class OutOfMemoryTest {
    @TempDir
    Path project;

    @Test
    void aBuildThatRunsOutOfHeapSaysHowToGiveItMore() throws IOException, InterruptedException {
        // Articles whose bodies together are far larger than the 48 MiB heap of the JVM below: 64 of
        // 240,000 characters, held as UTF-8 (3 bytes each) twice, as markup and as text, are 92 MB.
        // (Twelve sufficed while the search index made a string of every term of a text.)
        String body = "开源模型的权重与许可证。".repeat(20_000);
        for (int i = 0; i < 64; i++) {
            TestSites.write(project, "seeds/a" + i + ".md", "---\ntitle: A" + i + "\ndate: 2025-01-0" + (i % 9 + 1)
                    + "\n---\n" + body + "\n");
        }
        Path site = TestSites.write(project, "site/index.html", "the last good site").getParent();

        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "build", "--no-cache",
                "--project", project.toString()).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(java.exitValue()).as(output).isEqualTo(ExitCode.INTERNAL);
        assertThat(output).contains("kaiyuan: error: out of memory: the site needs more than the",
                "give Java more, e.g. KAIYUAN_JAVA_OPTS=-Xmx2g target/kaiyuan").doesNotContain("\tat ");
        try (var files = Files.list(site)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("index.html");
        }
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("the last good site");
    }

    @Test
    void theAdviceDoublesTheHeapInWholeGibibytes() {
        assertThat(BuildOptions.outOfMemoryMessage(3L << 30).get(1)).contains("KAIYUAN_JAVA_OPTS=-Xmx6g target/kaiyuan", "java -Xmx6g -jar");
        assertThat(BuildOptions.outOfMemoryMessage(700L << 20).get(0)).contains("700 MiB");
        assertThat(BuildOptions.outOfMemoryMessage(700L << 20).get(1)).contains("-Xmx2g");
    }
}

package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kaiyuan.testing.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a harness of src/test/resources/search/ in Node on a built site's index and search script. */
final class NodeHarness {
    private NodeHarness() {
    }

    /** The harness's output, JSON; skips the test where node is not on the PATH. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> run(Path site, String harness, String... args) throws Exception {
        assumeTrue(available(), "node is not on the PATH: the browser-side search tests are skipped");
        List<String> command = new ArrayList<>(List.of("node", Path.of("src/test/resources/search", harness).toString(),
                site.resolve(SearchIndexProducer.PATH).toString(), site.resolve("assets/search.js").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s exit code; output: %s", harness, out).isZero();
        return (Map<String, Object>) StrictJson.parse(out);
    }

    private static boolean available() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

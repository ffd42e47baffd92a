package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with the cache lists its seeds on a thread of its own while the cache loads: what the
 * listing reports counts as in a build without it, also past the number of diagnostics kept.
 */
class SeedListingTest {
    @TempDir
    Path project;

    @Test
    void whatTheListingReportsCountsAsInABuildWithoutTheCacheEvenPastTheLimit() {
        TestSites.write(project, "seeds/good.md", "---\ntitle: Good\ndate: 2025-09-01\nlang: en\n---\nA good article.\n");
        for (int n = 0; n < 1005; n++) {
            TestSites.write(project, "seeds/notes/n" + n + ".docx", "not an article");
        }

        BuildResult cold = Build.run(BuildRequest.of(project), false, note -> { });
        BuildResult first = Build.run(BuildRequest.of(project), true, note -> { });
        BuildResult cached = Build.run(BuildRequest.of(project), true, note -> { });

        assertThat(cold.warnings()).isGreaterThan(1005);
        assertThat(cold.dropped()).isPositive();
        for (BuildResult withCache : new BuildResult[] {first, cached}) {
            assertThat(withCache.succeeded()).isTrue();
            assertThat(withCache.warnings()).isEqualTo(cold.warnings());
            assertThat(withCache.dropped()).isEqualTo(cold.dropped());
            assertThat(withCache.diagnostics()).isEqualTo(cold.diagnostics());
        }
    }
}

package dev.kaiyuan.diag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.SourceRef;
import org.junit.jupiter.api.Test;

class DiagnosticSinkTest {
    private static Diagnostic warning(int n) {
        return Diagnostic.warning("test.warning", SourceRef.file("seeds/w" + n + ".docx"), "warning " + n, "", "");
    }

    @Test
    void anotherSinksDiagnosticsPassOnWithWhatItCountedPastItsLimit() {
        DiagnosticSink small = new DiagnosticSink(2);
        for (int n = 0; n < 5; n++) {
            small.report(warning(n));
        }
        small.report(Diagnostic.error("test.error", SourceRef.file("seeds/e.md"), "broken", "", ""));
        DiagnosticSink build = new DiagnosticSink();
        build.report(warning(9));

        build.reportAll(small);

        assertThat(build.warningCount()).isEqualTo(6);
        assertThat(build.errorCount()).isEqualTo(1);
        assertThat(build.sorted()).extracting(Diagnostic::title).containsExactly("warning 0", "warning 1", "warning 9");
        assertThat(build.dropped()).isEqualTo(4);
    }
}

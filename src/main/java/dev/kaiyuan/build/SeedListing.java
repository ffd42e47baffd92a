package dev.kaiyuan.build;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.ingest.ArticleReader;
import dev.kaiyuan.model.ArticleBody;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The seed files of a disk build, listed on a thread of their own from when it starts, and the
 * time by the files' clock taken before they were (see {@link Build#fileSystemNow}); the diagnostics
 * listing them gave are reported into the build's sink when it takes the files.
 */
final class SeedListing {
    private final long startNanos;
    private final DiagnosticSink diagnostics = new DiagnosticSink();
    private final Background<List<SeedFile>> files;

    private SeedListing(Path project) {
        this.startNanos = Build.fileSystemNow(project);
        // (which files are articles does not depend on the configuration's time zone)
        List<String> extensions = new ArticleReader(ZoneOffset.UTC, ArticleBody.Packing.PLAIN).readers().extensions();
        this.files = Background.start("kaiyuan-seed-listing", "the seeds were listed",
                () -> ProjectFiles.seeds(project, extensions, diagnostics));
    }

    /** Starts listing {@code project}'s seeds, after taking the time by the files' clock. */
    static SeedListing start(Path project) {
        return new SeedListing(project);
    }

    /** The seed files in path order; what listing them reported goes into {@code sink}. */
    List<SeedFile> files(DiagnosticSink sink) throws IOException {
        List<SeedFile> listed = files.take();
        // (with the count of those past the listing's limit, which it did not keep)
        sink.reportAll(diagnostics);
        return listed;
    }

    /** The time by the files' clock taken before the seeds were listed. */
    long startNanos() {
        return startNanos;
    }

    /** Waits until the listing is over, however it ended (or until this thread is interrupted). */
    void awaitQuietly() {
        files.awaitQuietly();
    }
}

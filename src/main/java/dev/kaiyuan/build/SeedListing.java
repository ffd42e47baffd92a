package dev.kaiyuan.build;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.ingest.ArticleReader;
import dev.kaiyuan.model.ArticleBody;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The seed files of a disk build, listed on a thread of their own from when it starts, and the
 * time by the files' clock taken before they were (see {@link Build#fileSystemNow}); the diagnostics
 * listing them gave are reported into the build's sink when it takes the files.
 */
final class SeedListing {
    private final long startNanos;
    private final DiagnosticSink diagnostics = new DiagnosticSink();
    private final FutureTask<List<SeedFile>> files;

    private SeedListing(Path project) {
        this.startNanos = Build.fileSystemNow(project);
        // (which files are articles does not depend on the configuration's time zone)
        List<String> extensions = new ArticleReader(ZoneOffset.UTC, ArticleBody.Packing.PLAIN).readers().extensions();
        this.files = new FutureTask<>(() -> ProjectFiles.seeds(project, extensions, diagnostics));
    }

    /** Starts listing {@code project}'s seeds, after taking the time by the files' clock. */
    static SeedListing start(Path project) {
        SeedListing listing = new SeedListing(project);
        Thread thread = new Thread(listing.files, "kaiyuan-seed-listing");
        thread.setDaemon(true);
        thread.start();
        return listing;
    }

    /** The seed files in path order; what listing them reported goes into {@code sink}. */
    List<SeedFile> files(DiagnosticSink sink) throws IOException {
        try {
            List<SeedFile> listed = files.get();
            // (with the count of those past the listing's limit, which it did not keep)
            sink.reportAll(diagnostics);
            return listed;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the seeds were listed", e);
        }
    }

    /** The time by the files' clock taken before the seeds were listed. */
    long startNanos() {
        return startNanos;
    }

    /** Waits until the listing is over, however it ended (or until this thread is interrupted). */
    void awaitQuietly() {
        try {
            files.get();
        } catch (ExecutionException | InterruptedException | CancellationException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

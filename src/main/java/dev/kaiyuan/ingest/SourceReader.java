package dev.kaiyuan.ingest;

import dev.kaiyuan.diag.DiagnosticSink;

/**
 * Turns one kind of seed body into clean article content. Readers are registered in code
 * ({@link SourceReaders#defaults}), chosen by file extension, and never throw on bad content:
 * they report to the sink and return what they could read.
 */
public interface SourceReader {
    /** Lower-case file extensions this reader takes, without the dot. */
    java.util.Set<String> extensions();

    BodyResult read(SourceText text, DiagnosticSink sink);
}

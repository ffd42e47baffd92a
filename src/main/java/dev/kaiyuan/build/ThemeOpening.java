package dev.kaiyuan.build;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.render.TemplateEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The build's theme and its template engine, opened on a thread of their own from when the build
 * has its configuration, while the articles are read (opening the packaged theme's jar and making
 * FreeMarker's configuration took a one-article build's main thread 34 ms); the diagnostics opening
 * it gave are reported into the build's sink when the build takes it.
 */
final class ThemeOpening {
    /** An opened theme and the engine that renders its templates. */
    record Opened(Theme theme, TemplateEngine engine) {
    }

    private final DiagnosticSink diagnostics = new DiagnosticSink();
    private final Background<Optional<Opened>> opened;

    private ThemeOpening(Path project, Optional<String> engine) {
        this.opened = Background.start("kaiyuan-theme", "the theme was opened",
                () -> Theme.open(project, engine, diagnostics).map(theme -> new Opened(theme, theme.engine())));
    }

    /** Starts opening {@code project}'s theme, for the engine asked for if any. */
    static ThemeOpening start(Path project, Optional<String> engine) {
        return new ThemeOpening(project, engine);
    }

    /**
     * The theme and its engine; empty when the project's templates are unusable, which opening
     * them reported into {@code sink}.
     */
    Optional<Opened> take(DiagnosticSink sink) throws IOException {
        Optional<Opened> theme = opened.take();
        sink.reportAll(diagnostics);
        return theme;
    }

    /** Waits until the theme is opened, or failed to be (or until this thread is interrupted). */
    void awaitQuietly() {
        opened.awaitQuietly();
    }
}

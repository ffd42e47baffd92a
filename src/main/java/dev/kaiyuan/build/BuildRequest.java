package dev.kaiyuan.build;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build.
 *
 * @param project folder holding {@code seeds/}, optionally {@code templates/} and {@code kaiyuan.yaml}
 * @param out     output folder, replaced only when the build succeeds
 * @param drafts  include articles marked {@code draft: true}
 * @param strict  treat warnings as errors
 * @param baseUrl overrides the config's {@code base_url}
 * @param engine  overrides the config's {@code engine}
 * @param clock   what "now" is, for the warning about articles dated in the future; without it
 *                (tests, whose articles must not change with the day they run) none is checked.
 *                Nothing the build writes depends on it.
 */
public record BuildRequest(Path project, Path out, boolean drafts, boolean strict, Optional<String> baseUrl,
        Optional<String> engine, Optional<Clock> clock) {
    public BuildRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(clock, "clock");
    }

    /** A request without a clock. */
    public BuildRequest(Path project, Path out, boolean drafts, boolean strict, Optional<String> baseUrl,
            Optional<String> engine) {
        this(project, out, drafts, strict, baseUrl, engine, Optional.empty());
    }

    /** This request, with {@code clock} telling what "now" is. */
    public BuildRequest withClock(Clock clock) {
        return new BuildRequest(project, out, drafts, strict, baseUrl, engine, Optional.of(clock));
    }

    public static BuildRequest of(Path project) {
        return new BuildRequest(project, project.resolve("site"), false, false, Optional.empty(), Optional.empty());
    }
}

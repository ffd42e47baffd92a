package dev.kaiyuan.build;

import java.nio.file.Path;
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
 */
public record BuildRequest(Path project, Path out, boolean drafts, boolean strict, Optional<String> baseUrl,
        Optional<String> engine) {
    public BuildRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(engine, "engine");
    }

    public static BuildRequest of(Path project) {
        return new BuildRequest(project, project.resolve("site"), false, false, Optional.empty(), Optional.empty());
    }
}

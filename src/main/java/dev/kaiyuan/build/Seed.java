package dev.kaiyuan.build;

import dev.kaiyuan.model.SourceFile;
import java.util.Optional;

/** An article file with its optional {@code NAME.meta.yaml} sidecar. */
record Seed(SourceFile file, Optional<SourceFile> sidecar) {
}

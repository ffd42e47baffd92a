package dev.kaiyuan.build;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a seed is, before it is read: its file, its project-relative path (forward slashes), its
 * optional {@code NAME.meta.yaml} sidecar, and how both looked when listed (empty when either is a
 * symbolic link, whose own stamp says nothing of its target). The read stage reads each one's
 * bytes, hashes them and lets them go, so that a rebuild does not hold every seed's bytes at once
 * (900 MB at 100,000 articles, beside the cache it loaded).
 */
record SeedFile(Path file, String path, Optional<Path> sidecar, Optional<BuildCache.SeedStamp> stamp) {
}

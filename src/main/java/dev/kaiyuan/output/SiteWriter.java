package dev.kaiyuan.output;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.util.List;

/** Where a finished build goes: a new site is written file by file into a {@link SiteOutput}, then committed. */
public interface SiteWriter {
    /** Starts a new site; the current one stays until the new one is committed. */
    SiteOutput open() throws IOException;

    /** Writes a whole site at once: every file, then the commit. */
    default void write(List<OutputFile> files) throws IOException {
        try (SiteOutput out = open()) {
            for (OutputFile file : files) {
                out.put(file);
            }
            out.commit();
        }
    }
}

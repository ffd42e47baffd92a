package dev.kaiyuan.output;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.util.List;

/** Where a finished build goes. */
public interface SiteWriter {
    void write(List<OutputFile> files) throws IOException;
}

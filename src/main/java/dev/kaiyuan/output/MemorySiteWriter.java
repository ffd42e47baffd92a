package dev.kaiyuan.output;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the site in memory, for the preview server. Each {@link #write} builds a complete new
 * snapshot and then swaps it in with one atomic reference update, so a reader sees either the
 * whole previous site or the whole new one, never a half-written page. A build that fails never
 * calls {@code write}, so the last good site stays.
 *
 * <p>The snapshot map is unmodifiable; the byte arrays in it are private copies that this class
 * never changes, and readers must not change them either (copying every page for every request
 * would be waste for a local preview).
 */
public final class MemorySiteWriter implements SiteWriter {
    private final AtomicReference<Map<String, byte[]>> current = new AtomicReference<>(Map.of());

    @Override
    public void write(List<OutputFile> files) throws IOException {
        Map<String, byte[]> next = new TreeMap<>();
        for (OutputFile file : files) {
            if (next.put(file.path(), file.bytes()) != null) {
                throw new IOException("two files for one path: " + file.path());
            }
        }
        current.set(java.util.Collections.unmodifiableMap(next));
    }

    /** The last written site by path ({@code articles/x/index.html}); empty before the first write. */
    public Map<String, byte[]> snapshot() {
        return current.get();
    }
}

package dev.kaiyuan.output;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the site in memory, for the preview server. Each {@link #open} collects a complete new
 * snapshot and its commit swaps it in with one atomic reference update, so a reader sees either the
 * whole previous site or the whole new one, never a half-written page. A build that fails never
 * commits, so the last good site stays.
 *
 * <p>The snapshot map is unmodifiable; the byte arrays in it are private copies that this class
 * never changes, and readers must not change them either (copying every page for every request
 * would be waste for a local preview).
 */
public final class MemorySiteWriter implements SiteWriter {
    private final AtomicReference<Map<String, byte[]>> current = new AtomicReference<>(Map.of());

    @Override
    public SiteOutput open() {
        return new SiteOutput() {
            private final Map<String, byte[]> next = new TreeMap<>();
            private boolean done;

            @Override
            public synchronized void put(OutputFile file) throws IOException {
                if (done) {
                    throw new IOException("the site was already committed or closed");
                }
                if (next.put(file.path(), file.bytes()) != null) {
                    throw new IOException("two files for one path: " + file.path());
                }
            }

            @Override
            public synchronized void commit() throws IOException {
                if (done) {
                    throw new IOException("the site was already committed or closed");
                }
                done = true;
                current.set(Collections.unmodifiableMap(next));
            }

            @Override
            public synchronized void close() {
                done = true;
            }
        };
    }

    /** The last written site by path ({@code articles/x/index.html}); empty before the first write. */
    public Map<String, byte[]> snapshot() {
        return current.get();
    }
}

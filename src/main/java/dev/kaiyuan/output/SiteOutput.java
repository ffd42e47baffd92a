package dev.kaiyuan.output;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.util.Map;

/**
 * One site being written, file by file, as a build produces them: nothing of it is visible until
 * {@link #commit}, and closing it without a commit throws it away, leaving the last good site as it
 * was. {@link #put} and {@link #keep} may be called from several threads at once; the order of the
 * calls does not change the result.
 */
public interface SiteOutput extends AutoCloseable {
    /**
     * Adds one file to the new site.
     *
     * @throws IOException also when the site already has a file at that path (a bug, not a choice)
     */
    void put(OutputFile file) throws IOException;

    /**
     * Adds the current site's file at {@code path} to the new site as it is (same bytes; on disk,
     * same modification time), provided it still has the stamp it had when it was written.
     *
     * @return false when the current site has no such file any more: then {@link #put} the file
     */
    default boolean keep(String path, FileStamp written) throws IOException {
        return false;
    }

    /**
     * Makes the new site the current one: in one step, or by moving its changed files into place at
     * the end, which a build killed meanwhile can leave half done (the next build puts that right).
     */
    void commit() throws IOException;

    /** How each file of the new site looked when it was put or kept, in no order; empty when the output cannot keep files. */
    default Map<String, FileStamp> stamps() {
        return Map.of();
    }

    /**
     * After the commit, the folders of the site whose entries a next commit may take as they are,
     * without listing them, while they keep these stamps ({@link DiskSiteWriter}); empty before the
     * commit, or when the output keeps no folders on disk.
     */
    default Map<String, FolderStamp> folders() {
        return Map.of();
    }

    /** Throws the new site away unless it was committed. */
    @Override
    void close() throws IOException;
}

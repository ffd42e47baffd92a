package dev.kaiyuan.model;

import java.util.Objects;

/**
 * A place in a project file: path relative to the project, 1-based line and column.
 * Line or column 0 means "not known"; columns count Unicode code points.
 */
public record SourceRef(String path, int line, int column) {
    public SourceRef {
        Objects.requireNonNull(path, "path");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative position " + line + ":" + column);
        }
    }

    public static SourceRef file(String path) {
        return new SourceRef(path, 0, 0);
    }

    public SourceRef at(int newLine, int newColumn) {
        return new SourceRef(path, newLine, newColumn);
    }

    /** {@code path:line:col}, leaving out the parts that are not known. */
    @Override
    public String toString() {
        if (line == 0) {
            return path;
        }
        return column == 0 ? path + ":" + line : path + ":" + line + ":" + column;
    }
}

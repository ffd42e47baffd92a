package dev.kaiyuan.render;

import java.io.Writer;

/**
 * Where a template engine writes a page: a {@link Writer} on a {@link StringBuilder}.
 * {@link java.io.StringWriter} appends to a {@link StringBuffer}, which takes its lock for every
 * piece a template writes, and a page is made by one thread.
 */
public final class PageWriter extends Writer {
    /** An article page is 10–20 KB; starting there spares most of the copies of growing. */
    private static final int START = 16 * 1024;
    private final StringBuilder page = new StringBuilder(START);

    @Override
    public void write(int c) {
        page.append((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) {
        page.append(chars, off, len);
    }

    @Override
    public void write(String s) {
        page.append(s);
    }

    @Override
    public void write(String s, int off, int len) {
        page.append(s, off, off + len);
    }

    @Override
    public Writer append(CharSequence s) {
        page.append(s);
        return this;
    }

    @Override
    public Writer append(CharSequence s, int start, int end) {
        page.append(s, start, end);
        return this;
    }

    @Override
    public Writer append(char c) {
        page.append(c);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** The page written. */
    @Override
    public String toString() {
        return page.toString();
    }
}

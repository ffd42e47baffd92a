package dev.kaiyuan.render;

/** Where a paginated list is: page {@code page} of {@code pages}; neighbour urls are site paths or "". */
public record Pager(int page, int pages, String previousUrl, String nextUrl) {
    public static final Pager SINGLE = new Pager(1, 1, "", "");
}

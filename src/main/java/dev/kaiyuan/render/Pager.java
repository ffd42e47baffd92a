package dev.kaiyuan.render;

/**
 * Where a paginated list is: a position to show ("2 / 5" on the home pages, the span of dates on a
 * tag's page, or "") and the newer and older neighbours' urls (site paths, or "" at either end).
 */
public record Pager(String position, String previousUrl, String nextUrl) {
    public static final Pager SINGLE = new Pager("", "", "");
}

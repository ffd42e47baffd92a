package dev.kaiyuan.postprocess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One change to a page's text: the characters from {@code from} to {@code to} (exclusive) replaced
 * by {@code text}; an insertion where the two are equal.
 */
public record PageEdit(int from, int to, String text) {
    public PageEdit {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("an edit from " + from + " to " + to);
        }
    }

    /** {@code text} put at {@code at}. */
    public static PageEdit insert(int at, String text) {
        return new PageEdit(at, at, text);
    }

    /**
     * The page with the edits made, all of them placed in the page as given; empty when two of them
     * overlap or one reaches past the page's end. Insertions at the same place go in the order given.
     */
    public static Optional<String> make(String html, List<PageEdit> edits) {
        if (edits.isEmpty()) {
            return Optional.of(html);
        }
        return inOrder(html, edits).map(inOrder -> {
            int grows = 0;
            for (PageEdit e : inOrder) {
                grows += e.text.length() - (e.to - e.from);
            }
            StringBuilder out = new StringBuilder(html.length() + Math.max(0, grows));
            int copied = 0;
            for (PageEdit e : inOrder) {
                out.append(html, copied, e.from).append(e.text);
                copied = e.to;
            }
            return out.append(html, copied, html.length()).toString();
        });
    }

    /** The UTF-8 of what {@link #make} gives, made without making that string first. */
    static Optional<byte[]> utf8(String html, List<PageEdit> edits) {
        return inOrder(html, edits).map(inOrder -> {
            Utf8Pieces pieces = new Utf8Pieces();
            int copied = 0;
            for (PageEdit e : inOrder) {
                pieces.add(html, copied, e.from).add(e.text);
                copied = e.to;
            }
            return pieces.add(html, copied, html.length()).bytes();
        });
    }

    /** The edits in page order (insertions at one place as given), or empty when two overlap or one reaches past the end. */
    private static Optional<List<PageEdit>> inOrder(String html, List<PageEdit> edits) {
        List<PageEdit> inOrder = new ArrayList<>(edits);
        // a stable sort: insertions at one place keep their order
        inOrder.sort(Comparator.comparingInt(PageEdit::from));
        int copied = 0;
        for (PageEdit e : inOrder) {
            if (e.from < copied || e.to > html.length()) {
                return Optional.empty();
            }
            copied = e.to;
        }
        return Optional.of(inOrder);
    }
}

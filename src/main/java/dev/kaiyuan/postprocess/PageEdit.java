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
        List<PageEdit> inOrder = new ArrayList<>(edits);
        // a stable sort: insertions at one place keep their order
        inOrder.sort(Comparator.comparingInt(PageEdit::from));
        int grows = 0;
        int copied = 0;
        for (PageEdit e : inOrder) {
            if (e.from < copied || e.to > html.length()) {
                return Optional.empty();
            }
            grows += e.text.length() - (e.to - e.from);
            copied = e.to;
        }
        StringBuilder out = new StringBuilder(html.length() + Math.max(0, grows));
        copied = 0;
        for (PageEdit e : inOrder) {
            out.append(html, copied, e.from).append(e.text);
            copied = e.to;
        }
        return Optional.of(out.append(html, copied, html.length()).toString());
    }
}

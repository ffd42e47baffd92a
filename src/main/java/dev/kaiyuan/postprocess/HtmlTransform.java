package dev.kaiyuan.postprocess;

import org.jsoup.nodes.Document;

/** One small change to a rendered page, applied in place to the parsed document. */
public interface HtmlTransform {
    void apply(Document page);

    /**
     * False only when {@link #apply} would surely leave a page with this {@link PageScan} as it is;
     * when no transform of a chain may change a page, it is not parsed at all. True unless a
     * transform knows better.
     */
    default boolean mayChange(PageScan page) {
        return true;
    }
}

package dev.kaiyuan.postprocess;

import org.jsoup.nodes.Document;

/** One small change to a rendered page, applied in place to the parsed document. */
public interface HtmlTransform {
    void apply(Document page);
}

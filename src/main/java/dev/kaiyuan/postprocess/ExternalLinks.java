package dev.kaiyuan.postprocess;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Links that leave the site get {@code rel="noopener noreferrer"}: the linked page cannot script
 * the digest's tab, and readers' visits are not announced to the linked site. Protocol-relative
 * links ({@code //host/path}) leave the site too.
 */
public final class ExternalLinks implements HtmlTransform {
    @Override
    public void apply(Document page) {
        for (Element a : page.select("a[href~=(?i)^\\s*(https?:)?//]")) {
            a.attr("rel", "noopener noreferrer");
        }
    }
}

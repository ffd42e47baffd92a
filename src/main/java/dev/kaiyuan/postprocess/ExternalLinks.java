package dev.kaiyuan.postprocess;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Links that leave the site get {@code rel="noopener noreferrer"}: the linked page cannot script
 * the digest's tab, and readers' visits are not announced to the linked site. Protocol-relative
 * links ({@code //host/path}) leave the site too.
 */
public final class ExternalLinks implements HtmlTransform {
    @Override
    public boolean mayChange(PageScan page) {
        return page.externalLinkWithoutRel();
    }

    @Override
    public void apply(Document page) {
        for (Element a : page.select("a[href~=(?i)^\\s*(https?:)?//]")) {
            Set<String> rel = new LinkedHashSet<>(Arrays.asList(a.attr("rel").strip().split("\\s+")));
            rel.remove("");
            rel.add("noopener");
            rel.add("noreferrer");
            a.attr("rel", String.join(" ", rel));
        }
    }
}

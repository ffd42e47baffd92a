package dev.kaiyuan.postprocess;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Ids must be unique in a page (HTML, "the id attribute"). An article's own ids (Markdown heading
 * ids, footnotes) may repeat an id of the theme, e.g. a heading "Content" next to the theme's
 * {@code <main id="content">}; the article's copy is renamed ({@code content-2}) and the article's
 * links to it follow.
 */
public final class UniqueIds implements HtmlTransform {
    /** Only an id inside the article body that repeats another is ever renamed. */
    @Override
    public boolean mayChange(PageScan page) {
        return page.bodyClass() && page.repeatedId();
    }

    @Override
    public void apply(Document page) {
        Set<String> seen = new HashSet<>();
        for (Element e : page.select("[id]")) {
            if (e.closest(".body") == null) {
                seen.add(e.id());
            }
        }
        Element body = page.selectFirst(".body");
        if (body == null) {
            return;
        }
        for (Element e : body.select("[id]")) {
            String id = e.id();
            if (seen.add(id)) {
                continue;
            }
            String renamed = free(id, seen);
            e.id(renamed);
            for (Element a : body.select("a[href]")) {
                if (a.attr("href").equals("#" + id)) {
                    a.attr("href", "#" + renamed);
                }
            }
        }
    }

    private static String free(String id, Set<String> seen) {
        int n = 2;
        while (!seen.add(id + "-" + n)) {
            n++;
        }
        return id + "-" + n;
    }
}

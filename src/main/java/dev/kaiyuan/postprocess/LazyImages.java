package dev.kaiyuan.postprocess;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Images in articles load lazily and decode off the main thread, so long digests stay fast. */
public final class LazyImages implements HtmlTransform {
    @Override
    public boolean mayChange(PageScan page) {
        return page.imageWithoutLoading();
    }

    @Override
    public void apply(Document page) {
        for (Element img : page.select("main img:not([loading])")) {
            img.attr("loading", "lazy").attr("decoding", "async");
        }
    }
}

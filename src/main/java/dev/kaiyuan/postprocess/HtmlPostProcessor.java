package dev.kaiyuan.postprocess;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * Parses a rendered page once, runs the transforms in order, serialises once. Pretty printing is
 * off: re-indenting inserts whitespace, and a space between two Chinese characters is visible.
 */
public final class HtmlPostProcessor {
    private final List<HtmlTransform> transforms;

    public HtmlPostProcessor(List<HtmlTransform> transforms) {
        this.transforms = List.copyOf(transforms);
    }

    /** The chain for a published build. */
    public static HtmlPostProcessor forBuild() {
        return forBuild("keep");
    }

    /** The chain for a published build, showing Chinese as {@code keep}, {@code hans} or {@code hant}. */
    public static HtmlPostProcessor forBuild(String chinese) {
        List<HtmlTransform> chain = new java.util.ArrayList<>(List.of(new ExternalLinks(), new LazyImages(),
                new UniqueIds()));
        if (!chinese.equals("keep")) {
            chain.add(new ChineseScript(chinese.equals("hant") ? "zh-Hant" : "zh-Hans"));
        }
        return new HtmlPostProcessor(chain);
    }

    /**
     * This chain followed by {@code more} (e.g. the preview's live-reload script), run on every page
     * after the chain's own transforms.
     */
    public HtmlPostProcessor followedBy(List<HtmlTransform> more) {
        List<HtmlTransform> chain = new java.util.ArrayList<>(transforms);
        chain.addAll(more);
        return new HtmlPostProcessor(chain);
    }

    public String process(String html) {
        return process(html, List.of());
    }

    /** With transforms for this page alone (e.g. entity links on an article) run before the chain. */
    public String process(String html, List<HtmlTransform> forThisPage) {
        Document page = Jsoup.parse(html);
        forThisPage.forEach(t -> t.apply(page));
        transforms.forEach(t -> t.apply(page));
        page.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        return page.outerHtml();
    }
}

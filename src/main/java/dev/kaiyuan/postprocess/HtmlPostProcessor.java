package dev.kaiyuan.postprocess;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Parses a rendered page once, runs the transforms in order, serialises once — or, when a
 * {@link PageScan} shows that no transform would change the page, leaves it as rendered. Pretty
 * printing is off: re-indenting inserts whitespace, and a space between two Chinese characters is
 * visible.
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
        List<HtmlTransform> chain = new ArrayList<>(List.of(new ExternalLinks(), new LazyImages(),
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
        List<HtmlTransform> chain = new ArrayList<>(transforms);
        chain.addAll(more);
        return new HtmlPostProcessor(chain);
    }

    public String process(String html) {
        return process(html, List.of());
    }

    /** With transforms for this page alone (e.g. entity links on an article) run before the chain. */
    public String process(String html, List<HtmlTransform> forThisPage) {
        return process(html, forThisPage, PageEdit::make, page -> page);
    }

    /** As {@link #process(String, List)}, in UTF-8: what a build writes, made without the page's string. */
    public byte[] processToUtf8(String html, List<HtmlTransform> forThisPage) {
        return process(html, forThisPage, PageEdit::utf8, page -> page.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page processed: with the edits made by {@code inText}, or parsed, transformed and written
     * again (then given to {@code written}).
     */
    private <T> T process(String html, List<HtmlTransform> forThisPage,
            BiFunction<String, List<PageEdit>, Optional<T>> inText, Function<String, T> written) {
        // A page no transform can change is left as rendered: parsing and writing it again would
        // cost more than everything else a large site's listing pages need.
        Optional<List<PageMarkup.Token>> markup = PageMarkup.read(html);
        PageScan scan = markup.map(PageScan::of).orElse(PageScan.ANYTHING);
        List<HtmlTransform> changing = Stream.concat(forThisPage.stream(), transforms.stream())
                .filter(t -> t.mayChange(scan)).toList();
        Optional<T> text = edits(html, markup, changing).flatMap(edits -> inText.apply(html, edits));
        if (text.isPresent()) {
            return text.get();
        }
        Document page = Jsoup.parse(html);
        forThisPage.forEach(t -> t.apply(page));
        transforms.forEach(t -> t.apply(page));
        HeadText.settle(page);
        return written.apply(page.outerHtml());
    }

    /**
     * The edits of the transforms done on the page's text ({@link HtmlTransform#edits}), taken from
     * the page as rendered and to be made together, so that its markup is read once; empty when its
     * markup could not be read or one of them needs the page parsed.
     */
    private static Optional<List<PageEdit>> edits(String html, Optional<List<PageMarkup.Token>> markup,
            List<HtmlTransform> changing) {
        if (markup.isEmpty()) {
            return Optional.empty();
        }
        List<PageEdit> edits = new ArrayList<>();
        for (HtmlTransform t : changing) {
            Optional<List<PageEdit>> own = t.edits(html, markup.get());
            if (own.isEmpty()) {
                return Optional.empty();
            }
            edits.addAll(own.get());
        }
        return Optional.of(edits);
    }
}

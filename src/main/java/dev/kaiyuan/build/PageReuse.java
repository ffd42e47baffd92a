package dev.kaiyuan.build;

import dev.kaiyuan.render.PageMemo;
import dev.kaiyuan.render.RenderException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The page memo of one build: gives back last build's HTML for a page rendered from the same
 * template and an equal view, renders the others, and remembers what each page was rendered from
 * so the build can keep it for the next one (only when asked to: the views of a large site are
 * large). One per build; safe for a renderer that renders pages in parallel.
 */
final class PageReuse implements PageMemo {
    /** What a page was rendered from. */
    record Source(String template, Object view) {
    }

    private final Map<String, BuildCache.Page> before;
    private final boolean remember;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final Queue<String> fresh = new ConcurrentLinkedQueue<>();
    private final AtomicInteger reused = new AtomicInteger();

    /** @param remember whether to keep what each page was rendered from, for {@link #source} */
    PageReuse(Map<String, BuildCache.Page> before, boolean remember) {
        this.before = before;
        this.remember = remember;
    }

    @Override
    public String render(String path, String template, Object view, Fresh render) throws RenderException {
        BuildCache.Page last = before.get(path);
        String html;
        if (last != null && last.renders(template, view)) {
            reused.incrementAndGet();
            html = last.html();
        } else {
            html = render.render();
            fresh.add(path);
        }
        if (remember) {
            sources.put(path, new Source(template, view));
        }
        return html;
    }

    /** What the page at {@code path} was rendered from; empty for files no template made. */
    Optional<Source> source(String path) {
        return Optional.ofNullable(sources.get(path));
    }

    /** Paths of the pages the engine rendered in this build, in path order. */
    List<String> fresh() {
        return fresh.stream().sorted().toList();
    }

    /** Pages given back from the last build without rendering. */
    int reused() {
        return reused.get();
    }
}

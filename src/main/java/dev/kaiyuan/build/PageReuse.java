package dev.kaiyuan.build;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.output.SiteOutput;
import dev.kaiyuan.render.ArticleCard;
import dev.kaiyuan.render.PageMemo;
import dev.kaiyuan.render.RenderException;
import dev.kaiyuan.render.SiteView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The page memo of one build: keeps last build's finished page, from the output, for a page whose
 * template and view hash as they did (or, for a page it can tell without building the view, the
 * inputs its view is made from), and renders the others; records each page's hash for the next
 * build. Only hashes are held, not views or HTML: at 10,000 articles the views and HTML the preview
 * used to hold for this were 500 MB. One per build; safe for a renderer that renders pages in
 * parallel.
 */
final class PageReuse implements PageMemo {
    /**
     * A build's way to keep pages without rendering them: last build's finished pages, the new
     * site's output (which takes a kept file from the old site: on disk or in the preview's memory),
     * and where to record each kept page's post-processing key for the next build.
     */
    record LastSite(Map<String, BuildCache.Written> written, SiteOutput out, Map<String, String> keys) {
    }

    /**
     * What an article's page is made from, by seed path, when a build knows: the hash its seed
     * was read with (bytes, sidecar, reader version) and the knowledge base's hash. The config is not
     * in it: a cache made with another config is never used.
     */
    record ArticleKeys(Map<String, String> readHashes, String knowledgeHash) {
    }

    private final Optional<LastSite> last;
    private final Optional<ArticleKeys> articleKeys;
    private final Map<String, String> views = new ConcurrentHashMap<>();
    private final Queue<String> fresh = new ConcurrentLinkedQueue<>();
    private final AtomicInteger reused = new AtomicInteger();
    /**
     * Each card's digest and the site view's, made once: a card is listed on many pages (150,000
     * times at 10,000 articles), the site view (with its two kilobytes of labels) is on every page,
     * each always the same instance. A view's hash takes their 16 bytes instead of their encoding.
     * Looked up by identity: a record's own hashCode reads all its strings.
     */
    private final Map<Same, byte[]> digests = new ConcurrentHashMap<>();

    /** An object, equal only to itself. */
    private record Same(Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /**
     * @param last        how the build keeps unchanged pages; empty renders every page
     * @param articleKeys what articles are made from, so that their pages can be kept unbuilt
     */
    PageReuse(Optional<LastSite> last, Optional<ArticleKeys> articleKeys) {
        this.last = last;
        this.articleKeys = last.isPresent() ? articleKeys : Optional.empty();
    }

    @Override
    public Optional<String> articleKey(Article article) {
        return articleKeys.flatMap(keys -> Optional.ofNullable(keys.readHashes().get(article.origin().path()))
                .map(read -> read + "\n" + keys.knowledgeHash()));
    }

    /** As {@link #kept}, with the hash of the template and {@code inputs} standing for the view's. */
    @Override
    public boolean keptUnbuilt(String path, String template, String inputs) {
        return last.isPresent() && keep(path, new Hashes().add("inputs").add(template).add(inputs).hex());
    }

    /**
     * A page whose template and view hash as last build's, and whose finished file the output still
     * holds as written, is kept as it is — taken into the new site, not rendered, not
     * post-processed. Every page's view hash is recorded for the next build.
     */
    @Override
    public boolean kept(String path, String template, Object view) {
        if (last.isEmpty()) {
            return false;
        }
        Optional<String> key = viewKey(template, view);
        return key.isPresent() && keep(path, key.get());
    }

    /** Records {@code key} as the page's view hash; true when last build's page had it and is kept. */
    private boolean keep(String path, String key) {
        views.put(path, key);
        BuildCache.Written was = last.get().written().get(path);
        try {
            if (was != null && was.view().equals(key) && last.get().out().keep(path, was.stamp())) {
                last.get().keys().put(path, was.key());
                if (path.endsWith(".html")) {
                    // a page; not a data file a producer keeps the same way (a search text script)
                    reused.incrementAndGet();
                }
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    /** The hash of each page's template and view, for the next build; "" for a page without one. */
    String view(String path) {
        return views.getOrDefault(path, "");
    }

    /**
     * A hash of the template name and the view record as {@link RecordCodec} writes it (views are
     * records of strings, numbers, lists and records); empty for a view it cannot write.
     */
    private Optional<String> viewKey(String template, Object view) {
        try {
            HashStream128 hash = Hashing.xxh3_128().hashStream();
            CodecOutput data = CodecOutput.to(hash);
            data.writeShortString(template);
            new RecordCodec.Writer(data, r -> r instanceof ArticleCard || r instanceof SiteView
                    ? digests.computeIfAbsent(new Same(r), same -> digest(r)) : null).write(view);
            data.flush();
            return Optional.of(HexFormat.of().formatHex(hash.get().toByteArray()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("hashing a view in memory", e);
        }
    }

    /** The hash (XXH3-128, as {@link Hashes}) of a record's encoding as a writer of its own writes it. */
    private static byte[] digest(Record card) {
        try {
            HashStream128 hash = Hashing.xxh3_128().hashStream();
            CodecOutput out = CodecOutput.to(hash);
            new RecordCodec.Writer(out).write(card);
            out.flush();
            return hash.get().toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders a page not {@link #kept}, and counts it as rendered. */
    @Override
    public String render(String path, String template, Object view, Fresh render) throws RenderException {
        String html = render.render();
        fresh.add(path);
        return html;
    }

    /** Paths of the pages the engine rendered in this build, in path order. */
    List<String> fresh() {
        return fresh.stream().sorted().toList();
    }

    /** Pages ({@code .html}) kept from the last build without rendering. */
    int reused() {
        return reused.get();
    }
}

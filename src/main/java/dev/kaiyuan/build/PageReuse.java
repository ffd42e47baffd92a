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
 * The page memo of one build: gives back last build's HTML for a page rendered from the same
 * template and an equal view, renders the others, and remembers what each page was rendered from
 * so the build can keep it for the next one (only when asked to: the views of a large site are
 * large). One per build; safe for a renderer that renders pages in parallel.
 */
final class PageReuse implements PageMemo {
    /** What a page was rendered from. */
    record Source(String template, Object view) {
    }

    /**
     * A disk build's way to keep pages without rendering them: last build's finished pages, the new
     * site's output (which links a kept file from the old site), and where to record each kept
     * page's post-processing key for the next build.
     */
    record OnDisk(Map<String, BuildCache.Written> written, SiteOutput out, Map<String, String> keys) {
    }

    /**
     * What an article's page is made from, by seed path, when a disk build knows: the hash its seed
     * was read with (bytes, sidecar, reader version) and the knowledge base's hash. The config is not
     * in it: a cache made with another config is never used.
     */
    record ArticleKeys(Map<String, String> readHashes, String knowledgeHash) {
    }

    private final Map<String, BuildCache.Page> before;
    private final boolean remember;
    private final Optional<OnDisk> disk;
    private final Optional<ArticleKeys> articleKeys;
    private final Map<String, String> views = new ConcurrentHashMap<>();
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
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

    /** @param remember whether to keep what each page was rendered from, for {@link #source} */
    PageReuse(Map<String, BuildCache.Page> before, boolean remember) {
        this(before, remember, Optional.empty(), Optional.empty());
    }

    /**
     * @param disk        how a disk build keeps unchanged pages; empty renders every page
     * @param articleKeys what articles are made from, so that their pages can be kept unbuilt (on disk)
     */
    PageReuse(Map<String, BuildCache.Page> before, boolean remember, Optional<OnDisk> disk,
            Optional<ArticleKeys> articleKeys) {
        this.before = before;
        this.remember = remember;
        this.disk = disk;
        this.articleKeys = disk.isPresent() ? articleKeys : Optional.empty();
    }

    @Override
    public Optional<String> articleKey(Article article) {
        return articleKeys.flatMap(keys -> Optional.ofNullable(keys.readHashes().get(article.origin().path()))
                .map(read -> read + "\n" + keys.knowledgeHash()));
    }

    /** As {@link #kept}, with the hash of the template and {@code inputs} standing for the view's. */
    @Override
    public boolean keptUnbuilt(String path, String template, String inputs) {
        return disk.isPresent() && keep(path, new Hashes().add("inputs").add(template).add(inputs).hex());
    }

    /**
     * On disk: a page whose template and view hash as last build's, and whose finished file is still
     * in the output folder as written, is kept as it is — linked into the new site, not rendered,
     * not post-processed. Every page's view hash is recorded for the next build.
     */
    @Override
    public boolean kept(String path, String template, Object view) {
        if (disk.isEmpty()) {
            return false;
        }
        Optional<String> key = viewKey(template, view);
        return key.isPresent() && keep(path, key.get());
    }

    /** Records {@code key} as the page's view hash; true when last build's page had it and is kept. */
    private boolean keep(String path, String key) {
        views.put(path, key);
        BuildCache.Written last = disk.get().written().get(path);
        try {
            if (last != null && last.view().equals(key) && disk.get().out().keep(path, last.stamp())) {
                disk.get().keys().put(path, last.key());
                reused.incrementAndGet();
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

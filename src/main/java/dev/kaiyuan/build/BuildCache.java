package dev.kaiyuan.build;

import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.Enrichment;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.output.FileStamp;
import dev.kaiyuan.output.FolderStamp;
import dev.kaiyuan.postprocess.HtmlTransform;
import dev.kaiyuan.search.DocumentTerms;
import dev.kaiyuan.search.MergedPostings;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What one build learnt that the next may reuse, as an immutable value: {@link Build#run} takes the
 * last one and returns the next. Every stage still runs on every build; a stage only skips work
 * whose inputs are the same as last time, so a cached build gives the same bytes as a cold one.
 * Nothing that produced a diagnostic is kept, except enrichments, which keep their diagnostics to
 * report them again, so every build reports every diagnostic.
 * Holds only what the last build used: deleted seeds and pages drop out.
 *
 * @param config    the configuration these results were made with; any change empties the cache
 * @param reads     read articles by seed path, keyed by a hash of the seed's bytes, its sidecar
 *                  and {@link #READER_VERSION}, or by the seed's stamp (see {@link Read})
 * @param knowledge the knowledge base, keyed by a hash of its files
 * @param enriched  enrichments and their diagnostics by seed path, keyed by the equal article and the
 *                  knowledge hash
 * @param render    what every page below was rendered with; any change drops {@code written}
 * @param written   every file of the site by site path as the build put it into its output (a folder,
 *                  or the preview's memory), pages and search text scripts keyed by a hash of their
 *                  post-processing inputs or of the inputs their producer named (kept on disk by
 *                  {@code build}, see {@link PersistentCache}; in memory by {@code serve})
 * @param folders   the site's folders whose stamps its commit vouched for ({@link
 *                  dev.kaiyuan.output.SiteOutput#folders}): the next commit need not list them
 * @param search    each article's search terms, keyed by a hash of the knowledge base, its title and its
 *                  text key
 * @param postings  the postings of the search index's first part as merged from them, for a next
 *                  build whose articles begin with the same ones
 */
public record BuildCache(Optional<SiteConfig> config, Map<String, Read> reads, Optional<Knowledge> knowledge,
        Map<String, Enriched> enriched, Optional<RenderInputs> render, Map<String, Written> written,
        Map<String, FolderStamp> folders, Map<String, DocumentTerms> search,
        Optional<Postings> postings) {
    /** Bump when the read stage (decode, clean, parse) changes what it makes of the same bytes. */
    static final String READER_VERSION = "read-3";
    /** Bump when enrichment changes what it makes of the same article. */
    static final String ENRICH_VERSION = "enrich-1";

    /** Nothing known: the next build does all the work. */
    public static final BuildCache EMPTY = new BuildCache(Optional.empty(), Map.of(), Optional.empty(), Map.of(),
            Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty());

    public BuildCache {
        Objects.requireNonNull(config, "config");
        reads = frozen(reads);
        Objects.requireNonNull(knowledge, "knowledge");
        enriched = frozen(enriched);
        Objects.requireNonNull(render, "render");
        written = frozen(written);
        folders = frozen(folders);
        search = frozen(search);
        Objects.requireNonNull(postings, "postings");
    }

    /**
     * {@code fresh}, a map its maker hands over and no longer changes, for a cache to keep as it is
     * instead of copying it: a rebuild at 10,000 articles loads maps of 10,000 reads and 26,000
     * written files and makes them again, and copying them took about 70 ms of its 2.2 s.
     */
    static <K, V> Map<K, V> handedOver(Map<K, V> fresh) {
        return new HandedOver<>(fresh);
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return map instanceof HandedOver<K, V> ? map : Map.copyOf(map);
    }

    /** A map read through an unmodifiable view of one nobody changes any more. */
    private static final class HandedOver<K, V> extends AbstractMap<K, V> {
        private final Map<K, V> map;

        HandedOver(Map<K, V> fresh) {
            // as Map.copyOf would: no null key or value
            fresh.forEach((k, v) -> {
                Objects.requireNonNull(k, "a key");
                Objects.requireNonNull(v, "a value");
            });
            this.map = Collections.unmodifiableMap(fresh);
        }

        @Override
        public V get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return map.entrySet();
        }

        @Override
        public Set<K> keySet() {
            return map.keySet();
        }

        @Override
        public Collection<V> values() {
            return map.values();
        }

        @Override
        public void forEach(BiConsumer<? super K, ? super V> action) {
            map.forEach(action);
        }
    }

    /** As read from {@link PersistentCache} for some other output folder: its files are not there. */
    BuildCache withoutWritten() {
        return new BuildCache(config, reads, knowledge, enriched, render, Map.of(), Map.of(), search, postings);
    }

    /** This cache when it was made with {@code current}, else an empty one. */
    BuildCache forConfig(SiteConfig current) {
        return config.equals(Optional.of(current)) ? this : EMPTY;
    }

    /**
     * A seed read without diagnostics.
     *
     * @param hash    of the seed's path, bytes, sidecar and the reader version
     * @param article empty when the seed is not an article (never, today: such seeds have errors)
     * @param stamp   the seed's (and sidecar's) size and modification time when it was read, if they
     *                were settled (see {@link SeedStamp#settledBefore}): while the seed still has
     *                this stamp, the next build takes this read without reading its bytes
     */
    public record Read(String hash, Optional<Article> article, Optional<SeedStamp> stamp) {
        public Read {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(stamp, "stamp");
        }
    }

    /**
     * How a seed and its sidecar (if it has one) looked when listed: size and modification time, the
     * quick check make, rsync and git's index rely on to skip reading unchanged files. Reading the
     * bytes of 10,000 seeds (100 MB) took 0.25 s of a 2.3 s rebuild; listing them with their stamps
     * takes 0.03 s. A fresh checkout gives every file a new time, so a CI job that clones the project
     * reads every seed again (and still reuses what the bytes' hashes match).
     */
    public record SeedStamp(FileStamp seed, Optional<FileStamp> sidecar) {
        /**
         * A file saved again within the same tick of its file system's clock (2 s on FAT, a few
         * milliseconds on ext4) keeps its time, and with the same size its stamp: so only a stamp
         * older than the build that read the file by a margin wider than that tick is trusted, as git
         * does for "racily clean" entries. The build's start is taken by the same clock as the
         * files' times ({@code Build.fileSystemNow}), so a file written since has a later time.
         */
        static final long MARGIN_NANOS = 3_000_000_000L;

        public SeedStamp {
            Objects.requireNonNull(seed, "seed");
            Objects.requireNonNull(sidecar, "sidecar");
        }

        /**
         * True when both files were last modified at least {@link #MARGIN_NANOS} before
         * {@code startNanos} (epoch, by the files' clock; {@link Long#MIN_VALUE}: never).
         */
        boolean settledBefore(long startNanos) {
            if (startNanos == Long.MIN_VALUE) {
                return false;
            }
            return seed.modifiedNanos() < startNanos - MARGIN_NANOS
                    && sidecar.map(s -> s.modifiedNanos() < startNanos - MARGIN_NANOS).orElse(true);
        }
    }

    /** The search index's postings, merged under the knowledge base of this hash (its names split the text). */
    public record Postings(String knowledgeHash, MergedPostings merged) {
        public Postings {
            Objects.requireNonNull(knowledgeHash, "knowledgeHash");
            Objects.requireNonNull(merged, "merged");
        }
    }

    /** The knowledge base read without diagnostics from files with this hash. */
    public record Knowledge(String hash, Gazetteer gazetteer) {
        public Knowledge {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(gazetteer, "gazetteer");
        }
    }

    /**
     * An article enriched with the knowledge base of this hash, and the diagnostics enriching it gave
     * (all of them: none was dropped), reported again whenever the enrichment is reused.
     */
    public record Enriched(Article article, String knowledgeHash, Enrichment enrichment,
            List<Diagnostic> diagnostics) {
        public Enriched {
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(knowledgeHash, "knowledgeHash");
            Objects.requireNonNull(enrichment, "enrichment");
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * What every page depends on besides its own view: the theme (a hash of every template and
     * asset file), the knowledge base (entity links), and the preview's extra transforms, compared
     * by equality (a transform without value equality never matches, so nothing is reused).
     */
    public record RenderInputs(String templates, String knowledgeHash, List<HtmlTransform> preview) {
        public RenderInputs {
            Objects.requireNonNull(templates, "templates");
            Objects.requireNonNull(knowledgeHash, "knowledgeHash");
            preview = List.copyOf(preview);
        }
    }

    /**
     * A file of the site as a build put it into its output: a finished page, a data file, an asset.
     * When a page's template and view (or a data file's inputs, as its producer named them) hash to
     * {@code view} again, or a page's post-processing inputs to {@code key}, and the output (the
     * output folder, or the preview's site in memory) still holds the file with this stamp, that
     * file is the page: it is taken as it is, neither rendered (for an equal view) nor
     * post-processed nor written again. A file with neither (an
     * asset) is kept all the same: the next build's commit knows from these what the site has.
     *
     * @param key   hash of the page's path, its HTML before post-processing and its head facts; "" for a
     *              data file or an asset
     * @param view  hash of its template name and view record (or of the inputs a producer named), or ""
     *              when the view could not be hashed
     * @param stamp size and modification time of the file written (in memory: size and put number)
     */
    public record Written(String key, String view, FileStamp stamp) {
        public Written {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(stamp, "stamp");
        }
    }
}

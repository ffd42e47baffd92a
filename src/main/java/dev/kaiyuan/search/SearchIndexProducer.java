package dev.kaiyuan.search;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.render.RenderedPage;
import dev.kaiyuan.render.SiteContext;
import dev.kaiyuan.render.SiteFileProducer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.RandomAccess;
import java.util.SortedSet;
import java.util.function.Consumer;

/**
 * Writes {@code search/index.js}, the index the search page ({@code search/index.html}) queries in
 * the browser: every article (title and plain text), tokenised with the knowledge base's names as a
 * dictionary, its documents ({@code search/docs/…}) and postings ({@code search/terms/…}) in
 * scripts by part; and beside it each article's text script ({@code search/text/…}), for the
 * snippets of the results shown (see {@link SearchScript}). Always written, even for a site
 * without articles, since the search page loads it.
 */
public final class SearchIndexProducer implements SiteFileProducer {
    public static final String PATH = "search/index.js";
    /** The memo's name for what makes a text script; bump the version when the script's form changes. */
    private static final String TEXT_SCRIPT = "search-text-1";
    /** The memo's name for what makes a documents script; bump the version when the script's form changes. */
    private static final String DOCS_SCRIPT = "search-docs-2";
    /** The memo's name for what makes a shard script; bump the version when the script's form changes. */
    private static final String TERMS_SCRIPT = "search-terms-3";
    /** How many text scripts are made at once (a cold build makes every one: 560 MB at 100,000 articles). */
    private static final int TEXT_BATCH = 512;

    private final TermsMemo memo;

    public SearchIndexProducer() {
        this(TermsMemo.NONE);
    }

    /** @param memo asked for every document's terms; see {@link TermsMemo} */
    public SearchIndexProducer(TermsMemo memo) {
        this.memo = memo;
    }

    /** The index is made of the articles alone, so it is made while the pages are rendered. */
    @Override
    public boolean readsPages() {
        return false;
    }

    @Override
    public List<RenderedPage> produce(SiteContext context, DiagnosticSink sink) {
        List<RenderedPage> files = new ArrayList<>();
        produce(context, sink, files::add);
        return files;
    }

    /** The index, its shards, then the text scripts one by one: at 100,000 articles those are 560 MB together. */
    @Override
    public void produce(SiteContext context, DiagnosticSink sink, Consumer<RenderedPage> out) {
        SearchFold fold = SearchFold.icu();
        SortedSet<String> dictionary = SearchDictionary.of(context.site().gazetteer(), fold);
        SearchTokenizer tokenizer = new SearchTokenizer(fold, dictionary);
        // Made as they are asked for: an article's text is decoded, tokenised (or found in the
        // memo) and let go, never all held at once. Oldest first: a new article, usually the
        // newest, takes the next id and every other keeps its own, so it falls in the index's last
        // part, and the first part's postings and shards stay as they were.
        List<SearchDocument> docs = new OldestFirst(context.site().all());
        SearchIndex index = SearchIndex.build(docs, tokenizer, memo);
        out.accept(RenderedPage.data(PATH, SearchScript.bytes(index)));
        // A part's documents script is made from its documents alone: one made from the same by an
        // earlier build, still in the output as made, is kept (a new article changes the last one).
        for (int p = 0; p < index.parts().size(); p++) {
            String path = SearchScript.docsPath(p);
            out.accept(context.memo().keptUnbuilt(path, DOCS_SCRIPT, SearchScript.docsKey(index, p))
                    ? RenderedPage.kept(path) : RenderedPage.data(path, SearchScript.docsScript(index, p)));
        }
        // A shard script is made from its part's documents, split by the dictionary: one made from
        // the same by an earlier build, still in the output as made, is kept without making it again
        // (a new article changes only the last part's shards).
        // (A shard names its part's ids key too, so that key is in what it is made from.)
        String split = dictionaryKey(dictionary);
        List<String> idsKeys = new ArrayList<>();
        for (int p = 0; p < index.parts().size(); p++) {
            idsKeys.add(SearchScript.idsKey(index, p));
        }
        SearchScript.termScripts(index, (part, path) -> context.memo().keptUnbuilt(path, TERMS_SCRIPT,
                split + "\n" + part.key() + "\n" + idsKeys.get(index.parts().indexOf(part))),
                new SearchScript.ShardSink() {
                    @Override
                    public void made(String path, byte[] script) {
                        out.accept(RenderedPage.data(path, script));
                    }

                    @Override
                    public void kept(String path) {
                        out.accept(RenderedPage.kept(path));
                    }
                });
        // A text script is made from its document's url and text alone: one made from the same by
        // an earlier build, still in the output as made, is kept without making the text again.
        // Looked up and made on every core, and handed on in order.
        InOrder.make(docs.size(), TEXT_BATCH, i -> {
            SearchDocument d = docs.get(i);
            String path = SearchScript.textPath(d.url());
            return context.memo().keptUnbuilt(path, TEXT_SCRIPT, d.url() + "\n" + d.textKey())
                    ? RenderedPage.kept(path) : RenderedPage.data(path, SearchScript.textScript(d));
        }, out);
    }

    /** The articles (given newest first, in site order) as search documents, oldest first, each made when it is asked for. */
    private static final class OldestFirst extends AbstractList<SearchDocument> implements RandomAccess {
        private final List<Article> articles;

        OldestFirst(List<Article> newestFirst) {
            this.articles = newestFirst;
        }

        @Override
        public SearchDocument get(int index) {
            return document(articles.get(articles.size() - 1 - index));
        }

        @Override
        public int size() {
            return articles.size();
        }
    }

    /** A hash of the dictionary's names, which decide how the documents are split into terms. */
    private static String dictionaryKey(SortedSet<String> names) {
        HashStream128 hash = Hashing.xxh3_128().hashStream();
        for (String name : names) {
            hash.putInt(name.length()).putChars(name);
        }
        return HexFormat.of().formatHex(hash.get().toByteArray());
    }

    static SearchDocument document(Article a) {
        return new SearchDocument(SiteModel.articlePath(a), a.title(), a.date().map(d -> d.day().toString()).orElse(""),
                a.lang(), "body " + a.body().key(), a::text);
    }
}

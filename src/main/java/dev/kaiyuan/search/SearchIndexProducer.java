package dev.kaiyuan.search;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.render.RenderedPage;
import dev.kaiyuan.render.SiteContext;
import dev.kaiyuan.render.SiteFileProducer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * Writes {@code search/index.js}, the index the search page ({@code search/index.html}) queries in
 * the browser: every article (title and plain text), tokenised with the knowledge base's names as a
 * dictionary; and beside it each article's text script ({@code search/text/…}), for the snippets
 * of the results shown. Always written, even for a site without articles, since the search page
 * loads it.
 */
public final class SearchIndexProducer implements SiteFileProducer {
    public static final String PATH = "search/index.js";
    /** The memo's name for what makes a text script; bump the version when the script's form changes. */
    private static final String TEXT_SCRIPT = "search-text-1";

    private final TermsMemo memo;

    public SearchIndexProducer() {
        this(TermsMemo.NONE);
    }

    /** @param memo asked for every document's terms; see {@link TermsMemo} */
    public SearchIndexProducer(TermsMemo memo) {
        this.memo = memo;
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
        SearchTokenizer tokenizer = new SearchTokenizer(fold, SearchDictionary.of(context.site().gazetteer(), fold));
        // Made as they are asked for: an article's text is inflated, tokenised (or found in the
        // memo) and let go, never all held at once.
        List<Article> articles = context.site().all();
        List<SearchDocument> docs = new Documents(articles);
        SearchIndex index = SearchIndex.build(docs, tokenizer, memo);
        out.accept(RenderedPage.data(PATH, SearchScript.bytes(index)));
        SearchScript.termScripts(index, (path, bytes) -> out.accept(RenderedPage.data(path, bytes)));
        // A text script is made from its document's url and text alone: one made from the same by
        // an earlier build, still in the output as made, is kept without making the text again.
        for (SearchDocument d : docs) {
            String path = SearchScript.textPath(d.url());
            out.accept(context.memo().keptUnbuilt(path, TEXT_SCRIPT, d.url() + "\n" + d.textKey())
                    ? RenderedPage.kept(path) : RenderedPage.data(path, SearchScript.textScript(d)));
        }
    }

    /** The articles as search documents, each made when it is asked for. */
    private static final class Documents extends AbstractList<SearchDocument> implements RandomAccess {
        private final List<Article> articles;

        Documents(List<Article> articles) {
            this.articles = articles;
        }

        @Override
        public SearchDocument get(int index) {
            return document(articles.get(index));
        }

        @Override
        public int size() {
            return articles.size();
        }
    }

    static SearchDocument document(Article a) {
        return new SearchDocument(SiteModel.articlePath(a), a.title(), a.date().map(d -> d.day().toString()).orElse(""),
                a.lang(), "body " + a.body().key(), a::text);
    }
}

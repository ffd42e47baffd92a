package dev.kaiyuan.search;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.render.RenderedPage;
import dev.kaiyuan.render.SiteContext;
import dev.kaiyuan.render.SiteFileProducer;
import java.util.ArrayList;
import java.util.List;
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
        List<SearchDocument> docs = context.site().all().stream().map(SearchIndexProducer::document).toList();
        SearchIndex index = SearchIndex.build(docs, tokenizer, memo);
        out.accept(RenderedPage.data(PATH, SearchScript.bytes(index)));
        SearchScript.termScripts(index, (path, bytes) -> out.accept(RenderedPage.data(path, bytes)));
        docs.forEach(d -> out.accept(RenderedPage.data(SearchScript.textPath(d.url()), SearchScript.textScript(d))));
    }

    static SearchDocument document(Article a) {
        return new SearchDocument(SiteModel.articlePath(a), a.title(), a.date().map(d -> d.day().toString()).orElse(""),
                a.lang(), a.text());
    }
}

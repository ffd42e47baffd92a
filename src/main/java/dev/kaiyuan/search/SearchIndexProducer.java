package dev.kaiyuan.search;

import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.render.RenderedPage;
import dev.kaiyuan.render.SiteContext;
import dev.kaiyuan.render.SiteFileProducer;
import java.util.List;

/**
 * Writes {@code search/index.js}, the index the search page ({@code search/index.html}) queries in
 * the browser: every article (title and plain text), tokenised with the knowledge base's names as a
 * dictionary. Always written, even for a site without articles, since the search page loads it.
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
        SearchFold fold = SearchFold.icu();
        SearchTokenizer tokenizer = new SearchTokenizer(fold, SearchDictionary.of(context.site().gazetteer(), fold));
        List<SearchDocument> docs = context.site().all().stream().map(SearchIndexProducer::document).toList();
        // Written straight to UTF-8 bytes: at 100,000 articles the index is 750 MB, and as a
        // growing StringBuilder, then a String, then bytes it was held three times over.
        return List.of(RenderedPage.data(PATH, SearchScript.bytes(SearchIndex.build(docs, tokenizer, memo))));
    }

    static SearchDocument document(Article a) {
        return new SearchDocument(SiteModel.articlePath(a), a.title(), a.date().map(d -> d.day().toString()).orElse(""),
                a.lang(), a.text());
    }
}

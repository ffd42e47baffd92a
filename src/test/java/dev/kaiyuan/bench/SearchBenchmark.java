package dev.kaiyuan.bench;

import dev.kaiyuan.model.Article;
import dev.kaiyuan.search.DocumentTerms;
import dev.kaiyuan.search.SearchDictionary;
import dev.kaiyuan.search.SearchDocument;
import dev.kaiyuan.search.SearchFold;
import dev.kaiyuan.search.SearchTokenizer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A document's search terms ({@link DocumentTerms#of}: folding, names, words, Han bigrams, their
 * frequencies), with the tokenizer made from the repository's knowledge base, as the build makes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {
    private SearchTokenizer tokenizer;
    private SearchDocument seed;
    private SearchDocument chinese;
    private SearchDocument english;

    @Setup
    public void setUp() {
        SearchFold fold = SearchFold.icu();
        tokenizer = new SearchTokenizer(fold, SearchDictionary.of(BenchFixtures.gazetteer(), fold));
        List<Article> articles = BenchFixtures.articles();
        seed = document(articles.get(0));
        chinese = document(articles.get(1));
        english = document(articles.get(2));
    }

    private static SearchDocument document(Article a) {
        return new SearchDocument(a.slug(), a.title(), "", a.lang(), a.text());
    }

    @Benchmark
    public DocumentTerms termsSeed() {
        return DocumentTerms.of(seed, tokenizer);
    }

    @Benchmark
    public DocumentTerms termsChinese() {
        return DocumentTerms.of(chinese, tokenizer);
    }

    @Benchmark
    public DocumentTerms termsEnglish() {
        return DocumentTerms.of(english, tokenizer);
    }
}

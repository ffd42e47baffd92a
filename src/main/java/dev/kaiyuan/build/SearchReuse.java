package dev.kaiyuan.build;

import dev.kaiyuan.search.DocumentTerms;
import dev.kaiyuan.search.MergedPostings;
import dev.kaiyuan.search.SearchDocument;
import dev.kaiyuan.search.TermsMemo;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The search-terms memo of one build: gives back last build's terms for a document with the same
 * title and text (compared by its text key) under the same knowledge base (whose names split the
 * text), and last build's merged postings under it, tokenises the others, and collects what to keep
 * for the next build. Thread-safe: documents are tokenised in parallel.
 */
final class SearchReuse implements TermsMemo {
    private final Map<String, DocumentTerms> before;
    private final Optional<MergedPostings> merged;
    private final String knowledge;
    private final boolean remember;
    private final Map<String, DocumentTerms> after = new ConcurrentHashMap<>();
    private volatile Optional<BuildCache.Postings> postings = Optional.empty();

    /**
     * @param before   last build's terms by key
     * @param merged   last build's postings, used only when merged under {@code knowledge}
     * @param remember whether to collect the terms for a next build (a build without cache does not)
     */
    SearchReuse(Map<String, DocumentTerms> before, Optional<BuildCache.Postings> merged, String knowledge,
            boolean remember) {
        this.before = before;
        this.merged = merged.filter(p -> p.knowledgeHash().equals(knowledge)).map(BuildCache.Postings::merged);
        this.knowledge = knowledge;
        this.remember = remember;
    }

    @Override
    public DocumentTerms terms(SearchDocument doc, Supplier<DocumentTerms> fresh) {
        if (before.isEmpty() && !remember) {
            return fresh.get();
        }
        String key = new Hashes().add(knowledge).add(doc.title()).add(doc.textKey()).hex();
        DocumentTerms kept = before.get(key);
        DocumentTerms terms = kept != null ? kept : fresh.get();
        if (remember) {
            after.put(key, terms);
        }
        return terms;
    }

    @Override
    public Optional<MergedPostings> merged() {
        return merged;
    }

    @Override
    public boolean keepsMerged() {
        return remember;
    }

    @Override
    public void keepMerged(MergedPostings made) {
        postings = Optional.of(new BuildCache.Postings(knowledge, made));
    }

    /** The terms of this build's documents, for the next one. */
    Map<String, DocumentTerms> after() {
        return Map.copyOf(after);
    }

    /** The postings this build merged, for the next one, when it remembers. */
    Optional<BuildCache.Postings> postings() {
        return postings;
    }
}

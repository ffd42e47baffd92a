package dev.kaiyuan.search;

import java.util.function.Supplier;

/**
 * Lets a build reuse the terms an earlier build found in an unchanged document: tokenising every
 * document again was most of a rebuild after one article changed. {@link #NONE} always tokenises.
 * Called from several threads at once.
 */
@FunctionalInterface
public interface TermsMemo {
    TermsMemo NONE = (doc, fresh) -> fresh.get();

    /** The document's terms: kept ones when the memo has them for this title and text, else {@code fresh}'s. */
    DocumentTerms terms(SearchDocument doc, Supplier<DocumentTerms> fresh);
}

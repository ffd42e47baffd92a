package dev.kaiyuan.search;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lets a build reuse the terms an earlier build found in an unchanged document: tokenising every
 * document again was most of a rebuild after one article changed; and the postings it merged from
 * them, when this build's documents begin with the same ones ({@link MergedPostings}).
 * {@link #NONE} always tokenises and merges. Called from several threads at once.
 */
@FunctionalInterface
public interface TermsMemo {
    TermsMemo NONE = (doc, fresh) -> fresh.get();

    /** The document's terms: kept ones when the memo has them for this title and text, else {@code fresh}'s. */
    DocumentTerms terms(SearchDocument doc, Supplier<DocumentTerms> fresh);

    /** The postings the last build merged under the same dictionary, if it kept them. */
    default Optional<MergedPostings> merged() {
        return Optional.empty();
    }

    /** Whether {@link #keepMerged} wants this build's postings (copying them out costs a little). */
    default boolean keepsMerged() {
        return false;
    }

    /** Takes this build's postings, for the next build. */
    default void keepMerged(MergedPostings postings) {
    }
}

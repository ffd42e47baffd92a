package dev.kaiyuan.search;

import java.util.Objects;

/**
 * One term found in folded text, at {@code [start, end)} of the folded text.
 *
 * @param kind how it was found; a query uses only {@link Kind#NAME} and {@link Kind#WORD}
 */
public record Token(String term, int start, int end, Kind kind) {
    public Token {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind {
        /** The longest name of the dictionary (the knowledge base's names and aliases) at this place. */
        NAME,
        /** A word-like segment of the ICU word breaker, between names. */
        WORD,
        /** Indexed only: a shorter name or a word segment inside a {@link #NAME} ({@code gpt-oss} in {@code gpt-oss-120b}). */
        PART,
        /** Indexed only: two adjacent Han characters, or a lone one (the recall backstop). */
        HAN
    }
}

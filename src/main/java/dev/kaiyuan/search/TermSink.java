package dev.kaiyuan.search;

import java.util.List;

/**
 * Where the tokenizer puts each term it finds: the stretch {@code [start, end)} of the folded text,
 * without making a string of it. A document has thousands of terms and few distinct ones, so
 * counting them where they lie spares a string and a {@link Token} for each.
 */
@FunctionalInterface
interface TermSink {
    void add(String text, int start, int end, Token.Kind kind);

    /** A sink that adds each term to {@code out} as a {@link Token}. */
    static TermSink into(List<Token> out) {
        return (text, start, end, kind) -> out.add(new Token(text.substring(start, end), start, end, kind));
    }
}

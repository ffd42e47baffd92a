package dev.kaiyuan.search;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.RuleBasedBreakIterator;
import com.ibm.icu.util.ULocale;
import dev.kaiyuan.model.HanScript;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits folded text into search terms. A query is split exactly as {@code templates/assets/search.js}
 * does in the browser ({@link #primary}): (1) at each place the longest name of the dictionary
 * (names on Latin word boundaries), so {@code deepseek-v3}, {@code 通义千问} and {@code gpt-oss-120b}
 * stay whole; (2) ICU word breaks (its CJK dictionary) for the text between names, keeping
 * word-like segments ({@link PlainWords} finds those of ASCII text and punctuation as ICU would).
 * A document is indexed ({@link #index}) with (1), (2) outside Han runs only, (3) the shorter
 * names and word segments inside each name, and (4) the bigrams of every Han run
 * (a lone Han character by itself). Chinese text is indexed by bigrams alone, as in Lucene's CJK
 * analyser: the browser joins a one-character word to the Han word beside it and looks a Han word
 * the index lacks up by its bigrams, and a lone character by every term that holds it, so the
 * index never depends on how this ICU, or the reader's, cuts Chinese into words, and the build is
 * spared ICU's dictionary, a quarter of a cold build's time (text with Japanese kana still goes
 * through it). Thread-safe.
 */
public final class SearchTokenizer {
    private final SearchFold fold;
    private final Set<String> names;
    private final NameTrie trie;

    /** @param names the dictionary, already folded with {@code fold} */
    public SearchTokenizer(SearchFold fold, Collection<String> names) {
        this.fold = fold;
        this.names = Set.copyOf(names);
        this.trie = new NameTrie(this.names);
    }

    public String fold(String text) {
        return fold.fold(text);
    }

    /** The query's terms: names and words of the folded text, in order. */
    public List<Token> primary(String folded) {
        List<Token> tokens = new ArrayList<>();
        namesAndWords(folded, SearchTokenizer::words, icu(folded), TermSink.into(tokens));
        return tokens;
    }

    /** Words of one stretch of text between names. */
    private interface WordSplitter {
        void split(String text, int from, int to, PlainWords.Icu icu, Token.Kind kind, TermSink out);
    }

    /**
     * ICU's word breaker for the pieces of {@code folded} that {@link PlainWords} leaves to it, made
     * once per text rather than for each stretch of it: every split of one tokenizing is of that
     * same text.
     */
    private static PlainWords.Icu icu(String folded) {
        BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
        return (from, to, kind, out) -> icuWords(folded, from, to, words, kind, out);
    }

    private void namesAndWords(String folded, WordSplitter splitter, PlainWords.Icu icu, TermSink out) {
        int gap = 0;
        for (int i = 0; i < folded.length(); ) {
            int length = trie.mayStartWith(folded.charAt(i)) ? nameAt(folded, i, folded.length()) : 0;
            if (length == 0) {
                i += Character.charCount(folded.codePointAt(i));
                continue;
            }
            splitter.split(folded, gap, i, icu, Token.Kind.WORD, out);
            out.add(folded, i, i + length, Token.Kind.NAME);
            i += length;
            gap = i;
        }
        splitter.split(folded, gap, folded.length(), icu, Token.Kind.WORD, out);
    }

    /** Every term to index for the folded text: its primary tokens, the parts of names, Han bigrams. */
    public List<Token> index(String folded) {
        List<Token> tokens = new ArrayList<>();
        index(folded, TermSink.into(tokens), new BitSet());
        return tokens;
    }

    /**
     * Every term to index for the folded text, in the order {@link #index(String)} lists them: the
     * primary tokens, each name followed by its parts, then the Han bigrams. One token per term and
     * start: a two-character word that is also a bigram counts once, and so does a name's part that
     * repeats the name or another part. Only those can repeat: words lie between names and never
     * share a start, and each place starts at most one bigram (or lone Han character), so bigrams
     * are checked by place and only names and parts by a set. Every term is a stretch of the folded
     * text, so two that start at one place are the same term when they end at one place too.
     * Each Han character's code point is set in {@code han} (read while the bigrams are found).
     */
    void index(String folded, TermSink out, BitSet han) {
        int[] gramEnd = new int[folded.length() + 1];
        hanGrams(folded, (text, start, end, kind) -> gramEnd[start] = end, han);
        boolean[] repeated = new boolean[folded.length() + 1];
        Set<Long> named = new HashSet<>();
        PlainWords.Icu icu = icu(folded);
        TermSink once = (text, start, end, kind) -> {
            boolean nameOrPart = kind == Token.Kind.NAME || kind == Token.Kind.PART;
            if (nameOrPart && !named.add((long) start << 32 | end)) {
                return;
            }
            if (gramEnd[start] == end) {
                repeated[start] = true;
            }
            out.add(text, start, end, kind);
        };
        namesAndWords(folded, SearchTokenizer::wordsOutsideHan, icu, (text, start, end, kind) -> {
            once.add(text, start, end, kind);
            if (kind == Token.Kind.NAME) {
                parts(text, start, end, icu, once);
            }
        });
        for (int start = 0; start < gramEnd.length; start++) {
            if (gramEnd[start] != 0 && !repeated[start]) {
                out.add(folded, start, gramEnd[start], Token.Kind.HAN);
            }
        }
    }

    /** The length of the longest name at {@code i} that ends by {@code limit}, or 0. */
    int nameAt(String text, int i, int limit) {
        if (!startsOnBoundary(text, i)) {
            return 0;
        }
        return Math.max(trie.longestAt(text, i, limit, SearchTokenizer::endsOnBoundary), i) - i;
    }

    /**
     * Whether a name may start at {@code start}: not inside a Latin word, where most places of a
     * text are. Checked before the trie is walked from there; {@link #endsOnBoundary} for each end.
     */
    private static boolean startsOnBoundary(String text, int start) {
        return start == 0 || !Tokens.isLatinWordChar(text.charAt(start))
                || !Tokens.isLatinWordChar(text.charAt(start - 1));
    }

    /** Whether a name found ending at {@code end} does not stop inside a Latin word. */
    private static boolean endsOnBoundary(String text, int end) {
        return !Tokens.isLatinWordChar(text.charAt(end - 1)) || end == text.length()
                || !Tokens.isLatinWordChar(text.charAt(end));
    }

    /**
     * Word-like segments ({@code getRuleStatus() >= WORD_NONE_LIMIT}, like {@code isWordLike}) of
     * {@code [from, to)}: ICU's, found by {@link PlainWords} where it can.
     */
    private static void words(String text, int from, int to, PlainWords.Icu icu, Token.Kind kind, TermSink out) {
        PlainWords.split(text, from, to, kind, out, icu);
    }

    private static void icuWords(String text, int from, int to, BreakIterator words, Token.Kind kind, TermSink out) {
        words.setText(text.substring(from, to));
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (words.getRuleStatus() >= RuleBasedBreakIterator.WORD_NONE_LIMIT) {
                out.add(text, from + start, from + end, kind);
            }
        }
    }

    /**
     * Word-like segments of the stretches of {@code [from, to)} between Han runs. Word breaks fall
     * on both sides of a Han character (UAX #29, WB999), so cutting there first changes no other
     * word, unless kana are near: ICU's dictionary cuts runs of Han and kana together (読みやすい
     * gives やすい), so a stretch with kana is split by ICU whole, Han words and all.
     */
    private static void wordsOutsideHan(String text, int from, int to, PlainWords.Icu icu, Token.Kind kind,
            TermSink out) {
        if (Tokens.hasKana(text, from, to)) {
            words(text, from, to, icu, kind, out);
            return;
        }
        int start = from;
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (HanScript.contains(cp)) {
                // between two Han characters there is nothing to split (most of a Chinese text)
                if (i > start) {
                    words(text, start, i, icu, kind, out);
                }
                start = next;
            }
            i = next;
        }
        words(text, start, to, icu, kind, out);
    }

    /**
     * Shorter names inside the name {@code [from, to)}, and its word segments, so {@code gpt-oss}
     * and {@code oss} find {@code gpt-oss-120b}.
     */
    private void parts(String text, int from, int to, PlainWords.Icu icu, TermSink out) {
        for (int i = from; i < to; i += Character.charCount(text.codePointAt(i))) {
            int start = i;
            if (!startsOnBoundary(text, start)) {
                continue;
            }
            trie.namesAt(text, start, to, end -> {
                if (end - start < to - from && endsOnBoundary(text, end)) {
                    out.add(text, start, end, Token.Kind.PART);
                }
            });
        }
        wordsOutsideHan(text, from, to, icu, Token.Kind.PART, out);
    }

    /** Bigrams of each maximal Han run; a run of one character gives that character. Each Han code point is set in {@code seen}. */
    private static void hanGrams(String text, TermSink out, BitSet seen) {
        int runStart = -1;
        int previous = -1;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : -1;
            boolean han = cp >= 0 && HanScript.contains(cp);
            if (han) {
                seen.set(cp);
            }
            if (han && previous >= 0) {
                out.add(text, previous, i + Character.charCount(cp), Token.Kind.HAN);
            } else if (!han && runStart >= 0 && previous == runStart) {
                out.add(text, runStart, i, Token.Kind.HAN);
            }
            runStart = han ? (runStart < 0 ? i : runStart) : -1;
            previous = han ? i : -1;
            i += cp >= 0 ? Character.charCount(cp) : 1;
        }
    }

    public boolean isName(String term) {
        return names.contains(term);
    }
}

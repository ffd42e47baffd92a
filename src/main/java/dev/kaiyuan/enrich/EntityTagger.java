package dev.kaiyuan.enrich;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.HanScript;
import dev.kaiyuan.model.HanVariants;
import dev.kaiyuan.model.Mention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the knowledge base's organizations, models and people in text with one Aho-Corasick
 * automaton over every name and alias. Text and aliases are both folded from Traditional to
 * Simplified Chinese (ICU's {@code Hant-Hans}, character by character so offsets stay true: see
 * {@link HanVariants}), so either script finds either alias. Overlapping matches keep the longest,
 * and of two as long the first: {@code gpt-oss-120b} beats {@code gpt-oss}, {@code 阿里·法哈迪}
 * (Ali Farhadi) beats {@code 阿里} (Alibaba).
 *
 * <p>Latin-script aliases must stand on word boundaries ({@code Meta} is not in {@code metadata})
 * and obey a case rule: matching ignores case, but a match written all in lower case is accepted
 * only when the alias itself is lower case or carries a digit or hyphen (so {@code gpt-oss-20b}
 * and {@code GPT-OSS-20B} match, while a {@code llama} or an {@code apple} in prose does not
 * become Meta's model or Apple Inc.). Built once per knowledge base; thread-safe.
 */
public final class EntityTagger {
    /** Every alias by its key: folded to Simplified and lower-cased, char for char. */
    final Automaton automaton = new Automaton();
    /** See {@link #keyOf}. */
    private final char[] keyOfBmp = new char[0x10000];

    /** One searchable name of an entity. */
    record Alias(EntityId entity, String written) {
    }

    /** A match of an alias's key, from start to end (exclusive). */
    record Hit(int start, int end, Alias alias) {
        int length() {
            return end - start;
        }
    }

    private static final Comparator<Hit> LONGEST_FIRST = Comparator.comparingInt(Hit::length).reversed()
            .thenComparingInt(Hit::start);

    public EntityTagger(Gazetteer gazetteer) {
        // Two aliases with one key: the first listed wins.
        Map<String, Alias> byKey = new LinkedHashMap<>();
        for (Alias alias : aliases(gazetteer)) {
            String key = new String(keyForm(alias.written()));
            if (!key.isBlank()) {
                byKey.putIfAbsent(key, alias);
            }
        }
        automaton.build(byKey);
    }

    private static List<Alias> aliases(Gazetteer g) {
        List<Alias> all = new ArrayList<>();
        g.organizations().forEach(o -> Stream.concat(Stream.of(o.name()), o.aliases().stream())
                .forEach(a -> all.add(new Alias(o.entityId(), a))));
        g.models().forEach(m -> Stream.concat(Stream.of(m.name()), m.aliases().stream())
                .forEach(a -> all.add(new Alias(m.entityId(), a))));
        g.people().forEach(p -> Stream.concat(Stream.of(p.name()), p.aliases().stream())
                .forEach(a -> all.add(new Alias(p.entityId(), a))));
        return all;
    }

    /** Mentions in text order, none overlapping. */
    public List<Mention> tag(String text) {
        List<Hit> hits = automaton.hits(text, this);
        List<Mention> mentions = new ArrayList<>();
        for (Hit hit : withoutOverlaps(hits)) {
            int start = hit.start();
            int end = hit.end();
            String written = hit.alias().written();
            if (acceptable(text, start, end, written)) {
                // Written as the alias is (nearly always), the mention shares the alias's string: a
                // large site holds millions of mentions (4.5 million at 100,000 articles).
                String found = written.length() == end - start && text.startsWith(written, start) ? written
                        : text.substring(start, end);
                mentions.add(new Mention(hit.alias().entity(), start, end, found));
            }
        }
        return mentions;
    }

    /**
     * The longest hits, in text order: each hit, longest first and of two as long the earlier, is
     * kept unless it overlaps one kept before it. The word boundary and case rules come after: a
     * longer name cut off mid-word ({@code Llama 3.1} in {@code Llama 3.17}) means the text names
     * something else, so the shorter names inside it ({@code Llama 3}) are not taken either.
     */
    private static List<Hit> withoutOverlaps(List<Hit> hits) {
        if (hits.size() < 2) {
            return hits;
        }
        hits.sort(LONGEST_FIRST);
        BitSet taken = new BitSet();
        List<Hit> kept = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            int next = taken.nextSetBit(hit.start());
            if (next < 0 || next >= hit.end()) {
                taken.set(hit.start(), hit.end());
                kept.add(hit);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::start));
        return kept;
    }

    private static boolean acceptable(String text, int start, int end, String alias) {
        if (!isLatinWordChar(alias.charAt(0)) && !isLatinWordChar(alias.charAt(alias.length() - 1))) {
            return true;
        }
        boolean boundaries = (!isLatinWordChar(alias.charAt(0)) || start == 0 || !isLatinWordChar(text.charAt(start - 1)))
                && (!isLatinWordChar(alias.charAt(alias.length() - 1)) || end == text.length()
                        || !isLatinWordChar(text.charAt(end)));
        return boundaries && caseAllowed(text.substring(start, end), alias);
    }

    private static boolean caseAllowed(String found, String alias) {
        boolean foundLower = found.equals(found.toLowerCase(Locale.ROOT));
        boolean aliasLower = alias.equals(alias.toLowerCase(Locale.ROOT));
        return !foundLower || aliasLower || alias.chars().anyMatch(c -> Character.isDigit(c) || c == '-');
    }

    private static boolean isLatinWordChar(char c) {
        return c < 0x80 ? Character.isLetterOrDigit(c) : Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /**
     * The automaton, searching a text's key form (see {@link #keyForm}) char by char as it makes it,
     * as {@code parseText} searches a key form made first (a copy of every article's text, twice).
     */
    static final class Automaton extends AhoCorasickDoubleArrayTrie<Alias> {
        // (the library's own Hit is inherited here: ours is named in full)
        /**
         * One bit per char: set where the root has a child for it. From the root, any other char
         * leads back to the root, and then nothing ends there (no alias is empty): most chars of a
         * text, which the walk then passes without reading the trie's arrays (for Han characters
         * those reads spread over hundreds of KB).
         */
        private final long[] rootChildren = new long[1 << 10];

        @Override
        public void build(Map<String, Alias> aliases) {
            super.build(aliases);
            Arrays.fill(rootChildren, 0);
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                int p = base[0] + c + 1;
                if (output[0] != null || p < check.length && check[p] == base[0]) {
                    rootChildren[c >>> 6] |= 1L << c;
                }
            }
        }

        /** Every alias whose key ends at a char of {@code text}'s key form, in the order they end. */
        List<EntityTagger.Hit> hits(String text, EntityTagger keys) {
            List<EntityTagger.Hit> hits = new ArrayList<>();
            int state = 0;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    // a folding keeps a character's width (see foldHan)
                    int cp = keys.foldedAnew(Character.toCodePoint(c, text.charAt(i + 1)));
                    state = step(state, Character.highSurrogate(cp), i, hits);
                    i++;
                    state = step(state, Character.lowSurrogate(cp), i, hits);
                } else {
                    state = step(state, keys.keyOf(c), i, hits);
                }
            }
            return hits;
        }

        /**
         * The library's {@code transitionWithRoot}, but a place past the end of its arrays is no
         * child (the library's would throw there: after some states for chars near U+FFFF).
         */
        private int child(int state, char c) {
            int b = base[state];
            int p = b + c + 1;
            if (p >= 0 && p < check.length && check[p] == b) {
                return p;
            }
            return state == 0 ? 0 : -1;
        }

        /** The state after {@code c}, the char at {@code at}; the aliases ending there go to {@code hits}. */
        private int step(int state, char c, int at, List<EntityTagger.Hit> hits) {
            if (state == 0 && (rootChildren[c >>> 6] & 1L << c) == 0) {
                return 0;
            }
            int next = child(state, c);
            while (next == -1) {
                state = fail[state];
                next = child(state, c);
            }
            int[] ending = output[next];
            if (ending != null) {
                // the values are held in an Object[] (V[] erased): read as one, not cast to Alias[]
                Object[] values = v;
                for (int alias : ending) {
                    hits.add(new EntityTagger.Hit(at + 1 - l[alias], at + 1, (Alias) values[alias]));
                }
            }
            return next;
        }
    }

    /**
     * The text as the automaton reads it: Traditional → Simplified one code point at a time, and
     * each char lower-cased by itself, so every char offset stays true.
     */
    char[] keyForm(String text) {
        char[] key = new char[text.length()];
        for (int i = 0; i < key.length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = foldedAnew(Character.toCodePoint(c, text.charAt(i + 1)));
                // a folding keeps a character's width (see foldHan)
                Character.toChars(cp, key, i);
                i++;
            } else {
                key[i] = keyOf(c);
            }
        }
        return key;
    }

    /**
     * A BMP char's key: its Simplified form, lower-cased. Looked up for every char of every article
     * twice (enrichment and page links), so each is kept in a table once known (0 until then, as no
     * char but U+0000 has that key; a race only computes it twice): the script lookup, and the case
     * lookup of every Han character, were 2-3 % of a cold build.
     */
    private char keyOf(char c) {
        char known = keyOfBmp[c];
        if (known == 0 && c != 0) {
            // No Han character lies below U+2E80: the rest is only lower-cased.
            known = Character.toLowerCase(c < 0x2E80 ? c : (char) foldedAnew(c));
            keyOfBmp[c] = known;
        }
        return known;
    }

    private int foldedAnew(int cp) {
        return HanScript.contains(cp) ? foldHan(cp) : cp;
    }

    /**
     * The character's Simplified form, unless that has another width (offsets must hold). Asked
     * only for Han characters: a build without any never reads the table.
     */
    private static int foldHan(int cp) {
        int simplified = HanVariants.icu().simplified(cp);
        return Character.charCount(simplified) == Character.charCount(cp) ? simplified : cp;
    }
}

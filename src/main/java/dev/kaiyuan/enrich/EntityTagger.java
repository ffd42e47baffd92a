package dev.kaiyuan.enrich;

import com.ibm.icu.text.Transliterator;
import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds the knowledge base's organizations, models and people in text with one Aho-Corasick
 * automaton over every name and alias. Text and aliases are both folded from Traditional to
 * Simplified Chinese (ICU, character by character so offsets stay true), so either script finds
 * either alias. Overlapping matches keep the longest: {@code gpt-oss-120b} beats {@code gpt-oss},
 * {@code 阿里·法哈迪} (Ali Farhadi) beats {@code 阿里} (Alibaba).
 *
 * <p>Latin-script aliases must stand on word boundaries ({@code Meta} is not in {@code metadata})
 * and obey a case rule: matching ignores case, but a match written all in lower case is accepted
 * only when the alias itself is lower case or carries a digit or hyphen (so {@code gpt-oss-20b}
 * and {@code GPT-OSS-20B} match, while a {@code llama} or an {@code apple} in prose does not
 * become Meta's model or Apple Inc.). Built once per knowledge base; thread-safe.
 */
public final class EntityTagger {
    private final PayloadTrie<Alias> trie;
    private final Map<Integer, Integer> foldCache = new ConcurrentHashMap<>();
    /** See {@link #folded}. */
    private final int[] foldedBmp = new int[0x10000];
    /** Built on the first Han character (guarded by this): text without any never starts ICU's transliterators. */
    private Transliterator toSimplified;

    /** One searchable name of an entity. */
    record Alias(EntityId entity, String written) {
    }

    public EntityTagger(Gazetteer gazetteer) {
        PayloadTrie.PayloadTrieBuilder<Alias> builder = PayloadTrie.<Alias>builder().ignoreCase().ignoreOverlaps();
        for (Alias alias : aliases(gazetteer)) {
            String key = fold(alias.written()).toLowerCase(Locale.ROOT);
            if (!key.isBlank()) {
                builder.addKeyword(key, alias);
            }
        }
        this.trie = builder.build();
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
        String folded = fold(text);
        List<Mention> mentions = new ArrayList<>();
        for (PayloadEmit<Alias> emit : trie.parseText(folded)) {
            int start = emit.getStart();
            int end = emit.getEnd() + 1;
            Alias alias = emit.getPayload();
            if (acceptable(text, start, end, alias.written())) {
                // Written as the alias is (nearly always), the mention shares the alias's string: a
                // large site holds millions of mentions (4.5 million at 100,000 articles).
                String written = alias.written();
                String found = written.length() == end - start && text.startsWith(written, start) ? written
                        : text.substring(start, end);
                mentions.add(new Mention(alias.entity(), start, end, found));
            }
        }
        mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return mentions;
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

    /** Traditional → Simplified, one code point at a time, keeping every char offset. */
    private String fold(String text) {
        int first = 0;
        while (first < text.length() && text.charAt(first) < 0x2E80) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int cp = text.codePointAt(i);
            // No Han character lies below U+2E80: text without any is its own folding.
            out.appendCodePoint(cp >= 0x2E80 ? folded(cp) : cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * A code point's folding: the Simplified form of a Han character, any other as it is. Looked up
     * for every character of every article from U+2E80 on, so a BMP character's is kept in a table
     * once known (0 until then; a race only computes it twice): the script lookup and the boxed
     * map it replaced were 2-3 % of a cold build.
     */
    private int folded(int cp) {
        if (cp >= foldedBmp.length) {
            return foldedAnew(cp);
        }
        int known = foldedBmp[cp];
        if (known == 0) {
            known = foldedAnew(cp);
            foldedBmp[cp] = known;
        }
        return known;
    }

    private int foldedAnew(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? foldHan(cp) : cp;
    }

    /** Memoised without a lock; only the transliterator, which may keep state, is used by one thread at a time. */
    private int foldHan(int cp) {
        Integer known = foldCache.get(cp);
        return known != null ? known : foldCache.computeIfAbsent(cp, this::transliterate);
    }

    private synchronized int transliterate(int c) {
        if (toSimplified == null) {
            toSimplified = Transliterator.getInstance("Hant-Hans");
        }
        String s = toSimplified.transliterate(new String(Character.toChars(c)));
        boolean sameWidth = s.codePointCount(0, s.length()) == 1 && Character.charCount(s.codePointAt(0)) == Character.charCount(c);
        return sameWidth ? s.codePointAt(0) : c;
    }
}

package dev.kaiyuan.search;

import com.ibm.icu.text.Normalizer2;
import dev.kaiyuan.model.HanVariants;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Folds text for searching, one code point at a time (so the browser can do exactly the same and
 * map every folded character back to the original): Unicode NFKC, lower case ({@link Locale#ROOT}),
 * then Traditional → Simplified Chinese for Han characters. The build folds with ICU's
 * {@code Hant-Hans}; the browser folds with the map {@link #traditionalFor} writes into the index.
 */
public final class SearchFold {
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final SearchFold ICU = new SearchFold(IcuSimplified::of);

    private final IntUnaryOperator han;

    private SearchFold(IntUnaryOperator han) {
        this.han = han;
    }

    /** Folding with ICU's Traditional → Simplified transform, as the build does. */
    public static SearchFold icu() {
        return ICU;
    }

    /** Folding with an explicit Traditional → Simplified map, as the browser does with the index's map. */
    public static SearchFold withMap(Map<Integer, Integer> traditionalToSimplified) {
        Map<Integer, Integer> copy = Map.copyOf(traditionalToSimplified);
        return new SearchFold(cp -> copy.getOrDefault(cp, cp));
    }

    /**
     * Fast paths: ASCII only lower-cases, a Han character NFKC leaves alone (lower case has none)
     * only folds, and a character that neither NFKC nor lower case changes stays.
     */
    public String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp < 0x80) {
                out.append(Character.toLowerCase((char) cp));
            } else if (Tokens.isHan(cp) && NFKC.isInert(cp)) {
                out.appendCodePoint(han.applyAsInt(cp));
            } else if (NFKC.isInert(cp) && Character.toLowerCase(cp) == cp && !Tokens.isHan(cp)) {
                // most punctuation of Chinese text: neither NFKC nor lower case changes it
                out.appendCodePoint(cp);
            } else {
                String lower = NFKC.normalize(new String(Character.toChars(cp))).toLowerCase(Locale.ROOT);
                lower.codePoints().forEach(c -> out.appendCodePoint(Tokens.isHan(c) ? han.applyAsInt(c) : c));
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * Every Traditional character whose Simplified form is among {@code simplified}, with that form:
     * what the browser needs to fold a query in either script onto text that uses these characters.
     */
    public static Map<Integer, Integer> traditionalFor(Collection<Integer> simplified) {
        Map<Integer, Integer> map = new TreeMap<>();
        for (int s : simplified) {
            for (int t : IcuSimplified.traditionalOf(s)) {
                map.put(t, s);
            }
        }
        return map;
    }

    /** ICU's {@code Hant-Hans}, one character at a time (see {@link HanVariants}), and its inverse. */
    private static final class IcuSimplified {
        private static final HanVariants VARIANTS = HanVariants.icu();

        static int of(int cp) {
            return VARIANTS.simplified(cp);
        }

        /** The Han characters among those whose Simplified form is {@code simplified}. */
        static int[] traditionalOf(int simplified) {
            return IntStream.of(VARIANTS.traditionalsOf(simplified)).filter(Tokens::isHan).toArray();
        }
    }
}

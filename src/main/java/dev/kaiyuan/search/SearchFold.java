package dev.kaiyuan.search;

import com.ibm.icu.text.Normalizer2;
import dev.kaiyuan.model.HanScript;
import dev.kaiyuan.model.HanVariants;
import java.util.Arrays;
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
     * only folds (all of U+4E00–U+9FEF is such, tested), and a character that neither NFKC nor lower
     * case changes stays. Written into an array: most of a Chinese text is these.
     */
    public String fold(String text) {
        int n = text.length();
        char[] out = new char[n];
        int o = 0;
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[o++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x4E00 && cp <= 0x9FEF || HanScript.contains(cp) && NFKC.isInert(cp)) {
                cp = han.applyAsInt(cp);
            } else if (!(NFKC.isInert(cp) && Character.toLowerCase(cp) == cp && !HanScript.contains(cp))) {
                // anything else but most punctuation of Chinese text, which neither NFKC nor lower case changes
                String folded = NFKC.normalize(new String(Character.toChars(cp))).toLowerCase(Locale.ROOT);
                for (int k = 0; k < folded.length(); ) {
                    int f = folded.codePointAt(k);
                    k += Character.charCount(f);
                    out = room(out, o, n - i + 2);
                    o += Character.toChars(HanScript.contains(f) ? han.applyAsInt(f) : f, out, o);
                }
                continue;
            }
            out = room(out, o, n - i + 2);
            o += Character.toChars(cp, out, o);
        }
        return new String(out, 0, o);
    }

    /** {@code out}, or a larger copy of it, with room for {@code more} characters after {@code used}. */
    private static char[] room(char[] out, int used, int more) {
        return used + more <= out.length ? out : Arrays.copyOf(out, Math.max(2 * out.length, used + more));
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
            return IntStream.of(VARIANTS.traditionalsOf(simplified)).filter(HanScript::contains).toArray();
        }
    }
}

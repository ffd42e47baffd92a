package dev.kaiyuan.search;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;

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

    /**
     * Makes what {@link #traditionalFor} needs on a thread of its own, so that a build can have it
     * made while it does other work (loading its cache); a later call waits for it if it is not done.
     */
    public static void prepareInBackground() {
        Thread thread = new Thread(() -> {
            try {
                IcuSimplified.traditionalOf(0);
            } catch (RuntimeException | Error e) {
                // the build meets the same failure where it needs the map, and reports it there
            }
        }, "kaiyuan-search-fold");
        thread.setDaemon(true);
        thread.start();
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

    /** Fast paths: ASCII only lower-cases, and a Han character NFKC leaves alone (lower case has none) only folds. */
    public String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp < 0x80) {
                out.append(Character.toLowerCase((char) cp));
            } else if (Tokens.isHan(cp) && NFKC.isInert(cp)) {
                out.appendCodePoint(han.applyAsInt(cp));
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

    /** ICU's {@code Hant-Hans}, one character at a time, memoised, with its inverse. */
    private static final class IcuSimplified {
        private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Hant-Hans");
        private static final Map<Integer, Integer> CACHE = new ConcurrentHashMap<>();

        /**
         * Asked for every Han character of every document: a BMP character's answer is kept in a
         * table once known (0 until then; a race only computes it twice), not looked up boxed.
         */
        private static final int[] BMP = new int[0x10000];

        static int of(int cp) {
            if (cp >= BMP.length) {
                return CACHE.computeIfAbsent(cp, IcuSimplified::transliterate);
            }
            int known = BMP[cp];
            if (known == 0) {
                known = CACHE.computeIfAbsent(cp, IcuSimplified::transliterate);
                BMP[cp] = known;
            }
            return known;
        }

        /** Keeps the character when ICU gives more or less than one character (offsets must hold). */
        private static int transliterate(int cp) {
            String s;
            synchronized (TO_SIMPLIFIED) {
                s = TO_SIMPLIFIED.transliterate(new String(Character.toChars(cp)));
            }
            return s.codePointCount(0, s.length()) == 1 ? s.codePointAt(0) : cp;
        }

        static int[] traditionalOf(int simplified) {
            return Inverse.MAP.getOrDefault(simplified, new int[0]);
        }

        /**
         * Built once, on first use, from the transform's source set: every character it can change
         * (0.15 s of transliterating). A class of its own, so that threads asking at once wait for
         * the one building it.
         */
        private static final class Inverse {
            static final Map<Integer, int[]> MAP = build();

            private static Map<Integer, int[]> build() {
                Map<Integer, int[]> built = new TreeMap<>();
                UnicodeSet source = TO_SIMPLIFIED.getSourceSet();
                for (UnicodeSetIterator it = new UnicodeSetIterator(source); it.next(); ) {
                    int t = it.codepoint;
                    if (t != UnicodeSetIterator.IS_STRING && Tokens.isHan(t) && of(t) != t) {
                        built.merge(of(t), new int[] {t}, IcuSimplified::concat);
                    }
                }
                return Map.copyOf(built);
            }
        }

        private static int[] concat(int[] a, int[] b) {
            int[] both = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }
}

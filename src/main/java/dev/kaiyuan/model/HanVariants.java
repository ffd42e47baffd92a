package dev.kaiyuan.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ICU4J's {@code Hant-Hans} and {@code Hans-Hant} transforms make of one Han character given
 * alone: its Simplified form, its Traditional form, and the reverse of the first. Read from
 * {@value #TABLE}, a table made from ICU4J and checked against it by {@code HanVariantsTest}, so
 * that folding characters one at a time (the search index, the entity tagger, telling the scripts
 * apart) never starts ICU's transliterator registry: in every rebuild with the cache that took a
 * third of a second of one core, parsing the transforms' 8,000 rules and registering every
 * transform ICU has. Whole texts are still converted by ICU itself, whose rules also hold phrases
 * ({@code 生薑 → 生姜}), which no table of single characters can.
 */
public final class HanVariants {
    static final String TABLE = "han-variants.txt";
    private static final int BMP = 0x10000;

    /**
     * Each transform's answer for every code point below U+10000 (most are the character itself):
     * asked for every Han character of every article, so looked up in an array, not boxed in a map.
     */
    private final int[] simplifiedBmp = identity();
    private final int[] traditionalBmp = identity();
    /** Its answers for the code points above, where it changes them. */
    private final Map<Integer, Integer> simplifiedAstral = new HashMap<>();
    private final Map<Integer, Integer> traditionalAstral = new HashMap<>();
    /** Every Simplified form with the Traditional characters that have it, each list in code point order. */
    private final Map<Integer, int[]> traditionalsOf;

    private HanVariants(BufferedReader table) throws IOException {
        Map<Integer, int[]> reverse = new TreeMap<>();
        int number = 0;
        for (String line = table.readLine(); line != null; line = table.readLine()) {
            number++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int[] cps = line.codePoints().toArray();
            if (cps.length != 4 || cps[1] != ' ' || (cps[0] != 'S' && cps[0] != 'T')) {
                throw new IOException(TABLE + ":" + number + ": expected S or T, a space and two characters");
            }
            if (cps[0] == 'S') {
                put(cps[2], cps[3], simplifiedBmp, simplifiedAstral);
                int[] before = reverse.getOrDefault(cps[3], new int[0]);
                int[] after = Arrays.copyOf(before, before.length + 1);
                after[before.length] = cps[2];
                reverse.put(cps[3], after);
            } else {
                put(cps[2], cps[3], traditionalBmp, traditionalAstral);
            }
        }
        traditionalsOf = Map.copyOf(reverse);
    }

    private static int[] identity() {
        int[] all = new int[BMP];
        for (int cp = 0; cp < BMP; cp++) {
            all[cp] = cp;
        }
        return all;
    }

    private static void put(int from, int to, int[] bmp, Map<Integer, Integer> astral) {
        if (from < BMP) {
            bmp[from] = to;
        } else {
            astral.put(from, to);
        }
    }

    /** The table of the ICU4J this was built with, read once. */
    public static HanVariants icu() {
        return Loaded.TABLE;
    }

    /** A class of its own, so the table is read on first use and threads asking at once wait for one read. */
    private static final class Loaded {
        static final HanVariants TABLE = read();

        private static HanVariants read() {
            try (InputStream in = HanVariants.class.getResourceAsStream(HanVariants.TABLE)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + HanVariants.TABLE + " is missing from the build");
                }
                return new HanVariants(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code Hant-Hans} of the character alone (one code point, as ICU gives for every Han character). */
    public int simplified(int cp) {
        return of(cp, simplifiedBmp, simplifiedAstral);
    }

    /** {@code Hans-Hant} of the character alone. */
    public int traditional(int cp) {
        return of(cp, traditionalBmp, traditionalAstral);
    }

    /** Every character other than {@code simplified} whose {@link #simplified} form it is, in code point order. */
    public int[] traditionalsOf(int simplified) {
        int[] all = traditionalsOf.get(simplified);
        return all == null ? new int[0] : all.clone();
    }

    private static int of(int cp, int[] bmp, Map<Integer, Integer> astral) {
        return cp >= 0 && cp < BMP ? bmp[cp] : astral.getOrDefault(cp, cp);
    }
}

package dev.kaiyuan.search;

import java.util.Arrays;

/**
 * A document's distinct terms in the order first met, each with how often it was met. A term is
 * looked up by the stretch of text it was found in, and made a string only the first time: a
 * document has thousands of terms and a few hundred distinct ones. Not thread-safe.
 */
final class TermCounts implements TermSink {
    private String[] terms = new String[64];
    private int[] hashes = new int[64];
    private int[] counts = new int[64];
    private int size;
    /** Open addressing: each slot holds an entry's index plus one, or 0; a power of two, at most half full. */
    private int[] slots = new int[128];

    @Override
    public void add(String text, int start, int end, Token.Kind kind) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int length = end - start;
        int mask = slots.length - 1;
        for (int at = spread(hash) & mask; ; at = (at + 1) & mask) {
            int entry = slots[at] - 1;
            if (entry < 0) {
                insert(text.substring(start, end), hash, at);
                return;
            }
            if (hashes[entry] == hash && terms[entry].length() == length
                    && text.regionMatches(start, terms[entry], 0, length)) {
                counts[entry]++;
                return;
            }
        }
    }

    private void insert(String term, int hash, int slot) {
        if (size == terms.length) {
            terms = Arrays.copyOf(terms, 2 * size);
            hashes = Arrays.copyOf(hashes, 2 * size);
            counts = Arrays.copyOf(counts, 2 * size);
        }
        terms[size] = term;
        hashes[size] = hash;
        counts[size] = 1;
        slots[slot] = ++size;
        if (2 * size > slots.length) {
            rehash();
        }
    }

    private void rehash() {
        slots = new int[2 * slots.length];
        int mask = slots.length - 1;
        for (int entry = 0; entry < size; entry++) {
            int at = spread(hashes[entry]) & mask;
            while (slots[at] != 0) {
                at = (at + 1) & mask;
            }
            slots[at] = entry + 1;
        }
    }

    /** The hash's high bits mixed into its low ones, which pick the slot (as {@link java.util.HashMap} does). */
    private static int spread(int hash) {
        return hash ^ hash >>> 16;
    }

    int size() {
        return size;
    }

    /** The {@code i}th distinct term met. */
    String term(int i) {
        return terms[i];
    }

    /** How often the {@code i}th distinct term was met. */
    int count(int i) {
        return counts[i];
    }
}

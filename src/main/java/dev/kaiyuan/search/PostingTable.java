package dev.kaiyuan.search;

import java.util.function.BiConsumer;

/**
 * The posting lists of an index being merged, by term: a hash table looked up by a stretch of a
 * document's term lines, so that a term seen before costs no new string. A large site's documents
 * name millions of terms, most of them many times over; only a term's first sighting makes its key.
 * For one thread.
 */
final class PostingTable {
    private String[] keys = new String[1 << 16];
    private int[] hashes = new int[1 << 16];
    private StringBuilder[] lists = new StringBuilder[1 << 16];
    private int size;

    /** Adds document {@code doc} with frequency {@code n} to the list of the term {@code text[from, to)}. */
    void add(String text, int from, int to, int doc, int n) {
        int hash = hash(text, from, to);
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (keys[slot] != null) {
            String key = keys[slot];
            if (hashes[slot] == hash && key.length() == to - from && text.regionMatches(from, key, 0, to - from)) {
                append(lists[slot], doc, n);
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = text.substring(from, to);
        hashes[slot] = hash;
        lists[slot] = append(new StringBuilder(), doc, n);
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /**
     * Hands on every term with its posting list (doc ids, each with {@code :frequency} when that is
     * not 1) and lets go of each list as it goes, so that the lists are not held twice, as builders
     * and as strings; the table is empty afterwards.
     */
    void drainTo(BiConsumer<String, String> each) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                String list = lists[i].toString();
                lists[i] = null;
                each.accept(keys[i], list);
                keys[i] = null;
            }
        }
        size = 0;
    }

    private static StringBuilder append(StringBuilder list, int doc, int n) {
        if (list.length() > 0) {
            list.append(' ');
        }
        list.append(doc);
        if (n != 1) {
            list.append(':').append(n);
        }
        return list;
    }

    /** As {@link String#hashCode} of the stretch, spread so that nearby hashes land apart. */
    private static int hash(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h ^ (h >>> 16);
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        StringBuilder[] oldLists = lists;
        keys = new String[oldKeys.length * 2];
        hashes = new int[keys.length];
        lists = new StringBuilder[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = oldHashes[i] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                lists[slot] = oldLists[i];
            }
        }
    }
}

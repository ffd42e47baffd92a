package dev.kaiyuan.search;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The posting lists of an index being merged, by term: a hash table looked up by a stretch of a
 * document's term lines, so that a term seen before costs no new string. A large site's documents
 * name millions of terms, most of them many times over; only a term's first sighting makes its key.
 * For one thread.
 */
final class PostingTable {
    private char[][] keys = new char[1 << 16][];
    private int[] hashes = new int[1 << 16];
    /** Each term's list: a kept one as a string until a document is added to it, then a builder. */
    private CharSequence[] lists = new CharSequence[1 << 16];
    private int size;

    PostingTable() {
    }

    /**
     * A table holding {@code lists.get(i)} as the list of {@code terms.get(i)}, as {@link #drainTo}
     * handed them on, cut to the documents before {@code end}: a term none of those has is left out.
     * A list kept whole is held as it is, not copied.
     */
    PostingTable(List<String> terms, List<String> lists, int end) {
        int capacity = 1 << 16;
        while (capacity < terms.size() * 2 + 2) {
            capacity <<= 1;
        }
        keys = new char[capacity][];
        hashes = new int[capacity];
        this.lists = new CharSequence[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < terms.size(); i++) {
            String list = lists.get(i);
            int length = before(list, end);
            if (length == 0) {
                continue;
            }
            String term = terms.get(i);
            int hash = spread(term.hashCode());
            int slot = hash & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = term.toCharArray();
            hashes[slot] = hash;
            this.lists[slot] = length == list.length() ? list : list.substring(0, length);
            size++;
        }
    }

    /**
     * How much of {@code list} ({@code doc} or {@code doc:n} entries, space-separated, by growing
     * id) is about documents before {@code end}: its length up to the last such entry, 0 for none.
     */
    static int before(String list, int end) {
        int length = list.length();
        while (length > 0) {
            int start = list.lastIndexOf(' ', length - 1) + 1;
            int idEnd = start;
            while (idEnd < length && list.charAt(idEnd) != ':') {
                idEnd++;
            }
            if (Integer.parseInt(list, start, idEnd, 10) < end) {
                return length;
            }
            length = Math.max(start - 1, 0);
        }
        return 0;
    }

    /** Whether the table has a list for {@code term}. */
    boolean contains(String term) {
        int hash = spread(term.hashCode());
        int mask = keys.length - 1;
        char[] chars = term.toCharArray();
        for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && Arrays.equals(keys[slot], chars)) {
                return true;
            }
        }
        return false;
    }

    private static int spread(int termHash) {
        return termHash ^ (termHash >>> 16);
    }

    /**
     * Adds document {@code doc} with frequency {@code n} to the list of the term {@code text[from, to)},
     * whose {@link String#hashCode} is {@code termHash}.
     */
    void add(char[] text, int from, int to, int termHash, int doc, int n) {
        int hash = spread(termHash);
        int mask = keys.length - 1;
        int slot = hash & mask;
        while (keys[slot] != null) {
            char[] key = keys[slot];
            if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, text, from, to)) {
                append(builder(slot), doc, n);
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = Arrays.copyOfRange(text, from, to);
        hashes[slot] = hash;
        lists[slot] = append(new StringBuilder(), doc, n);
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** The list in {@code slot} as a builder, to append to. */
    private StringBuilder builder(int slot) {
        if (lists[slot] instanceof StringBuilder builder) {
            return builder;
        }
        StringBuilder builder = new StringBuilder(lists[slot].length() + 16).append(lists[slot]);
        lists[slot] = builder;
        return builder;
    }

    /**
     * Appends to each term's list the list {@code later} holds for it (whose documents all come after
     * this table's), and takes over the terms only {@code later} has. {@code later} is emptied on the
     * way, each list let go once appended, so that the two tables' lists are not held twice (at
     * 100,000 articles the postings are hundreds of megabytes).
     */
    void join(PostingTable later) {
        for (int i = 0; i < later.keys.length; i++) {
            char[] key = later.keys[i];
            if (key == null) {
                continue;
            }
            int hash = later.hashes[i];
            int mask = keys.length - 1;
            int slot = hash & mask;
            while (keys[slot] != null && !(hashes[slot] == hash && Arrays.equals(keys[slot], key))) {
                slot = (slot + 1) & mask;
            }
            CharSequence list = later.lists[i];
            later.keys[i] = null;
            later.lists[i] = null;
            if (keys[slot] != null) {
                builder(slot).append(' ').append(list);
            } else {
                keys[slot] = key;
                hashes[slot] = hash;
                lists[slot] = list;
                if (++size * 2 > keys.length) {
                    grow();
                }
            }
        }
        later.size = 0;
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
                each.accept(new String(keys[i]), list);
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

    private void grow() {
        char[][] oldKeys = keys;
        int[] oldHashes = hashes;
        CharSequence[] oldLists = lists;
        keys = new char[oldKeys.length * 2][];
        hashes = new int[keys.length];
        lists = new CharSequence[keys.length];
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

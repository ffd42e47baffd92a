package dev.kaiyuan.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The dictionary's names as a trie of UTF-16 units, so finding the names that start at a place
 * costs the length of the longest one that does, not one lookup per name length.
 */
final class NameTrie {
    /**
     * The root's children by their first UTF-16 unit, null where no name starts with it: most
     * places in a text start none, and the tokenizer asks at every one (a table of 65,536, not a
     * search of the root's units, which are many).
     */
    private final Node[] firsts = new Node[Character.MAX_VALUE + 1];

    /** A node: the units that go on from it, in order, and where each leads. */
    private static final class Node {
        private final char[] units;
        private final Node[] next;
        private final boolean name;

        Node(Draft draft) {
            this.units = new char[draft.next.size()];
            this.next = new Node[units.length];
            int i = 0;
            for (Map.Entry<Character, Draft> e : draft.next.entrySet()) {
                units[i] = e.getKey();
                next[i++] = new Node(e.getValue());
            }
            this.name = draft.name;
        }

        Node next(char c) {
            int at = units.length <= 8 ? linear(c) : Arrays.binarySearch(units, c);
            return at >= 0 ? next[at] : null;
        }

        private int linear(char c) {
            for (int i = 0; i < units.length; i++) {
                if (units[i] == c) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** A node while the trie is made; its units sorted, as {@link Node} searches them. */
    private static final class Draft {
        final Map<Character, Draft> next = new TreeMap<>();
        boolean name;
    }

    NameTrie(Collection<String> names) {
        Draft root = new Draft();
        for (String name : names) {
            Draft node = root;
            for (int i = 0; i < name.length(); i++) {
                node = node.next.computeIfAbsent(name.charAt(i), c -> new Draft());
            }
            node.name = !name.isEmpty();
        }
        Node made = new Node(root);
        for (int i = 0; i < made.units.length; i++) {
            firsts[made.units[i]] = made.next[i];
        }
    }

    /** False when no name starts with {@code c}. */
    boolean mayStartWith(char c) {
        return firsts[c] != null;
    }

    /** Whether a name found ending at {@code end} of {@code text} is taken. */
    interface EndTest {
        boolean accepts(String text, int end);
    }

    /**
     * The end of the longest name that starts at {@code start}, ends by {@code limit} and whose end
     * {@code test} accepts, or -1: as {@link #namesAt} with a consumer keeping the last end
     * accepted, without a consumer made at each place a name may start.
     */
    int longestAt(String text, int start, int limit, EndTest test) {
        int longest = -1;
        Node node = start < limit ? firsts[text.charAt(start)] : null;
        for (int i = start + 1; node != null; i++) {
            if (node.name && test.accepts(text, i)) {
                longest = i;
            }
            node = i < limit ? node.next(text.charAt(i)) : null;
        }
        return longest;
    }

    /** Calls {@code end} with the end of every name that starts at {@code start} and ends by {@code limit}, shortest first. */
    void namesAt(String text, int start, int limit, IntConsumer end) {
        Node node = start < limit ? firsts[text.charAt(start)] : null;
        for (int i = start + 1; node != null; i++) {
            if (node.name) {
                end.accept(i);
            }
            node = i < limit ? node.next(text.charAt(i)) : null;
        }
    }
}

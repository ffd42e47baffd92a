package dev.kaiyuan.search;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The dictionary's names as a trie of UTF-16 units, so finding the names that start at a place
 * costs the length of the longest one that does, not one lookup per name length.
 */
final class NameTrie {
    private final Node root = new Node();
    /** The UTF-16 units some name starts with: most places in a text start none, and need no lookup. */
    private final BitSet firsts = new BitSet(Character.MAX_VALUE + 1);

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        boolean name;
    }

    NameTrie(Collection<String> names) {
        for (String name : names) {
            Node node = root;
            for (int i = 0; i < name.length(); i++) {
                node = node.next.computeIfAbsent(name.charAt(i), c -> new Node());
            }
            node.name = !name.isEmpty();
            if (!name.isEmpty()) {
                firsts.set(name.charAt(0));
            }
        }
    }

    /** False when no name starts with {@code c}. */
    boolean mayStartWith(char c) {
        return firsts.get(c);
    }

    /** Calls {@code end} with the end of every name that starts at {@code start} and ends by {@code limit}, shortest first. */
    void namesAt(String text, int start, int limit, IntConsumer end) {
        if (start >= limit || !firsts.get(text.charAt(start))) {
            return;
        }
        Node node = root;
        for (int i = start; i < limit; i++) {
            node = node.next.get(text.charAt(i));
            if (node == null) {
                return;
            }
            if (node.name) {
                end.accept(i + 1);
            }
        }
    }
}

package dev.kaiyuan.search;

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
        }
    }

    /** Calls {@code end} with the end of every name that starts at {@code start} and ends by {@code limit}, shortest first. */
    void namesAt(String text, int start, int limit, IntConsumer end) {
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

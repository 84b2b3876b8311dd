package io.pactwire.tagger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trie of phrases over vocabulary ids: walking it from a token finds every phrase that starts there,
 * one word at a time, with no allocation. The root is an array indexed by word id; inner nodes keep
 * their few children in sorted arrays.
 *
 * @param <T> what a phrase stands for
 */
final class PhraseTrie<T> {
    static final int NONE = -1;
    static final int ROOT = 0;

    private final int[] rootChildren;
    private final int[][] keys;
    private final int[][] children;
    private final Object[] values;

    private PhraseTrie(int[] rootChildren, int[][] keys, int[][] children, Object[] values) {
        this.rootChildren = rootChildren;
        this.keys = keys;
        this.children = children;
        this.values = values;
    }

    /** The node reached from {@code node} by the word {@code wordId}, or {@link #NONE}. */
    int child(int node, int wordId) {
        if (wordId < 0) {
            return NONE;
        }
        if (node == ROOT) {
            return wordId < rootChildren.length ? rootChildren[wordId] : NONE;
        }
        int[] k = keys[node];
        int i = Arrays.binarySearch(k, wordId);
        return i >= 0 ? children[node][i] : NONE;
    }

    /** The value of the phrase that ends at {@code node}, or null. */
    @SuppressWarnings("unchecked")
    T value(int node) {
        return (T) values[node];
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    static final class Builder<T> {
        private final List<Map<Integer, Integer>> nodes = new ArrayList<>();
        private final List<T> values = new ArrayList<>();

        private Builder() {
            nodes.add(new HashMap<>());
            values.add(null);
        }

        /** Adds a phrase; returns the value it already had, which is then kept, or null when new. */
        T add(int[] wordIds, T value) {
            int node = ROOT;
            for (int word : wordIds) {
                Integer next = nodes.get(node).get(word);
                if (next == null) {
                    next = nodes.size();
                    nodes.get(node).put(word, next);
                    nodes.add(new HashMap<>());
                    values.add(null);
                }
                node = next;
            }
            T existing = values.get(node);
            if (existing == null) {
                values.set(node, value);
            }
            return existing;
        }

        /** The value of a phrase already added, or null. */
        T get(int[] wordIds) {
            int node = ROOT;
            for (int word : wordIds) {
                Integer next = nodes.get(node).get(word);
                if (next == null) {
                    return null;
                }
                node = next;
            }
            return values.get(node);
        }

        void replace(int[] wordIds, T value) {
            int node = ROOT;
            for (int word : wordIds) {
                node = nodes.get(node).get(word);
            }
            values.set(node, value);
        }

        PhraseTrie<T> build(int vocabularySize) {
            int[] root = new int[vocabularySize];
            Arrays.fill(root, NONE);
            nodes.get(ROOT).forEach((word, child) -> root[word] = child);
            int[][] keys = new int[nodes.size()][];
            int[][] children = new int[nodes.size()][];
            for (int n = 1; n < nodes.size(); n++) {
                TreeMap<Integer, Integer> sorted = new TreeMap<>(nodes.get(n));
                keys[n] = sorted.keySet().stream().mapToInt(Integer::intValue).toArray();
                children[n] = sorted.values().stream().mapToInt(Integer::intValue).toArray();
            }
            return new PhraseTrie<>(root, keys, children, values.toArray());
        }
    }
}

package io.pactwire.tagger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds dictionary phrases in text on whole-word boundaries, in one pass: the text is cut into words
 * (runs of letters and digits), and a trie of words finds the longest phrase starting at each word.
 * Matches do not overlap; the leftmost, then longest, wins.
 *
 * @param <T> what a phrase stands for
 */
final class PhraseMatcher<T> {
    private final Node<T> root;
    private final boolean caseSensitive;

    private PhraseMatcher(Node<T> root, boolean caseSensitive) {
        this.root = root;
        this.caseSensitive = caseSensitive;
    }

    /** A phrase found in a text. */
    record Match<T>(int start, int end, T value) {
    }

    static <T> Builder<T> builder(boolean caseSensitive) {
        return new Builder<>(caseSensitive);
    }

    /** Every match in {@code text}, left to right. */
    List<Match<T>> find(String text) {
        int[] bounds = words(text);
        int words = bounds.length / 2;
        List<Match<T>> matches = new ArrayList<>();
        int i = 0;
        while (i < words) {
            Node<T> node = root;
            int lastEnd = -1;
            T lastValue = null;
            for (int j = i; j < words; j++) {
                node = node.children.get(key(text.substring(bounds[2 * j], bounds[2 * j + 1])));
                if (node == null) {
                    break;
                }
                if (node.value != null) {
                    lastEnd = j;
                    lastValue = node.value;
                }
            }
            if (lastValue != null) {
                matches.add(new Match<>(bounds[2 * i], bounds[2 * lastEnd + 1], lastValue));
                i = lastEnd + 1;
            } else {
                i++;
            }
        }
        return matches;
    }

    private String key(String word) {
        return caseSensitive ? word : word.toLowerCase(Locale.ROOT);
    }

    /** Start and end offsets of each word, flattened: [s0, e0, s1, e1, ...]. */
    static int[] words(String text) {
        int[] bounds = new int[16];
        int count = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                int start = i;
                while (i < length && Character.isLetterOrDigit(text.codePointAt(i))) {
                    i += Character.charCount(text.codePointAt(i));
                }
                if (count + 2 > bounds.length) {
                    bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
                }
                bounds[count++] = start;
                bounds[count++] = i;
            } else {
                i += Character.charCount(cp);
            }
        }
        return java.util.Arrays.copyOf(bounds, count);
    }

    private static final class Node<T> {
        final Map<String, Node<T>> children = new HashMap<>();
        T value;
    }

    static final class Builder<T> {
        private final boolean caseSensitive;
        private final Node<T> root = new Node<>();

        private Builder(boolean caseSensitive) {
            this.caseSensitive = caseSensitive;
        }

        /**
         * Adds a phrase.
         *
         * @throws IllegalArgumentException when the phrase has no words or is already in the dictionary
         */
        Builder<T> add(String phrase, T value) {
            int[] bounds = words(phrase);
            if (bounds.length == 0) {
                throw new IllegalArgumentException("phrase '" + phrase + "' has no words");
            }
            Node<T> node = root;
            for (int w = 0; w < bounds.length / 2; w++) {
                String word = phrase.substring(bounds[2 * w], bounds[2 * w + 1]);
                node = node.children.computeIfAbsent(caseSensitive ? word : word.toLowerCase(Locale.ROOT), k -> new Node<>());
            }
            if (node.value != null) {
                throw new IllegalArgumentException("phrase '" + phrase + "' is already in the dictionary (for "
                        + node.value + ")");
            }
            node.value = value;
            return this;
        }

        PhraseMatcher<T> build() {
            return new PhraseMatcher<>(root, caseSensitive);
        }
    }
}

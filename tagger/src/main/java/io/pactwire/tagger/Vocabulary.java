package io.pactwire.tagger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every word that some name or rule uses, folded, with a dense id. Looking a word of a text up costs
 * no allocation: the text's chars are folded and compared in place. Built once, then read-only.
 */
final class Vocabulary {
    static final int UNKNOWN = -1;

    private final List<char[]> words = new ArrayList<>();
    private int[] table = new int[1024];
    private int mask = table.length - 1;

    Vocabulary() {
        Arrays.fill(table, UNKNOWN);
    }

    int size() {
        return words.size();
    }

    String word(int id) {
        return new String(words.get(id));
    }

    /** The id of a folded word, added when new. */
    int add(String foldedWord) {
        char[] chars = foldedWord.toCharArray();
        int hash = hash(chars);
        int slot = hash & mask;
        while (table[slot] != UNKNOWN) {
            if (Arrays.equals(words.get(table[slot]), chars)) {
                return table[slot];
            }
            slot = (slot + 1) & mask;
        }
        int id = words.size();
        words.add(chars);
        table[slot] = id;
        if (words.size() * 2 > table.length) {
            grow();
        }
        return id;
    }

    /** The id of the folded word of a whole word, or {@link #UNKNOWN}. */
    int id(String foldedWord) {
        char[] chars = foldedWord.toCharArray();
        int slot = hash(chars) & mask;
        while (table[slot] != UNKNOWN) {
            if (Arrays.equals(words.get(table[slot]), chars)) {
                return table[slot];
            }
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }

    /**
     * The id of the word {@code text[start, end)}, whose folded hash is {@code hash} (see {@link #step}),
     * or {@link #UNKNOWN}.
     */
    int find(String text, int start, int end, int hash) {
        int length = end - start;
        int slot = mix(hash) & mask;
        int id;
        while ((id = table[slot]) != UNKNOWN) {
            char[] word = words.get(id);
            if (word.length == length && matches(word, text, start)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }

    private static boolean matches(char[] word, String text, int start) {
        for (int i = 0; i < word.length; i++) {
            if (Fold.fold(text.charAt(start + i)) != word[i]) {
                return false;
            }
        }
        return true;
    }

    /** One step of the folded-word hash: {@code hash = step(hash, foldedChar)} over the word's chars from 0. */
    static int step(int hash, char folded) {
        return hash * 31 + folded;
    }

    private static int hash(char[] chars) {
        int h = 0;
        for (char c : chars) {
            h = step(h, c);
        }
        return mix(h);
    }

    private static int mix(int h) {
        return h ^ (h >>> 15) ^ (h >>> 7);
    }

    private void grow() {
        table = new int[table.length * 2];
        mask = table.length - 1;
        Arrays.fill(table, UNKNOWN);
        for (int id = 0; id < words.size(); id++) {
            int slot = hash(words.get(id)) & mask;
            while (table[slot] != UNKNOWN) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
        }
    }
}

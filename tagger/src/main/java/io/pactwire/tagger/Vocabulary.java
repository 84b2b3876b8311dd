package io.pactwire.tagger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every word that some name or rule uses, folded, with a dense id. Looking a word of a text up costs
 * no allocation: the caller hands over the word's folded chars and their hash, and an open-addressing
 * table compares hashes before chars. Built once, then read-only; the tokenizer looks most words up in
 * a {@link WordIndex} of it instead.
 */
final class Vocabulary {
    static final int UNKNOWN = -1;

    private final List<char[]> words = new ArrayList<>();
    private int[] table = new int[1024];
    /** The mixed hash of the word in each slot, so that most probes end without comparing chars. */
    private int[] hashes = new int[1024];
    private int mask = table.length - 1;
    private int longest;
    /**
     * One bit per folded-word hash modulo 2^16 (8 KB, so it stays in the L1 cache): a clear bit means the
     * word is not in the vocabulary, which is the answer for about half the words of news text.
     */
    private final long[] filter = new long[1 << 10];

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
        hashes[slot] = hash;
        longest = Math.max(longest, chars.length);
        filter[(hash >>> 6) & (filter.length - 1)] |= 1L << hash;
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

    /** The length of the longest word: a longer word of a text cannot be in the vocabulary. */
    int longest() {
        return longest;
    }

    /**
     * The id of the folded word {@code folded[0, length)}, whose hash is {@code hash} (see {@link #step}),
     * or {@link #UNKNOWN}.
     */
    int find(char[] folded, int length, int hash) {
        int mixed = mix(hash);
        if ((filter[(mixed >>> 6) & (filter.length - 1)] & 1L << mixed) == 0) {
            return UNKNOWN;
        }
        int slot = mixed & mask;
        int id;
        while ((id = table[slot]) != UNKNOWN) {
            if (hashes[slot] == mixed) {
                char[] word = words.get(id);
                if (word.length == length && Arrays.equals(word, 0, length, folded, 0, length)) {
                    return id;
                }
            }
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }

    /**
     * One step of the folded-word hash: {@code hash = step(hash, foldedChar)} over the word's chars from 0.
     * A rotation and an xor, not a multiplication: the tokenizer computes it on every char, where a
     * multiply's latency would bound the loop; {@link #mix} spreads the bits before the table look-up.
     */
    static int step(int hash, char folded) {
        return Integer.rotateLeft(hash, 7) ^ folded;
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
        hashes = new int[table.length];
        mask = table.length - 1;
        Arrays.fill(table, UNKNOWN);
        for (int id = 0; id < words.size(); id++) {
            int hash = hash(words.get(id));
            int slot = hash & mask;
            while (table[slot] != UNKNOWN) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
            hashes[slot] = hash;
        }
    }
}

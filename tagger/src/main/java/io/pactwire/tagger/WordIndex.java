package io.pactwire.tagger;

import java.util.SplittableRandom;

/**
 * The vocabulary as the tokenizer looks words up. A word of letters a-z up to {@link #maxPacked} long is
 * its own key: 5 bits per letter ('a' is 1 ... 'z' is 26, any other word char {@link #OTHER}), which the
 * tokenizer builds while it scans the chars, with no hash and no char comparison. The keys sit in a
 * cuckoo table: each vocabulary word is in one of its two slots, so a look-up reads both and compares,
 * with no branch on whether the word is known. That branch mispredicted on about every other word of news
 * text (47% of them are vocabulary words), which the profile showed as a good part of the tokenizer's
 * time. Other words (longer, or with digits or letters outside a-z) take {@link #findSlow}.
 */
final class WordIndex {
    static final int CODE_BITS = 5;
    static final long CODE_MASK = (1 << CODE_BITS) - 1;
    /** The code of a word char that is not a folded letter a-z: a digit, ß, a Greek letter. */
    static final int OTHER = 27;
    private static final int MAX_KICKS = 1_000;

    private final Vocabulary vocabulary;
    /** Per slot, {@code key << idBits | id}; 0 when empty (no word's key is 0). */
    private final long[] slots;
    private final int shift;
    private final long multiplier1;
    private final long multiplier2;
    private final int idBits;
    private final long idMask;
    /** The longest word the table holds; longer words take {@link #findSlow}. */
    final int maxPacked;
    /** The longest vocabulary word: a longer word of a text is unknown. */
    final int longest;
    /** Whether a vocabulary word up to {@link #maxPacked} long has a char outside a-z (none in the bundled data). */
    final boolean othersShort;

    private WordIndex(Vocabulary vocabulary, long[] slots, int shift, long multiplier1, long multiplier2, int idBits,
                      int maxPacked, boolean othersShort) {
        this.vocabulary = vocabulary;
        this.slots = slots;
        this.shift = shift;
        this.multiplier1 = multiplier1;
        this.multiplier2 = multiplier2;
        this.idBits = idBits;
        this.idMask = (1L << idBits) - 1;
        this.maxPacked = maxPacked;
        this.longest = vocabulary.longest();
        this.othersShort = othersShort;
    }

    /** The vocabulary this indexes. */
    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The 5-bit code of a folded word char. */
    static int code(char folded) {
        return folded >= 'a' && folded <= 'z' ? folded - 'a' + 1 : OTHER;
    }

    /** Indexes a complete vocabulary; words added to it later are not in the index. */
    static WordIndex of(Vocabulary vocabulary) {
        int size = vocabulary.size();
        int idBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(size));
        int maxPacked = (Long.SIZE - idBits) / CODE_BITS;
        long[] entries = new long[size];
        int packed = 0;
        boolean othersShort = false;
        for (int id = 0; id < size; id++) {
            String word = vocabulary.word(id);
            if (word.length() > maxPacked) {
                continue;
            }
            long key = 0;
            boolean letters = true;
            for (int i = 0; i < word.length(); i++) {
                int code = code(word.charAt(i));
                letters &= code != OTHER;
                key = key << CODE_BITS | code;
            }
            if (letters) {
                entries[packed++] = key << idBits | id;
            } else {
                othersShort = true;
            }
        }
        // at most a quarter full, where cuckoo insertion practically always succeeds; try other multipliers if not
        int tableBits = 64 - Long.numberOfLeadingZeros(Math.max(16, packed * 4L) - 1);
        SplittableRandom random = new SplittableRandom(packed);
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0 && attempt % 8 == 0) {
                tableBits++;
            }
            long[] slots = new long[1 << tableBits];
            int shift = 64 - tableBits;
            long m1 = random.nextLong() | 1;
            long m2 = random.nextLong() | 1;
            if (insertAll(entries, packed, slots, shift, m1, m2, idBits)) {
                return new WordIndex(vocabulary, slots, shift, m1, m2, idBits, maxPacked, othersShort);
            }
        }
    }

    private static boolean insertAll(long[] entries, int count, long[] slots, int shift, long m1, long m2, int idBits) {
        for (int n = 0; n < count; n++) {
            long entry = entries[n];
            int slot = (int) (((entry >>> idBits) * m1) >>> shift);
            for (int kick = 0; ; kick++) {
                long evicted = slots[slot];
                slots[slot] = entry;
                if (evicted == 0) {
                    break;
                }
                if (kick == MAX_KICKS) {
                    return false;
                }
                // the evicted entry moves to its other slot
                long key = evicted >>> idBits;
                int first = (int) ((key * m1) >>> shift);
                slot = slot == first ? (int) ((key * m2) >>> shift) : first;
                entry = evicted;
            }
        }
        return true;
    }

    /**
     * The id of the word whose key (see the class comment) is {@code key}, or {@link Vocabulary#UNKNOWN}.
     * Valid for words of letters a-z up to {@link #maxPacked} long; any other key finds nothing.
     */
    int find(long key) {
        long a = slots[(int) ((key * multiplier1) >>> shift)];
        long b = slots[(int) ((key * multiplier2) >>> shift)];
        // 1 when the slot holds the key: the difference of keys is 0 only then, and only then -1 is negative
        long hitA = (((a >>> idBits) ^ key) - 1) >>> 63;
        long hitB = (((b >>> idBits) ^ key) - 1) >>> 63;
        // id + 1 from the slot that holds the key (both, when the two slots are one), else 0
        long found = ((a & idMask) + 1) & -hitA | ((b & idMask) + 1) & -hitB;
        return (int) found - 1;
    }

    /** Whether the key of a word {@code length} long has the code {@link #OTHER}. */
    static boolean hasOther(long key, int length) {
        for (int i = 0; i < length; i++) {
            if ((key >>> (i * CODE_BITS) & CODE_MASK) == OTHER) {
                return true;
            }
        }
        return false;
    }

    /** The id of the word {@code chars[start, start + length)} (not folded), for the words {@link #find} cannot take. */
    int findSlow(char[] chars, int start, int length, char[] folded) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            char f = Fold.fold(chars[start + i]);
            folded[i] = f;
            hash = Vocabulary.step(hash, f);
        }
        return vocabulary.find(folded, length, hash);
    }
}

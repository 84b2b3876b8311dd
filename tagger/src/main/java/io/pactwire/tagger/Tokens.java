package io.pactwire.tagger;

import java.util.Arrays;

/**
 * The words of one text field, in a pass over its chars and one over its words: their offsets, their
 * vocabulary ids, their shape (lower case, Capitalised, UPPER CASE) and the sentence each belongs to. Sentences end at a
 * paragraph break, or at {@code . ! ?} followed by a space and a capital or digit, unless the word before
 * the full stop is an abbreviation (a single letter as in "U.S.", or "Inc", "Mr", "Feb" ...).
 */
final class Tokens {
    static final byte LOWER = 0;
    static final byte CAPITALISED = 1;
    static final byte UPPER = 2;
    static final byte NO_CASE = 3;

    /** Start flags of a word: it can start a gazetteer name, an unrelated-sense block, an agreement rule. */
    static final byte STARTS_NAME = 1;
    static final byte STARTS_BLOCK = 2;
    static final byte STARTS_RULE = 4;
    static final byte STARTS_ANYTHING = STARTS_NAME | STARTS_BLOCK | STARTS_RULE;

    /**
     * A word's shape by {@code (upper > 0) << 3 | (lower > 0) << 2 | (upper >= 2) << 1 | firstUpper}: a
     * look-up rather than branches, which mispredict on every other word of real text.
     */
    private static final byte[] SHAPES = new byte[16];

    static {
        for (int key = 0; key < 16; key++) {
            boolean anyUpper = (key & 8) != 0;
            boolean anyLower = (key & 4) != 0;
            boolean twoUpper = (key & 2) != 0;
            boolean firstUpper = (key & 1) != 0;
            SHAPES[key] = !anyUpper ? (anyLower ? LOWER : NO_CASE)
                    : !anyLower ? (twoUpper ? UPPER : CAPITALISED)
                    : firstUpper ? CAPITALISED : LOWER;
        }
    }

    final String text;
    final int count;
    final int[] start;
    final int[] end;
    final int[] id;
    final int[] sentence;
    /** By sentence number, its first token; after the last sentence, {@link #count}. */
    private final int[] sentenceFirst;
    /**
     * The chars of the text and, by token, its letter counts (see {@link #SCAN}), from which
     * {@link #shape} tells a token's shape: few tokens are asked, so it is not worked out for every word.
     */
    private final char[] chars;
    private final long[] letters;
    /** True when the field is written in capitals (a wire headline): case says nothing about names there. */
    final boolean allCaps;
    /**
     * The tokens that can start something the finders look for, in order, with their start flags: the
     * finders visit these instead of every token.
     */
    final int starters;
    final int[] starter;
    final byte[] starterFlags;

    private Tokens(String text, int count, int[] start, int[] end, int[] id, int[] sentence, int[] sentenceFirst,
                   char[] chars, long[] letters, boolean allCaps, int starters, int[] starter, byte[] starterFlags) {
        this.text = text;
        this.count = count;
        this.start = start;
        this.end = end;
        this.id = id;
        this.sentence = sentence;
        this.sentenceFirst = sentenceFirst;
        this.chars = chars;
        this.letters = letters;
        this.allCaps = allCaps;
        this.starters = starters;
        this.starter = starter;
        this.starterFlags = starterFlags;
    }

    /**
     * Arrays a thread reuses from one text to the next: the text's chars, what the char scan records
     * and the token arrays. A {@link Tokens} made with them is valid until the next {@link #of} with the
     * same buffers.
     */
    static final class Buffers {
        char[] chars = new char[4096];
        /** Word bounds as the char scan finds them: start, end, start, end ... */
        int[] bounds = new int[4097];
        /** By word, the word's key (see {@link WordIndex}) and its letter counts (see {@link #SCAN}). */
        long[] keys = new long[2050];
        long[] letters = new long[2050];
        int[] start = new int[1024];
        int[] end = new int[1024];
        int[] id = new int[1024];
        int[] sentence = new int[1024];
        int[] sentenceFirst = new int[1025];
        int[] starter = new int[1024];
        byte[] starterFlags = new byte[1024];
        char[] folded = new char[64];

        private void fit(int length, int longestWord) {
            if (chars.length < length) {
                int size = Math.max(length, chars.length * 2);
                chars = new char[size];
                bounds = new int[size + 1];
                keys = new long[size / 2 + 2];
                letters = new long[size / 2 + 2];
            }
            if (folded.length < longestWord) {
                folded = new char[longestWord];
            }
        }

        private void fitTokens(int count) {
            if (start.length < count) {
                int size = Math.max(count, start.length * 2);
                start = new int[size];
                end = new int[size];
                id = new int[size];
                sentence = new int[size];
                sentenceFirst = new int[size + 1];
                starter = new int[size];
                starterFlags = new byte[size];
            }
        }
    }

    /*
     * What the char scan needs of a char, in one look-up: bit 63 is set for a word char (so that
     * "entry >> 63" is the mask -1 inside a word, 0 between words), bits 0-4 are its letter code for the
     * word's key (WordIndex), and the letter counts add 1 at bit 8 for an upper-case letter and at bit 32
     * for a lower-case one.
     */
    private static final long WORD_CHAR = 1L << 63;
    private static final int UPPER_SHIFT = 8;
    private static final int LOWER_SHIFT = 32;
    private static final long COUNT_MASK = (1L << 24) - 1;
    private static final long LETTER_COUNTS = COUNT_MASK << UPPER_SHIFT | COUNT_MASK << LOWER_SHIFT;
    /** A word this long could overflow its 24-bit letter counts: its letters are counted one by one. */
    private static final int LONG_WORD = 1 << 24;
    private static final long[] SCAN = new long[Fold.TABLE_SIZE];

    static {
        for (char c = 0; c < SCAN.length; c++) {
            SCAN[c] = scanEntry(Fold.classOf(c));
        }
    }

    private static long scanEntry(int cls) {
        if (cls == 0) {
            return 0;
        }
        int letterCase = cls >>> 16;
        return WORD_CHAR | WordIndex.code((char) cls)
                | (long) (letterCase & Fold.UPPER) << UPPER_SHIFT | (long) (letterCase >>> 1) << LOWER_SHIFT;
    }

    private static long scan(char c) {
        return c < SCAN.length ? SCAN[c] : scanEntry(Fold.classOf(c));
    }

    /** Tokenizes {@code text} into new arrays; every known word counts as a possible start. */
    static Tokens of(String text, WordIndex words, int vocabularySize, boolean[] abbreviations) {
        byte[] anything = new byte[vocabularySize + 1];
        Arrays.fill(anything, 1, anything.length, STARTS_ANYTHING);
        return of(text, words, abbreviations, anything, new Buffers());
    }

    /**
     * Tokenizes {@code text} into the given buffers (grown when too small).
     *
     * <p>Two passes. The first goes over the chars without a branch on them: it records where words
     * start and end and builds each word's key and letter counts, writing unconditionally to the slot of
     * the current word. The profile of the former single pass (a loop over a word's chars inside a loop
     * over separators) showed most of its time in the two mispredicted branches per word where a word
     * starts and ends. The second pass goes over the words: vocabulary id, sentence, starts. A word's
     * shape is worked out when asked ({@link #shape}).
     *
     * @param abbreviations by vocabulary id, the words after which a full stop does not end a sentence
     * @param startFlags    by vocabulary id + 1 (index 0: an unknown word, which starts nothing), what the
     *                      word can start ({@link #STARTS_NAME} ...)
     */
    static Tokens of(String text, WordIndex words, boolean[] abbreviations, byte[] startFlags, Buffers buffers) {
        int length = text.length();
        buffers.fit(length, words.longest);
        char[] chars = buffers.chars;
        text.getChars(0, length, chars, 0);
        int[] bounds = buffers.bounds;
        long[] keys = buffers.keys;
        long[] letters = buffers.letters;
        int bound = 0;
        int inWord = 0;
        long key = 0;
        long counts = 0;
        for (int i = 0; i < length; i++) {
            long entry = scan(chars[i]);
            long inside = entry >> 63;
            int word = (int) inside & 1;
            // a bound where the char's kind changes: a word's start, or the end of the word before
            bounds[bound] = i;
            bound += word ^ inWord;
            inWord = word;
            key = (key << WordIndex.CODE_BITS | entry & WordIndex.CODE_MASK) & inside;
            counts = (counts + (entry & LETTER_COUNTS)) & inside;
            // the slot of the current word, or between words the next word's (which overwrites it)
            keys[bound >> 1] = key;
            letters[bound >> 1] = counts;
        }
        if (inWord == 1) {
            bounds[bound++] = length;
        }
        int count = bound >> 1;
        buffers.fitTokens(count);
        int[] start = buffers.start;
        int[] end = buffers.end;
        int[] id = buffers.id;
        int[] sentence = buffers.sentence;
        int[] sentenceFirst = buffers.sentenceFirst;
        int[] starter = buffers.starter;
        byte[] starterFlags = buffers.starterFlags;
        int maxPacked = words.maxPacked;
        int longest = words.longest;
        int starters = 0;
        int sentenceNo = 0;
        sentenceFirst[0] = 0;
        int upperLetters = 0;
        int lowerLetters = 0;
        for (int k = 0; k < count; k++) {
            int wordStart = bounds[2 * k];
            int wordEnd = bounds[2 * k + 1];
            int wordLength = wordEnd - wordStart;
            int upper = (int) (letters[k] >>> UPPER_SHIFT & COUNT_MASK);
            int lower = (int) (letters[k] >>> LOWER_SHIFT & COUNT_MASK);
            if (wordLength >= LONG_WORD) {
                upper = countLetters(chars, wordStart, wordEnd, Fold.UPPER);
                lower = countLetters(chars, wordStart, wordEnd, Fold.LOWER);
            }
            if (k > 0) {
                int gap = end[k - 1];
                // one space between words, as between most, neither ends a sentence nor starts a paragraph
                if (wordStart - gap != 1 || chars[gap] != ' ') {
                    int ends = endsSentence(chars, gap, wordStart, k - 1, end, start, id, abbreviations);
                    if (ends == ENDS_BEFORE_CAPITAL) {
                        ends = shape(chars, wordStart, wordEnd, letters[k]) != LOWER ? ENDS : DOES_NOT_END;
                    }
                    if (ends == ENDS) {
                        sentenceNo++;
                        sentenceFirst[sentenceNo] = k;
                    }
                }
            }
            int wordId;
            if (wordLength <= maxPacked) {
                wordId = words.find(keys[k]);
                if (words.othersShort && wordId == Vocabulary.UNKNOWN && WordIndex.hasOther(keys[k], wordLength)) {
                    wordId = words.findSlow(chars, wordStart, wordLength, buffers.folded);
                }
            } else {
                wordId = wordLength <= longest ? words.findSlow(chars, wordStart, wordLength, buffers.folded) : Vocabulary.UNKNOWN;
            }
            start[k] = wordStart;
            end[k] = wordEnd;
            id[k] = wordId;
            byte flags = startFlags[wordId + 1];
            // appended always, kept only when the word starts something: no branch on it
            starter[starters] = k;
            starterFlags[starters] = flags;
            starters += flags != 0 ? 1 : 0;
            sentence[k] = sentenceNo;
            upperLetters += upper;
            lowerLetters += lower;
        }
        sentenceFirst[sentenceNo + 1] = count;
        boolean allCaps = upperLetters >= 4 && lowerLetters * 10 < upperLetters;
        return new Tokens(text, count, start, end, id, sentence, sentenceFirst, chars, letters, allCaps, starters, starter, starterFlags);
    }

    private static final int DOES_NOT_END = 0;
    private static final int ENDS = 1;
    private static final int ENDS_BEFORE_CAPITAL = 2;

    /**
     * Whether the separators {@code chars[from, to)} between token {@code before} and the next end a
     * sentence: {@link #ENDS} at a paragraph break (a blank line, or a new line indented by two spaces),
     * {@link #ENDS_BEFORE_CAPITAL} at {@code . ! ?} then a space (it ends when the next word is not lower
     * case), else {@link #DOES_NOT_END}. A full stop right after an abbreviation ("U.S.", "Inc.") ends
     * nothing.
     */
    private static int endsSentence(char[] chars, int from, int to, int before, int[] end, int[] start, int[] id,
                                    boolean[] abbreviations) {
        boolean terminal = false;     // . ! ? seen since the last word
        boolean spaceAfterTerminal = false;
        boolean paragraph = false;    // a blank line or an indented new line since the last word
        int newlineSpaces = -1;       // spaces counted after a newline, -1 when not after one
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c == '.' || c == '!' || c == '?') {
                if (i == from && c == '.' && isAbbreviation(chars, before, start, end, id, abbreviations)) {
                    // "U.S." or "Inc." does not end a sentence
                } else {
                    terminal = true;
                    spaceAfterTerminal = false;
                }
            } else if (c == '\n') {
                if (newlineSpaces >= 0) {
                    paragraph = true;
                }
                newlineSpaces = 0;
                spaceAfterTerminal = true;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\u00A0') {
                spaceAfterTerminal = true;
                if (newlineSpaces >= 0 && ++newlineSpaces >= 2) {
                    paragraph = true;
                }
            }
        }
        return paragraph ? ENDS : terminal && spaceAfterTerminal ? ENDS_BEFORE_CAPITAL : DOES_NOT_END;
    }

    private static boolean isAbbreviation(char[] chars, int token, int[] start, int[] end, int[] id,
                                          boolean[] abbreviations) {
        if (end[token] - start[token] == 1) {
            // a single letter ("U.S.", "John F. Kennedy"); a single digit is a number that ends a sentence ("on July 5.")
            return Character.isLetter(chars[start[token]]);
        }
        return id[token] >= 0 && id[token] < abbreviations.length && abbreviations[id[token]];
    }

    /** The first token of the sentence of token {@code i}. */
    int sentenceStart(int i) {
        return sentenceFirst[sentence[i]];
    }

    /** The last token of the sentence of token {@code i}. */
    int sentenceEnd(int i) {
        return sentenceFirst[sentence[i] + 1] - 1;
    }

    /** The shape of token {@code token}: {@link #LOWER}, {@link #CAPITALISED}, {@link #UPPER} or {@link #NO_CASE}. */
    byte shape(int token) {
        return shape(chars, start[token], end[token], letters[token]);
    }

    /** The shape of the word {@code chars[start, end)}, whose letter counts are {@code letters}. */
    private static byte shape(char[] chars, int start, int end, long letters) {
        int upper = (int) (letters >>> UPPER_SHIFT & COUNT_MASK);
        int lower = (int) (letters >>> LOWER_SHIFT & COUNT_MASK);
        if (end - start >= LONG_WORD) {
            upper = countLetters(chars, start, end, Fold.UPPER);
            lower = countLetters(chars, start, end, Fold.LOWER);
        }
        boolean firstUpper = (scan(chars[start]) & 1L << UPPER_SHIFT) != 0;
        return SHAPES[(upper != 0 ? 8 : 0) | (lower != 0 ? 4 : 0) | (upper >= 2 ? 2 : 0) | (firstUpper ? 1 : 0)];
    }

    /** The letters of {@code chars[start, end)} of case {@code letterCase}, one by one. */
    private static int countLetters(char[] chars, int start, int end, byte letterCase) {
        int letters = 0;
        for (int i = start; i < end; i++) {
            letters += Fold.caseOfWordChar(chars[i]) == letterCase ? 1 : 0;
        }
        return letters;
    }

    boolean capitalised(int token) {
        byte shape = shape(token);
        return shape == CAPITALISED || shape == UPPER;
    }

    /** True when only spaces (a line break included) separate token {@code a} from the next one. */
    boolean spaceOnlyAfter(int a) {
        for (int i = end[a]; i < start[a + 1]; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\u00A0') {
                return false;
            }
        }
        return true;
    }

    String word(int token) {
        return text.substring(start[token], end[token]);
    }

    /** Whether the token is {@code word}, in any case, without making a string of it (the rules' loops run per word). */
    boolean wordIs(int token, String word) {
        return end[token] - start[token] == word.length() && text.regionMatches(true, start[token], word, 0, word.length());
    }
}

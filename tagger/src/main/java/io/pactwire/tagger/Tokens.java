package io.pactwire.tagger;

import java.util.Arrays;

/**
 * The words of one text field, in one pass over its chars: their offsets, their vocabulary ids, their
 * shape (lower case, Capitalised, UPPER CASE) and the sentence each belongs to. Sentences end at a
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
    final byte[] shape;
    /** True when the field is written in capitals (a wire headline): case says nothing about names there. */
    final boolean allCaps;
    /**
     * The tokens that can start something the finders look for, in order, with their start flags: the
     * finders visit these instead of every token.
     */
    final int starters;
    final int[] starter;
    final byte[] starterFlags;

    private Tokens(String text, int count, int[] start, int[] end, int[] id, int[] sentence, byte[] shape, boolean allCaps,
                   int starters, int[] starter, byte[] starterFlags) {
        this.text = text;
        this.count = count;
        this.start = start;
        this.end = end;
        this.id = id;
        this.sentence = sentence;
        this.shape = shape;
        this.allCaps = allCaps;
        this.starters = starters;
        this.starter = starter;
        this.starterFlags = starterFlags;
    }

    /**
     * Arrays a thread reuses from one text to the next: the text's chars and the token arrays. A
     * {@link Tokens} made with them is valid until the next {@link #of} with the same buffers.
     */
    static final class Buffers {
        char[] chars = new char[4096];
        int[] start = new int[1024];
        int[] end = new int[1024];
        int[] id = new int[1024];
        int[] sentence = new int[1024];
        byte[] shape = new byte[1024];
        int[] starter = new int[256];
        byte[] starterFlags = new byte[256];
        char[] folded = new char[64];
    }

    /** Tokenizes {@code text} into new arrays; every known word counts as a possible start. */
    static Tokens of(String text, Vocabulary vocabulary, boolean[] abbreviations) {
        byte[] anything = new byte[vocabulary.size() + 1];
        Arrays.fill(anything, 1, anything.length, STARTS_ANYTHING);
        return of(text, vocabulary, abbreviations, anything, new Buffers());
    }

    /**
     * Tokenizes {@code text} into the given buffers (grown when too small).
     *
     * @param abbreviations by vocabulary id, the words after which a full stop does not end a sentence
     * @param startFlags    by vocabulary id + 1 (index 0: an unknown word, which starts nothing), what the
     *                      word can start ({@link #STARTS_NAME} ...)
     */
    static Tokens of(String text, Vocabulary vocabulary, boolean[] abbreviations, byte[] startFlags, Buffers buffers) {
        int length = text.length();
        if (buffers.chars.length < length) {
            buffers.chars = new char[Math.max(length, buffers.chars.length * 2)];
        }
        char[] chars = buffers.chars;
        text.getChars(0, length, chars, 0);
        if (buffers.folded.length < vocabulary.longest() + 1) {
            buffers.folded = new char[vocabulary.longest() + 1];
        }
        // the folded chars of the current word, up to the longest word the vocabulary has
        char[] folded = buffers.folded;
        int[] start = buffers.start;
        int[] end = buffers.end;
        int[] id = buffers.id;
        int[] sentence = buffers.sentence;
        byte[] shape = buffers.shape;
        int[] starter = buffers.starter;
        byte[] starterFlags = buffers.starterFlags;
        int starters = 0;
        int count = 0;
        int sentenceNo = 0;
        int upperLetters = 0;
        int lowerLetters = 0;
        boolean terminal = false;     // . ! ? seen since the last word
        boolean spaceAfterTerminal = false;
        boolean paragraph = false;    // a blank line or an indented new line since the last word
        int newlineSpaces = -1;       // spaces counted after a newline, -1 when not after one
        int longest = folded.length;
        int i = 0;
        while (i < length) {
            char c = chars[i];
            int cls = Fold.classOf(c);
            if (cls == 0) {
                if (c == '.' || c == '!' || c == '?') {
                    if (count > 0 && end[count - 1] == i && c == '.' && isAbbreviation(count - 1, start, end, id, abbreviations)) {
                        // "U.S." or "Inc." does not end a sentence
                    } else if (count > 0) {
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
                i++;
                continue;
            }
            int wordStart = i;
            int hash = 0;
            int upper = 0;
            int lower = 0;
            boolean firstUpper = cls >>> 16 == Fold.UPPER;
            do {
                char f = (char) cls;
                hash = Vocabulary.step(hash, f);
                int k = i - wordStart;
                if (k < longest) {
                    folded[k] = f;
                }
                int letterCase = cls >>> 16;
                upper += letterCase & Fold.UPPER;
                lower += letterCase >>> 1;
                i++;
            } while (i < length && (cls = Fold.classOf(chars[i])) != 0);
            if (count == start.length) {
                int grown = count * 2;
                start = buffers.start = Arrays.copyOf(start, grown);
                end = buffers.end = Arrays.copyOf(end, grown);
                id = buffers.id = Arrays.copyOf(id, grown);
                sentence = buffers.sentence = Arrays.copyOf(sentence, grown);
                shape = buffers.shape = Arrays.copyOf(shape, grown);
            }
            byte s = SHAPES[(upper != 0 ? 8 : 0) | (lower != 0 ? 4 : 0) | (upper >= 2 ? 2 : 0) | (firstUpper ? 1 : 0)];
            if (count > 0 && (paragraph || (terminal && spaceAfterTerminal && s != LOWER))) {
                sentenceNo++;
            }
            int wordLength = i - wordStart;
            start[count] = wordStart;
            end[count] = i;
            int word = wordLength < folded.length ? vocabulary.find(folded, wordLength, hash) : Vocabulary.UNKNOWN;
            id[count] = word;
            byte flags = startFlags[word + 1];
            if (starters == starter.length) {
                starter = buffers.starter = Arrays.copyOf(starter, starters * 2);
                starterFlags = buffers.starterFlags = Arrays.copyOf(starterFlags, starters * 2);
            }
            // appended always, kept only when the word starts something: no branch on it
            starter[starters] = count;
            starterFlags[starters] = flags;
            starters += flags != 0 ? 1 : 0;
            sentence[count] = sentenceNo;
            shape[count] = s;
            count++;
            upperLetters += upper;
            lowerLetters += lower;
            terminal = false;
            paragraph = false;
            newlineSpaces = -1;
        }
        boolean allCaps = upperLetters >= 4 && lowerLetters * 10 < upperLetters;
        return new Tokens(text, count, start, end, id, sentence, shape, allCaps, starters, starter, starterFlags);
    }

    private static boolean isAbbreviation(int token, int[] start, int[] end, int[] id, boolean[] abbreviations) {
        if (end[token] - start[token] == 1) {
            return true;
        }
        return id[token] >= 0 && id[token] < abbreviations.length && abbreviations[id[token]];
    }

    boolean capitalised(int token) {
        return shape[token] == CAPITALISED || shape[token] == UPPER;
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
}

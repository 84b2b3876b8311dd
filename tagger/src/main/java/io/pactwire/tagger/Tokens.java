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

    final String text;
    final int count;
    final int[] start;
    final int[] end;
    final int[] id;
    final int[] sentence;
    final byte[] shape;
    /** True when the field is written in capitals (a wire headline): case says nothing about names there. */
    final boolean allCaps;

    private Tokens(String text, int count, int[] start, int[] end, int[] id, int[] sentence, byte[] shape, boolean allCaps) {
        this.text = text;
        this.count = count;
        this.start = start;
        this.end = end;
        this.id = id;
        this.sentence = sentence;
        this.shape = shape;
        this.allCaps = allCaps;
    }

    /**
     * Tokenizes {@code text}.
     *
     * @param abbreviations by vocabulary id, the words after which a full stop does not end a sentence
     */
    static Tokens of(String text, Vocabulary vocabulary, boolean[] abbreviations) {
        int capacity = text.length() / 5 + 8;
        int[] start = new int[capacity];
        int[] end = new int[capacity];
        int[] id = new int[capacity];
        int[] sentence = new int[capacity];
        byte[] shape = new byte[capacity];
        int count = 0;
        int sentenceNo = 0;
        int upperLetters = 0;
        int lowerLetters = 0;
        boolean terminal = false;     // . ! ? seen since the last word
        boolean spaceAfterTerminal = false;
        boolean paragraph = false;    // a blank line or an indented new line since the last word
        int newlineSpaces = -1;       // spaces counted after a newline, -1 when not after one
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            char f = Fold.fold(c);
            if (f == 0) {
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
            boolean firstUpper = Character.isUpperCase(c);
            while (i < length) {
                c = text.charAt(i);
                f = Fold.fold(c);
                if (f == 0) {
                    break;
                }
                hash = Vocabulary.step(hash, f);
                if (f != c) {
                    if (Character.isUpperCase(c)) {
                        upper++;
                    } else {
                        lower++;
                    }
                } else if (Character.isLowerCase(c)) {
                    lower++;
                }
                i++;
            }
            if (count == start.length) {
                int grown = count * 2;
                start = Arrays.copyOf(start, grown);
                end = Arrays.copyOf(end, grown);
                id = Arrays.copyOf(id, grown);
                sentence = Arrays.copyOf(sentence, grown);
                shape = Arrays.copyOf(shape, grown);
            }
            byte s = upper == 0 ? (lower == 0 ? NO_CASE : LOWER)
                    : lower == 0 ? (upper >= 2 ? UPPER : CAPITALISED)
                    : firstUpper ? CAPITALISED : LOWER;
            if (count > 0 && (paragraph || (terminal && spaceAfterTerminal && s != LOWER))) {
                sentenceNo++;
            }
            start[count] = wordStart;
            end[count] = i;
            id[count] = vocabulary.find(text, wordStart, i, hash);
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
        return new Tokens(text, count, start, end, id, sentence, shape, allCaps);
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

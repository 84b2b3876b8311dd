package io.pactwire.tagger;

import java.text.Normalizer;

/**
 * How the tagger compares words: case and accents do not matter ("Côte" is "cote", "ZÜRICH" is
 * "zurich"). A word is a run of letters and digits; anything else separates words.
 */
final class Fold {
    /** Below this, folding is a table look-up; Latin-1 and Latin Extended-A/B cover the accents news uses. */
    static final int TABLE_SIZE = 0x250;
    /** The folded char of each char below {@link #TABLE_SIZE}, or 0 when it is not part of a word. */
    private static final char[] TABLE = new char[TABLE_SIZE];
    /** Case of a word char: {@link #UPPER}, {@link #LOWER} or neither (digits). */
    static final byte UPPER = 1;
    static final byte LOWER = 2;
    private static final byte[] CASE = new byte[TABLE_SIZE];
    /**
     * One look-up per char below {@link #TABLE_SIZE}: the folded char in the low 16 bits (0 when the char
     * separates words) and its case above them. The tokenizer builds its own scan table from it.
     */
    private static final int[] CLASS = new int[TABLE_SIZE];

    static {
        for (char c = 0; c < TABLE_SIZE; c++) {
            if (Character.isLetterOrDigit(c)) {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                TABLE[c] = Character.toLowerCase(base.charAt(0));
                CASE[c] = caseOf(c);
                CLASS[c] = TABLE[c] | CASE[c] << 16;
            }
        }
    }

    private static byte caseOf(char c) {
        return Character.isUpperCase(c) ? UPPER : Character.isLowerCase(c) ? LOWER : 0;
    }

    /** The folded char of {@code c} (low 16 bits, 0 when it separates words) and its case (bits 16-17). */
    static int classOf(char c) {
        if (c < TABLE_SIZE) {
            return CLASS[c];
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) | caseOf(c) << 16 : 0;
    }

    /** The case of word char {@code c}: {@link #UPPER}, {@link #LOWER}, or 0 for a char without case. */
    static byte caseOfWordChar(char c) {
        return c < TABLE_SIZE ? CASE[c] : caseOf(c);
    }

    private Fold() {
    }

    /** The folded form of {@code c}, or 0 when {@code c} separates words. */
    static char fold(char c) {
        if (c < TABLE_SIZE) {
            return TABLE[c];
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
    }

    /** The folded words of {@code phrase} joined by single spaces: the key names are compared by. */
    static String key(CharSequence phrase) {
        StringBuilder key = new StringBuilder(phrase.length());
        boolean inWord = false;
        for (int i = 0; i < phrase.length(); i++) {
            char f = fold(phrase.charAt(i));
            if (f != 0) {
                if (!inWord && key.length() > 0) {
                    key.append(' ');
                }
                key.append(f);
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return key.toString();
    }
}

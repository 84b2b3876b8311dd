package io.pactwire.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 (RFC 3629), checked before JSON is parsed. Jackson's own decoder accepts overlong forms
 * (C0 AF for '/', C0 A2 for '"') and guesses UTF-16 or UTF-32 from NUL bytes; a value other readers
 * would refuse, or read as different text, must not become an article.
 */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private Utf8() {
    }

    /**
     * What is wrong with {@code length} bytes of {@code data} from {@code offset} as UTF-8 JSON text, or
     * null when nothing is. A NUL byte is refused too: JSON text never holds one unescaped, and it is what
     * UTF-16 and UTF-32 text looks like to a UTF-8 reader.
     */
    static String problem(byte[] data, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            // news text is mostly ASCII: skip it eight bytes at a time while no byte has its high bit
            // set and none is zero
            while (i + Long.BYTES <= end) {
                long eight = (long) LONGS.get(data, i);
                if (((eight | ((eight - LOW_BITS) & ~eight)) & HIGH_BITS) != 0) {
                    break;
                }
                i += Long.BYTES;
            }
            if (i == end) {
                break;
            }
            int lead = data[i];
            if (lead > 0) {
                i++;
                continue;
            }
            if (lead == 0) {
                return at(i - offset, "a NUL byte (is the text UTF-16 or UTF-32?)");
            }
            lead &= 0xFF;
            int continuations;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuations = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuations = 2;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuations = 3;
            } else if (lead == 0xC0 || lead == 0xC1) {
                return at(i - offset, "an overlong encoding (lead byte " + hex(lead) + ")");
            } else if (lead <= 0xBF) {
                return at(i - offset, "a continuation byte " + hex(lead) + " without a lead byte");
            } else {
                return at(i - offset, "the byte " + hex(lead) + ", which UTF-8 never uses");
            }
            int codePoint = lead & (0x3F >> continuations);
            for (int k = 1; k <= continuations; k++) {
                if (i + k >= end || (data[i + k] & 0xC0) != 0x80) {
                    return at(i - offset, "a sequence cut short (lead byte " + hex(lead) + ")");
                }
                codePoint = (codePoint << 6) | (data[i + k] & 0x3F);
            }
            if (continuations == 2 && codePoint < 0x800 || continuations == 3 && codePoint < 0x10000) {
                return at(i - offset, "an overlong encoding of U+" + String.format("%04X", codePoint));
            }
            if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                return at(i - offset, "an encoded surrogate U+" + String.format("%04X", codePoint));
            }
            if (codePoint > 0x10FFFF) {
                return at(i - offset, "a code point over U+10FFFF");
            }
            i += continuations + 1;
        }
        return null;
    }

    private static String at(int index, String problem) {
        return "not valid UTF-8 at byte " + index + ": " + problem;
    }

    private static String hex(int b) {
        return String.format("0x%02X", b);
    }
}

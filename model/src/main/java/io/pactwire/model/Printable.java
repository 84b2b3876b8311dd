package io.pactwire.model;

/**
 * The one escaping of what ingest reports: sources, ids and reasons come from inputs (a feed link with
 * {@code &#10;}, a file name with a bidi override), and printed raw they could forge a line of the report
 * or hide what it says. Every control (Cc), format (Cf), line or paragraph separator (Zl, Zp) character
 * and every unpaired surrogate becomes {@code \\uXXXX}; nothing else changes, so escaping twice is escaping
 * once.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code text} with every character that could break or disguise a report line written as its code point. */
    public static String escape(String text) {
        if (text == null || isPrintable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (mustEscape(text, i)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (mustEscape(text, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mustEscape(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}

package io.pactwire.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hash that identifies an article's content: SHA-256 over the normalised title and body, so that
 * whitespace, Unicode composition and letter case do not make two copies of one text differ.
 */
public final class ContentHash {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ContentHash() {
    }

    /** Lower-case hex SHA-256 of {@code normalise(title) + "\n" + normalise(body)}. */
    public static String of(String title, String body) {
        return sha256Hex(normalise(title) + "\n" + normalise(body));
    }

    /** NFKC, whitespace runs collapsed to one space, trimmed, lower-cased. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(composed).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}

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

    /** Marks, in {@link #ASCII}, the whitespace of the regex: a run of it becomes one space. */
    private static final byte RUN = -1;
    /** Each ASCII character as normalised: letters lower-cased, the regex's whitespace {@link #RUN}. */
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        for (char c : new char[] {' ', '\t', '\n', 0x0B, '\f', '\r'}) {
            ASCII[c] = RUN;
        }
    }

    private ContentHash() {
    }

    /** Lower-case hex SHA-256 of {@code normalise(title) + "\n" + normalise(body)}. */
    public static String of(String title, String body) {
        String t = title == null ? "" : title;
        String b = body == null ? "" : body;
        if (!isAscii(t) || !isAscii(b)) {
            return sha256Hex(normalise(t) + "\n" + normalise(b));
        }
        // Ingest hashes every article: for ASCII text (most news), the normalised bytes are written in
        // one pass into one array and hashed, without the intermediate strings.
        byte[] bytes = new byte[t.length() + 1 + b.length()];
        int n = normaliseAscii(t, bytes, 0);
        bytes[n++] = '\n';
        n = normaliseAscii(b, bytes, n);
        MessageDigest digest = sha256();
        digest.update(bytes, 0, n);
        return hex(digest.digest());
    }

    /** NFKC, whitespace runs collapsed to one space, trimmed, lower-cased. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        if (isAscii(text)) {
            byte[] bytes = new byte[text.length()];
            int n = normaliseAscii(text, bytes, 0);
            return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        }
        return normaliseSlowly(text);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes {@link #normalise} of an ASCII text into {@code out} from {@code at}, in one pass, with the
     * same result as the regex and the normaliser: NFKC leaves ASCII as it is; runs of the regex's
     * whitespace ({@code [ \t\n\x0B\f\r]}) become one space; then what {@link String#strip} strips
     * ({@link Character#isWhitespace}, which also counts \x1C-\x1F) goes from both ends; letters are
     * lower-cased. Returns the index after the last byte written.
     */
    static int normaliseAscii(String text, byte[] out, int at) {
        // The chars as bytes in one bulk copy, then a pass with no branch on them: a run char writes a
        // space, and the write index moves on unless the char before was of the run too.
        byte[] chars = text.getBytes(StandardCharsets.ISO_8859_1);
        int n = at;
        int inRun = 0;
        for (byte c : chars) {
            int mapped = ASCII[c & 0x7F];
            int run = mapped >>> 31;
            out[n] = (byte) ((mapped & (run - 1)) | (' ' & -run));
            n += 1 - (run & inRun);
            inRun = run;
        }
        int start = at;
        while (start < n && Character.isWhitespace(out[start])) {
            start++;
        }
        while (n > start && Character.isWhitespace(out[n - 1])) {
            n--;
        }
        if (start > at) {
            System.arraycopy(out, start, out, at, n - start);
            n -= start - at;
        }
        return n;
    }

    /** The regex and the normaliser, for every text (and for tests of {@link #normaliseAscii}). */
    static String normaliseSlowly(String text) {
        return WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
    }

    public static String sha256Hex(String text) {
        return hex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * A SHA-256 digest to clone: cheaper than looking the algorithm up per hash, and than a thread-local,
     * whose lookup was most of the hash's time on a thread that many libraries keep thread-locals on.
     */
    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
            PROTOTYPE.clone();
        } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256, cloneable, is required of every JVM", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}

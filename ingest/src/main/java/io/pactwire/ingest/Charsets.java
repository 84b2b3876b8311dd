package io.pactwire.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character set of a document, read from its bytes, never assumed: a byte-order mark first, then
 * the HTTP {@code Content-Type} header, then a {@code <meta charset>} or {@code http-equiv} declaration
 * or an XML declaration in the first bytes, as the WHATWG encoding sniffing algorithm orders them.
 * Without any of these, bytes that decode as UTF-8 are UTF-8 and others are windows-1252, which is what
 * browsers do for legacy Western pages ("ISO-8859-1" labels also mean windows-1252 on the web).
 *
 * <p>A declaration is a claim, checked against the bytes: UTF-16 or UTF-32 declared for bytes that are plainly
 * ASCII or UTF-8, or that do not decode in it, is ignored (decoded so, such a page is CJK gibberish or
 * replacement characters). Decoded text with more than a small share of undecodable or control characters is
 * not text ({@link #notText}): binary bytes served as {@code text/html}, or a page in another charset than
 * its header says.
 */
public final class Charsets {
    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]+encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /**
     * The share of undecodable (U+FFFD) or control characters above which decoded bytes are not text. Real
     * pages have none but a stray byte or two; random bytes read as windows-1252 have about 13% control
     * characters, and a page in one charset read as UTF-8 many replacement characters.
     */
    private static final double MAX_NOT_TEXT_SHARE = 0.01;

    private Charsets() {
    }

    /** How the charset was decided, for diagnostics and tests. */
    public enum Evidence { BYTE_ORDER_MARK, HTTP_HEADER, DOCUMENT_DECLARATION, VALID_UTF8, FALLBACK }

    /** A charset and what it was decided from. */
    public record Detected(Charset charset, Evidence evidence) {
    }

    /**
     * The charset of {@code bytes}.
     *
     * @param contentType the HTTP {@code Content-Type} header, or null for files
     */
    public static Detected detect(byte[] bytes, String contentType) {
        Optional<Charset> bom = byteOrderMark(bytes);
        if (bom.isPresent()) {
            return new Detected(bom.get(), Evidence.BYTE_ORDER_MARK);
        }
        if (contentType != null) {
            Matcher m = HEADER_CHARSET.matcher(contentType);
            if (m.find()) {
                Optional<Charset> header = forLabel(m.group(1));
                if (header.isPresent() && believable(header.get(), bytes)) {
                    return new Detected(header.get(), Evidence.HTTP_HEADER);
                }
            }
        }
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        for (Pattern declaration : new Pattern[] {META_CHARSET, XML_ENCODING}) {
            Matcher m = declaration.matcher(head);
            if (m.find()) {
                Optional<Charset> declared = forLabel(m.group(1));
                if (declared.isPresent()) {
                    // A page that declares UTF-16 (or UTF-32) in ASCII bytes is not UTF-16 (WHATWG: read as UTF-8).
                    Charset charset = isWide(declared.get()) ? StandardCharsets.UTF_8 : declared.get();
                    return new Detected(charset, Evidence.DOCUMENT_DECLARATION);
                }
            }
        }
        if (isUtf8(bytes)) {
            return new Detected(StandardCharsets.UTF_8, Evidence.VALID_UTF8);
        }
        return new Detected(WINDOWS_1252, Evidence.FALLBACK);
    }

    /** The text of {@code bytes} in their detected charset, without a byte-order mark. */
    public static String decode(byte[] bytes, String contentType) {
        return decodeIn(bytes, detect(bytes, contentType));
    }

    /** The text of {@code bytes} in the charset detected for them, without a byte-order mark. */
    public static String decodeIn(byte[] bytes, Detected detected) {
        String text = new String(bytes, detected.charset());
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Why {@code text}, decoded from bytes in {@code detected}'s charset, is not text, or empty when it is:
     * in a declared charset, more than a small share of characters that did not decode; in any, more than a
     * small share of control and undecodable characters together (binary bytes).
     */
    public static Optional<String> notText(String text, Detected detected) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long undecodable = 0;
        long control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                undecodable++;
            } else if (isControl(c)) {
                control++;
            }
        }
        boolean declared = detected.evidence() == Evidence.HTTP_HEADER || detected.evidence() == Evidence.DOCUMENT_DECLARATION;
        if (declared && undecodable > MAX_NOT_TEXT_SHARE * text.length()) {
            return Optional.of("not text in the declared charset " + detected.charset().name() + ": " + percent(undecodable, text)
                    + " of it does not decode");
        }
        if (undecodable + control > MAX_NOT_TEXT_SHARE * text.length()) {
            return Optional.of("binary content, not text (" + percent(undecodable + control, text)
                    + " control or undecodable characters)");
        }
        return Optional.empty();
    }

    /** C0 and C1 controls but the whitespace ones: text has none, binary bytes read as text many. */
    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c >= 0x7F && c <= 0x9F;
    }

    private static String percent(long count, String text) {
        return Math.max(1, Math.round(100.0 * count / text.length())) + "%";
    }

    private static boolean isWide(Charset charset) {
        return charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
    }

    /**
     * Whether the bytes can be in {@code charset}. Only UTF-16 and UTF-32 are doubted: they are the claims
     * that turn an ASCII or UTF-8 page into gibberish. Bytes without any NUL that are valid UTF-8 are ASCII or
     * UTF-8 (UTF-32 always has NULs, UTF-16 of Latin text too, and UTF-16 of other scripts is practically never
     * valid UTF-8), and bytes that do not decode in the charset are not in it.
     */
    private static boolean believable(Charset charset, byte[] bytes) {
        if (!isWide(charset)) {
            return true;
        }
        boolean nul = false;
        for (byte b : bytes) {
            if (b == 0) {
                nul = true;
                break;
            }
        }
        if (!nul && isUtf8(bytes)) {
            return false;
        }
        return decodes(bytes, charset);
    }

    /** Whether {@code bytes} are text in {@code charset}, every byte sequence valid and mappable. */
    static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Whether {@code bytes} are well-formed UTF-8. */
    public static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Optional<Charset> byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    /** The charset a label names, with the web's aliases: latin1 and ascii labels mean windows-1252. */
    static Optional<Charset> forLabel(String label) {
        String name = label.strip().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("iso8859-1") || name.equals("us-ascii")
                || name.equals("ascii") || name.equals("l1")) {
            return Optional.of(WINDOWS_1252);
        }
        if (name.equals("utf8")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}

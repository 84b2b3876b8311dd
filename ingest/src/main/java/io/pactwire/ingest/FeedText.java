package io.pactwire.ingest;

import org.jsoup.nodes.Entities;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a feed as a lenient reader (feedparser, a browser) understands it, made well-formed XML for a
 * strict parser where the meaning is clear, and refused where safety is at stake.
 *
 * <ul>
 *   <li>The charset, from the bytes first: a byte-order mark (UTF-8, UTF-16, UTF-32), else the NUL pattern of
 *       the first bytes (XML 1.0 appendix F: UTF-16 and UTF-32 without BOM), else the HTTP header, else the
 *       XML declaration, when the bytes decode in it, else UTF-8 when they are valid UTF-8, else windows-1252.
 *       The declaration is then removed: the text is no longer in the bytes it described.</li>
 *   <li>Characters XML 1.0 forbids (C0 controls but tab and line ends, such as U+001D; U+FFFE, U+FFFF;
 *       unpaired surrogates) are removed, and so are character references to them.</li>
 *   <li>HTML named character references ({@code &eacute;}, {@code &nbsp;}, {@code &mdash;}: the HTML5 table)
 *       become numeric references, HTML's {@code &#X41;} XML's {@code &#x41;}; an ampersand that starts no
 *       reference is escaped ({@code AT&T}).
 *       CDATA sections, comments and processing instructions are left as they are.</li>
 *   <li>A DOCTYPE that only names an external DTD (RSS 0.91's Netscape DTD, which is where its HTML entities
 *       come from) is removed unread: the DTD is never fetched. A DOCTYPE with an internal subset, where
 *       entities (external ones, XXE, or expansion bombs) are declared, is refused.</li>
 * </ul>
 * What is well-formed but shaped otherwise than Rome expects (RSS 0.9x's versions, RSS in a namespace, CDF) is
 * fixed on the parsed tree, by {@link FeedTree}.
 * Every change keeps the text's length within five times the original (an escaped ampersand), so the size
 * limits on the bytes still bound what is parsed.
 */
final class FeedText {
    /** Why a feed is refused before parsing, whatever else it holds. */
    static final String DOCTYPE_REFUSED = "feed declares a DOCTYPE: DTDs and external entities (XXE) are refused";

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*<\\?xml\\b[^>]*?\\?>");
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]+encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE(?:[^>\\[\"']|\"[^\"]*\"|'[^']*')*+(.)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    private FeedText() {
    }

    /** A feed that is refused before any parsing; the message is the reason. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /**
     * The text of a feed, decoded and cleaned for a strict XML parser.
     *
     * @param contentType the HTTP {@code Content-Type} header, or null for a file
     */
    static String of(byte[] bytes, String contentType) throws Refused {
        return clean(decode(bytes, contentType));
    }

    /** The first characters of {@code bytes}, decoded from what the bytes say alone (BOM or NUL pattern). */
    static String head(byte[] bytes, int length) {
        byte[] first = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, length));
        Optional<Charset> wide = fromBytes(first);
        String text = new String(first, wide.orElse(StandardCharsets.ISO_8859_1));
        return text.startsWith("\uFEFF") ? text.substring(1) : text.startsWith("\u00EF\u00BB\u00BF") ? text.substring(3) : text;
    }

    /** The text of {@code bytes} in the charset their bytes, header or declaration say, without a BOM or XML declaration. */
    static String decode(byte[] bytes, String contentType) {
        Optional<Charset> fromBytes = fromBytes(bytes);
        Charset charset = fromBytes.orElseGet(() -> declared(bytes, contentType).orElseGet(
                () -> Charsets.isUtf8(bytes) ? StandardCharsets.UTF_8 : Charsets.forLabel("windows-1252").orElseThrow()));
        String text = new String(bytes, charset);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return XML_DECLARATION.matcher(text).replaceFirst("");
    }

    /** The charset a BOM names, or the one the NULs of the first four bytes show (UTF-16, UTF-32 without BOM). */
    private static Optional<Charset> fromBytes(byte[] b) {
        int[] u = new int[4];
        for (int i = 0; i < 4; i++) {
            u[i] = i < b.length ? b[i] & 0xFF : -1;
        }
        if (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) {
            return Optional.of(UTF_32BE);
        }
        if (u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) {
            return Optional.of(UTF_32LE);
        }
        if (u[0] == 0xFE && u[1] == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (u[0] == 0xFF && u[1] == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (u[0] == 0 && u[1] == 0 && u[2] == 0 && u[3] > 0) {
            return Optional.of(UTF_32BE);
        }
        if (u[0] > 0 && u[1] == 0 && u[2] == 0 && u[3] == 0) {
            return Optional.of(UTF_32LE);
        }
        if (u[0] == 0 && u[1] > 0 && u[2] == 0 && u[3] > 0) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (u[0] > 0 && u[1] == 0 && u[2] > 0 && u[3] == 0) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    /**
     * The charset the header, else the XML declaration, names, when the bytes decode in it. A UTF-16 or UTF-32
     * claim is not believed here: bytes in them were recognised by their NULs already.
     */
    private static Optional<Charset> declared(byte[] bytes, String contentType) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        for (Matcher m : new Matcher[] {HEADER_CHARSET.matcher(contentType == null ? "" : contentType), XML_ENCODING.matcher(head)}) {
            if (m.find()) {
                Optional<Charset> charset = Charsets.forLabel(m.group(1));
                if (charset.isPresent() && !charset.get().name().startsWith("UTF-16") && !charset.get().name().startsWith("UTF-32")
                        && Charsets.decodes(bytes, charset.get())) {
                    return charset;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code text} with forbidden characters removed, its prolog's DOCTYPE checked and removed, entities resolved. */
    static String clean(String text) throws Refused {
        String xml = withoutForbiddenCharacters(text);
        xml = withoutDoctype(xml);
        return withXmlReferences(xml);
    }

    private static String withoutForbiddenCharacters(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c)) {
                allowed = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (allowed) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                allowed = isXmlChar(c);
            }
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether XML 1.0 allows the character (a surrogate half alone is not one). */
    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** The text without the DOCTYPE of its prolog; refused when the DOCTYPE declares anything. */
    private static String withoutDoctype(String xml) throws Refused {
        int at = prologDoctype(xml);
        if (at < 0) {
            return xml;
        }
        Matcher m = DOCTYPE.matcher(xml);
        if (!m.find(at) || !">".equals(m.group(1))) {
            throw new Refused(DOCTYPE_REFUSED); // an internal subset, or a DOCTYPE that never ends
        }
        return xml.substring(0, m.start()) + xml.substring(m.end());
    }

    /** Where the root element starts: the first {@code <} that opens neither a comment, a PI nor a declaration. */
    static int rootStart(String xml) {
        return prolog(xml, false);
    }

    /** Where the prolog's DOCTYPE starts, outside its comments, or -1. */
    private static int prologDoctype(String xml) {
        return prolog(xml, true);
    }

    private static int prolog(String xml, boolean doctype) {
        for (int at = xml.indexOf('<'); at >= 0; at = xml.indexOf('<', at + 1)) {
            if (xml.startsWith("<!--", at)) {
                int end = xml.indexOf("-->", at + 4);
                if (end < 0) {
                    return doctype ? -1 : xml.length();
                }
                at = end;
            } else if (doctype && xml.regionMatches(true, at, "<!DOCTYPE", 0, 9)) {
                return at;
            } else if (at + 1 < xml.length() && xml.charAt(at + 1) != '!' && xml.charAt(at + 1) != '?') {
                return doctype ? -1 : at;
            }
        }
        return doctype ? -1 : xml.length();
    }

    /** The local name of the root element, or empty when there is none. */
    static String rootName(String xml) {
        int at = rootStart(xml);
        int end = at + 1;
        while (end < xml.length() && !Character.isWhitespace(xml.charAt(end)) && xml.charAt(end) != '>' && xml.charAt(end) != '/') {
            end++;
        }
        String name = at + 1 >= xml.length() ? "" : xml.substring(at + 1, end);
        return name.substring(name.indexOf(':') + 1);
    }

    /**
     * Every reference made one XML knows: HTML named references become numeric ones, references to
     * characters XML forbids are dropped, hexadecimal ones take XML's lower-case {@code x} ({@code &#X41;}, as
     * HTML allows, is {@code &#x41;}), and an ampersand that starts no reference is escaped.
     */
    private static String withXmlReferences(String xml) {
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int i = 0;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (c == '<') {
                int end = verbatimEnd(xml, i);
                out.append(xml, i, end);
                i = end;
            } else if (c == '&') {
                i = reference(xml, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The end of what starts at {@code at} and is copied as it is: a CDATA section, comment or PI, else the {@code <}. */
    private static int verbatimEnd(String xml, int at) {
        String[][] spans = {{"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"<?", "?>"}};
        for (String[] span : spans) {
            if (xml.startsWith(span[0], at)) {
                int end = xml.indexOf(span[1], at + span[0].length());
                return end < 0 ? xml.length() : end + span[1].length();
            }
        }
        return at + 1;
    }

    /** Appends the reference that starts at {@code at} in its XML form; returns where the text goes on. */
    private static int reference(String xml, int at, StringBuilder out) {
        int end = at + 1;
        boolean numeric = end < xml.length() && xml.charAt(end) == '#';
        boolean hex = numeric && end + 1 < xml.length() && (xml.charAt(end + 1) == 'x' || xml.charAt(end + 1) == 'X');
        int digits = numeric ? end + (hex ? 2 : 1) : end;
        end = digits;
        while (end < xml.length() && end - at < 40 && (numeric ? Character.digit(xml.charAt(end), hex ? 16 : 10) >= 0
                : Character.isLetterOrDigit(xml.charAt(end)) && xml.charAt(end) < 0x80)) {
            end++;
        }
        if (end == digits || end >= xml.length() || xml.charAt(end) != ';') {
            out.append("&amp;"); // starts no reference: a literal ampersand
            return at + 1;
        }
        String name = xml.substring(digits, end);
        if (numeric) {
            int codePoint = name.length() > 7 ? -1 : Integer.parseInt(name, hex ? 16 : 10);
            if (isXmlChar(codePoint)) {
                out.append(hex ? "&#x" : "&#").append(name).append(';'); // HTML's &#X41; is XML's &#x41;
            }
        } else if (XML_ENTITIES.contains(name)) {
            out.append(xml, at, end + 1);
        } else if (Entities.isNamedEntity(name)) {
            Entities.getByName(name).codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
        } else {
            out.append("&amp;").append(name).append(';'); // no such entity: shown as written, as browsers do
        }
        return end + 1;
    }
}

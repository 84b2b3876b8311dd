package io.pactwire.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The charset of a page comes from its bytes, in the WHATWG order, and is never assumed. */
class CharsetsTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    @Test
    void aByteOrderMarkWinsOverEverything() {
        byte[] page = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                bytes("<meta charset=\"iso-8859-1\"><p>Zürich</p>", StandardCharsets.UTF_8));
        assertThat(Charsets.detect(page, "text/html; charset=windows-1251"))
                .isEqualTo(new Charsets.Detected(StandardCharsets.UTF_8, Charsets.Evidence.BYTE_ORDER_MARK));
        assertThat(Charsets.decode(page, null)).isEqualTo("<meta charset=\"iso-8859-1\"><p>Zürich</p>");
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes("<p>Zürich</p>", StandardCharsets.UTF_16LE));
        assertThat(Charsets.decode(utf16, null)).isEqualTo("<p>Zürich</p>");
    }

    @Test
    void theHttpHeaderWinsOverTheDocumentsDeclaration() {
        byte[] page = bytes("<meta charset=\"utf-8\"><p>Grüße</p>", StandardCharsets.ISO_8859_1);
        assertThat(Charsets.detect(page, "text/html; charset=ISO-8859-1").evidence()).isEqualTo(Charsets.Evidence.HTTP_HEADER);
        assertThat(Charsets.decode(page, "text/html; charset=ISO-8859-1")).contains("Grüße");
    }

    @Test
    void aMetaOrXmlDeclarationIsReadFromTheFirstBytes() {
        byte[] meta = bytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "</head><body>“Smart” quotes</body></html>", WINDOWS_1252);
        assertThat(Charsets.detect(meta, null)).isEqualTo(new Charsets.Detected(WINDOWS_1252, Charsets.Evidence.DOCUMENT_DECLARATION));
        assertThat(Charsets.decode(meta, null)).contains("“Smart” quotes");
        byte[] xml = bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss><title>5 €</title></rss>", Charset.forName("ISO-8859-15"));
        assertThat(Charsets.decode(xml, null)).contains("5 €");
    }

    @Test
    void undeclaredBytesAreUtf8WhenValidAndWindows1252Otherwise() {
        assertThat(Charsets.detect(bytes("<p>Łódź</p>", StandardCharsets.UTF_8), null).evidence()).isEqualTo(Charsets.Evidence.VALID_UTF8);
        byte[] latin = bytes("<p>Café</p>", StandardCharsets.ISO_8859_1);
        assertThat(Charsets.detect(latin, null)).isEqualTo(new Charsets.Detected(WINDOWS_1252, Charsets.Evidence.FALLBACK));
        assertThat(Charsets.decode(latin, null)).isEqualTo("<p>Café</p>");
    }

    @Test
    void anUnknownLabelIsIgnored() {
        byte[] page = bytes("<meta charset=\"no-such-charset\"><p>Grüße</p>", StandardCharsets.UTF_8);
        assertThat(Charsets.detect(page, "text/html; charset=bogus").evidence()).isEqualTo(Charsets.Evidence.VALID_UTF8);
    }

    @Test
    void aUtf32OrUtf16HeaderOnAsciiOrUtf8BytesIsNotBelieved() {
        String page = "<p>Zürich and Tokyo signed a memorandum</p>";
        byte[] utf8 = bytes(page, StandardCharsets.UTF_8);
        assertThat(Charsets.decode(utf8, "text/html; charset=UTF-32")).isEqualTo(page);
        assertThat(Charsets.detect(utf8, "text/html; charset=UTF-32").evidence()).isEqualTo(Charsets.Evidence.VALID_UTF8);
        byte[] ascii = bytes("<p>Luxembourg and Japan signed a memorandum</p>", StandardCharsets.US_ASCII);
        assertThat(Charsets.decode(ascii, "text/html; charset=utf-16")).isEqualTo("<p>Luxembourg and Japan signed a memorandum</p>");
        assertThat(Charsets.decode(ascii, "text/html; charset=UTF-16LE")).isEqualTo("<p>Luxembourg and Japan signed a memorandum</p>");
    }

    @Test
    void aUtf16PageWithoutByteOrderMarkIsReadAsItsHeaderSays() {
        byte[] latin = bytes("<p>Zürich and Tokyo</p>", StandardCharsets.UTF_16LE);
        assertThat(Charsets.detect(latin, "text/html; charset=UTF-16LE"))
                .isEqualTo(new Charsets.Detected(StandardCharsets.UTF_16LE, Charsets.Evidence.HTTP_HEADER));
        assertThat(Charsets.decode(latin, "text/html; charset=UTF-16LE")).isEqualTo("<p>Zürich and Tokyo</p>");
        byte[] japanese = bytes("日本とルクセンブルクが協力", StandardCharsets.UTF_16BE);
        assertThat(Charsets.decode(japanese, "text/plain; charset=UTF-16BE")).isEqualTo("日本とルクセンブルクが協力");
    }

    @Test
    void textInAnotherCharsetThanItsHeaderDeclaresIsNotText() {
        byte[] latin = bytes("<p>Café crème à la française: déjà vu, señor, Grüße</p>", StandardCharsets.ISO_8859_1);
        Charsets.Detected detected = Charsets.detect(latin, "text/html; charset=utf-8");
        assertThat(detected.evidence()).isEqualTo(Charsets.Evidence.HTTP_HEADER);
        assertThat(Charsets.notText(Charsets.decodeIn(latin, detected), detected))
                .hasValueSatisfying(reason -> assertThat(reason).matches("not text in the declared charset UTF-8: \\d+% of it does not decode"));
    }

    @Test
    void randomBytesAreBinaryNotText() {
        byte[] random = new byte[200 * 1024];
        new Random(17).nextBytes(random);
        for (int i = 0; i < random.length; i++) {
            random[i] = random[i] == 0 ? 1 : random[i]; // no NUL: those are caught already
        }
        Charsets.Detected detected = Charsets.detect(random, "text/html");
        assertThat(Charsets.notText(Charsets.decodeIn(random, detected), detected))
                .hasValueSatisfying(reason -> assertThat(reason).matches("binary content, not text \\(\\d+% control or undecodable characters\\)"));
    }

    @Test
    void pagesInTheirOwnCharsetAreText() {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, WINDOWS_1252}) {
            byte[] page = bytes("<html><body><p>Grüße aus Zürich, “quoted”, 5 €.</p>\n\t<p>Second line.</p></body></html>", charset);
            Charsets.Detected detected = Charsets.detect(page, "text/html; charset=" + charset.name());
            assertThat(Charsets.notText(Charsets.decodeIn(page, detected), detected)).as(charset.name()).isEmpty();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}

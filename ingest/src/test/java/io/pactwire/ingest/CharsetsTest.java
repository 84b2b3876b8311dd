package io.pactwire.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

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

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}

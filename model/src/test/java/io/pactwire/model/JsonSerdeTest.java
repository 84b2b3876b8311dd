package io.pactwire.model;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSerdeTest {
    private final JsonSerde<RawArticle> raw = Serdes.RAW_ARTICLE;
    private final JsonSerde<EnrichedArticle> enriched = Serdes.ENRICHED_ARTICLE;

    @Test
    void roundTripsARawArticle() {
        RawArticle article = Examples.raw();
        byte[] bytes = raw.serialize("news.raw", article);
        assertThat(raw.deserialize("news.raw", bytes)).isEqualTo(article);
    }

    @Test
    void roundTripsAnEnrichedArticleWithItsTags() {
        EnrichedArticle article = Examples.enriched();
        assertThat(enriched.deserialize("news.enriched", enriched.serialize("news.enriched", article))).isEqualTo(article);
    }

    @Test
    void nullPassesThroughBothWaysAsATombstone() {
        assertThat(raw.serialize("news.raw", null)).isNull();
        assertThat(raw.deserialize("news.raw", null)).isNull();
        assertThat(raw.serializer().serialize("news.raw", null)).isNull();
        assertThat(raw.deserializer().deserialize("news.raw", null)).isNull();
    }

    @Test
    void theJsonLiteralNullIsNotATombstone() {
        assertThatThrownBy(() -> raw.deserialize("news.raw", "null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("JSON literal null");
        assertThatThrownBy(() -> raw.deserialize("news.raw", new byte[0]))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void writesInstantsAsIsoStringsAndLeavesOutNullFields() {
        String json = raw.toJson(RawArticle.of("a1", "T", "Body").withIngestedAt(java.time.Instant.parse("2026-01-02T03:04:05Z")));
        assertThat(json).contains("\"ingestedAt\":\"2026-01-02T03:04:05Z\"").doesNotContain("\"url\"").doesNotContain("null");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        RawArticle article = raw.fromJson("{\"id\":\"a\",\"title\":\"t\",\"body\":\"b\",\"futureField\":{\"x\":1}}");
        assertThat(article.id()).isEqualTo("a");
    }

    @Test
    void computesTheContentHashWhenAProducerLeavesItOut() {
        RawArticle article = raw.fromJson("{\"id\":\"a\",\"title\":\"Title\",\"body\":\"Body\"}");
        assertThat(article.contentHash()).isEqualTo(ContentHash.of("Title", "Body"));
        assertThat(article.revision()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} -> names {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"title\":\"t\",\"body\":\"b\"}                                   | field 'id': must not be blank",
            "{\"id\":\"  \",\"title\":\"t\",\"body\":\"b\"}                     | field 'id': must not be blank",
            "{\"id\":\"a\",\"title\":\"t\"}                                     | field 'body': must not be blank",
            "{\"id\":42,\"title\":\"t\",\"body\":\"b\"}                         | field 'id'",
            "{\"id\":\"a\",\"title\":[\"t\"],\"body\":\"b\"}                    | field 'title'",
            "{\"id\":\"a\",\"body\":\"b\",\"revision\":\"2\"}                   | field 'revision'",
            "{\"id\":\"a\",\"body\":\"b\",\"revision\":-3}                      | field 'revision': must be positive",
            "{\"id\":\"a\",\"body\":\"b\",\"publishedAt\":\"16/01/2018\"}       | field 'publishedAt': must be an ISO-8601 date",
            "{\"id\":\"a\",\"body\":\"b\",\"ingestedAt\":\"yesterday\"}         | field 'ingestedAt'",
    })
    void namesTheFieldOfEveryReadFailure(String json, String expected) {
        assertThatThrownBy(() -> raw.deserialize("news.raw", json.strip().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot read RawArticle from topic 'news.raw': ")
                .hasMessageContaining(expected.strip());
    }

    @Test
    void namesNestedFieldsOfEnrichedArticles() {
        String json = enriched.toJson(Examples.enriched()).replace("\"code\":\"CN\"", "\"code\":\"china\"");
        assertThatThrownBy(() -> enriched.fromJson(json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("field 'countries[1].code'")
                .hasMessageContaining("ISO 3166-1 alpha-2");
    }

    @Test
    void rejectsAnUnknownAgreementTypeNamingTheField() {
        String json = enriched.toJson(Examples.enriched()).replace("MEMORANDUM_OF_UNDERSTANDING", "HANDSHAKE");
        assertThatThrownBy(() -> enriched.fromJson(json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("field 'agreements[0].type'");
    }

    @Test
    void reportsTextThatIsNotJsonWithItsPosition() {
        assertThatThrownBy(() -> raw.deserialize("news.raw", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not valid JSON at line 1, column 2");
        assertThatThrownBy(() -> raw.deserialize("news.raw", "{\"id\":\"a\",\"body\":\"b\"} trailing".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bytes = "{\"id\":\"a\",\"body\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> raw.deserialize("news.raw", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "overlong '/'          | 7B22696422 3A22 C0AF 227D         | not valid UTF-8 at byte 7: an overlong encoding",
            "overlong 3-byte '/'   | 7B22696422 3A22 E080AF 227D       | not valid UTF-8 at byte 7: an overlong encoding of U+002F",
            "overlong 4-byte       | 7B22696422 3A22 F08080AF 227D     | an overlong encoding of U+002F",
            "encoded surrogate     | 7B22696422 3A22 EDA080 227D       | not valid UTF-8 at byte 7: an encoded surrogate U+D800",
            "over U+10FFFF         | 7B22696422 3A22 F4908080 227D     | a code point over U+10FFFF",
            "lone continuation     | 7B22696422 3A22 80 227D           | a continuation byte 0x80 without a lead byte",
            "cut short             | 7B22696422 3A22 E282 227D         | a sequence cut short (lead byte 0xE2)",
            "cut short at the end  | 7B22696422 3A22 E282              | a sequence cut short (lead byte 0xE2)",
            "byte never used       | 7B22696422 3A22 FF 227D           | the byte 0xFF, which UTF-8 never uses",
            "UTF-16 without BOM    | 7B00 2200                         | not valid UTF-8 at byte 1: a NUL byte (is the text UTF-16 or UTF-32?)",
            "UTF-16 with BOM       | FEFF 007B                         | not valid UTF-8 at byte 0: the byte 0xFE",
    })
    void refusesWhatIsNotStrictUtf8(String name, String hex, String expected) {
        assertThatThrownBy(() -> raw.deserialize("news.raw", bytes(hex)))
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Cannot read RawArticle from topic 'news.raw': ")
                .hasMessageContaining(expected.strip());
    }

    @Test
    void findsTheFirstFaultAfterLongAsciiRunsWhereverItFallsInAWord() {
        // the check skips ASCII eight bytes at a time: a fault at every position of a word must be found
        for (int prefix = 0; prefix < 24; prefix++) {
            String ascii = "{\"id\":\"a\",\"body\":\"" + "x".repeat(prefix);
            byte[] head = ascii.getBytes(StandardCharsets.US_ASCII);
            byte[] overlong = concat(head, new byte[] {(byte) 0xC0, (byte) 0xAF, '"', '}'});
            byte[] nul = concat(head, new byte[] {0, '"', '}'});
            byte[] fine = concat(head, "\u00e9\"}".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> raw.deserialize("news.raw", overlong))
                    .hasMessageContaining("not valid UTF-8 at byte " + head.length + ": an overlong encoding");
            assertThatThrownBy(() -> raw.deserialize("news.raw", nul))
                    .hasMessageContaining("not valid UTF-8 at byte " + head.length + ": a NUL byte");
            assertThat(raw.deserialize("news.raw", fine).body()).isEqualTo("x".repeat(prefix) + "\u00e9");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    @Test
    void readsUtf8WithAByteOrderMarkAndEveryPlaneOfUnicode() {
        // RFC 8259 lets a reader ignore a byte order mark; Jackson does.
        byte[] json = "{\"id\":\"a\",\"body\":\"caf\u00e9 \u20ac \ud83c\udf0d\"}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        assertThat(raw.deserialize("news.raw", json).body()).isEqualTo("caf\u00e9 \u20ac \ud83c\udf0d");
        assertThat(raw.deserialize("news.raw", withBom).body()).isEqualTo("caf\u00e9 \u20ac \ud83c\udf0d");
    }

    @Test
    void refusesDuplicateFieldNames() {
        assertThatThrownBy(() -> raw.fromJson("{\"id\":\"a\",\"id\":\"b\",\"body\":\"b\"}"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not valid JSON at line 1, column")
                .hasMessageContaining("Duplicate field 'id'");
    }

    private static byte[] bytes(String hex) {
        String digits = hex.replace(" ", "");
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}

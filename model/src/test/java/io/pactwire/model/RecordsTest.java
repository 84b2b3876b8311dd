package io.pactwire.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordsTest {

    @Test
    void rawArticleNormalisesOptionalFields() {
        RawArticle article = new RawArticle("id", " ", "", null, "body", "  ", null, "", null, 0, null);
        assertThat(article.sourceUri()).isNull();
        assertThat(article.url()).isNull();
        assertThat(article.title()).isEmpty();
        assertThat(article.dateline()).isNull();
        assertThat(article.language()).isNull();
        assertThat(article.revision()).isEqualTo(1);
    }

    @Test
    void acceptsIsoDatesAndDateTimes() {
        for (String date : List.of("2018-01-16", "2018-01-16T09:30:00Z", "2018-01-16T09:30:00+01:00", "2018-01-16T09:30")) {
            assertThat(RawArticle.of("a", "t", "b").withPublishedAt(date).publishedAt()).isEqualTo(date);
        }
        assertThatThrownBy(() -> RawArticle.of("a", "t", "b").withPublishedAt("2018-13-45"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("publishedAt: ");
    }

    @Test
    void tagListsAreCopiedAndImmutable() {
        List<Evidence> evidence = new ArrayList<>(List.of(new Evidence(TextField.BODY, 0, 5, "Japan", "name")));
        CountryTag tag = new CountryTag("JP", "Japan", 1, false, evidence);
        evidence.clear();
        assertThat(tag.evidence()).hasSize(1);
        assertThatThrownBy(() -> tag.evidence().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNullElementsNamingTheirIndex() {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(null);
        assertThatThrownBy(() -> new CountryTag("JP", "Japan", 1, false, evidence))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("evidence[0]: must not be null");
    }

    @Test
    void validatesSpansAndCodes() {
        assertThatThrownBy(() -> new Evidence(TextField.BODY, 5, 2, "x", "name")).hasMessageStartingWith("start: ");
        assertThatThrownBy(() -> new Party("CNSA", "chn")).hasMessageStartingWith("country: ");
        assertThatThrownBy(() -> new AgreementTag(null, null, null, null, null)).hasMessageStartingWith("type: ");
        assertThat(new AgreementTag(AgreementType.TREATY, null, null, null, null).status()).isEqualTo(AgreementStatus.UNKNOWN);
        assertThat(new Evidence(TextField.BODY, 0, 7, "Atlanta", "city", "US-GA").division()).isEqualTo("US-GA");
        assertThat(new Evidence(TextField.BODY, 0, 7, "Taipei", "city", "TW-TPE").division()).isEqualTo("TW-TPE");
        for (String notADivision : List.of("Georgia", "us-ga", "US-GEOR", "US_GA", "XUS-GA")) {
            assertThatThrownBy(() -> new Evidence(TextField.BODY, 0, 7, "Atlanta", "city", notADivision))
                    .as(notADivision).hasMessage("division: '" + notADivision + "' is not an ISO 3166-2 code");
        }
    }

    @Test
    void theAsciiFastPathNormalisesExactlyAsTheNormaliserAndRegexDo() {
        java.util.Random random = new java.util.Random(11);
        String alphabet = "aZ 9.\t\n\r\f\u000B\u001C\u001F\u0000-Q";
        String previous = "";
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(20);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x80) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String ascii = text.toString();
            assertThat(ContentHash.normalise(ascii)).as("\"%s\"", ascii).isEqualTo(ContentHash.normaliseSlowly(ascii));
            // the hash of title and body, written in one pass, is the hash of the two normalised strings
            assertThat(ContentHash.of(previous, ascii)).as("\"%s\" \"%s\"", previous, ascii)
                    .isEqualTo(ContentHash.sha256Hex(ContentHash.normaliseSlowly(previous) + "\n" + ContentHash.normaliseSlowly(ascii)));
            previous = ascii;
        }
        assertThat(ContentHash.normalise("  Japan\n\n AND\tChina ")).isEqualTo("japan and china");
    }

    @Test
    void contentHashIgnoresWhitespaceCaseAndUnicodeComposition() {
        assertThat(ContentHash.of("Title", "Caf\u00e9  opens\n today"))
                .isEqualTo(ContentHash.of(" title ", "CAFE\u0301 opens today"))
                .hasSize(64);
        assertThat(ContentHash.of("Title", "Body")).isNotEqualTo(ContentHash.of("Title", "Body changed"));
    }

    @Test
    void refusesControlCharactersUnpairedSurrogatesAndNoncharactersInText() {
        assertThatThrownBy(() -> RawArticle.of("a", "t", "one\u0000two"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("body: must not contain the control character U+0000 (at index 3)");
        assertThatThrownBy(() -> RawArticle.of("a", "t\u0001", "b"))
                .hasMessage("title: must not contain the control character U+0001 (at index 1)");
        assertThatThrownBy(() -> RawArticle.of("a", "t", "b\ud800c"))
                .hasMessage("body: must not contain the unpaired surrogate U+D800 (at index 1)");
        assertThatThrownBy(() -> RawArticle.of("a", "t", "b\udc00"))
                .hasMessage("body: must not contain the unpaired surrogate U+DC00 (at index 1)");
        assertThatThrownBy(() -> RawArticle.of("a", "t", "b\ufffe"))
                .hasMessage("body: must not contain the noncharacter U+FFFE (at index 1)");
        assertThatThrownBy(() -> RawArticle.of("a", "t", "b").withDateline("Paris\u001b"))
                .hasMessageStartingWith("dateline: must not contain the control character U+001B");
        // whitespace controls, DEL, C1 controls (text decoded with the wrong charset) and paired surrogates are text
        String text = "line\tone\r\nline\u000btwo\fpage \u007f\u0085 \ud83c\udf0d \ufffd";
        assertThat(RawArticle.of("a", text, text).body()).isEqualTo(text);
    }

    @Test
    void anIdIsPrintableAndBounded() {
        assertThatThrownBy(() -> RawArticle.of("a\tb", "t", "b"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("id: must not contain the control character U+0009 (at index 1)");
        assertThatThrownBy(() -> RawArticle.of("a\u0085", "t", "b"))
                .hasMessage("id: must not contain the control character U+0085 (at index 1)");
        assertThatThrownBy(() -> RawArticle.of("\ud800", "t", "b"))
                .hasMessage("id: must not contain the unpaired surrogate U+D800 (at index 0)");
        assertThatThrownBy(() -> RawArticle.of("i".repeat(RawArticle.MAX_ID_CHARS + 1), "t", "b"))
                .hasMessage("id: has 513 characters, over the limit of 512");
        assertThat(RawArticle.of("i".repeat(RawArticle.MAX_ID_CHARS), "t", "b").id()).hasSize(512);
    }

    /** Issue 17: an id is printed by `articles` and in logs; a separator or bidi control there forges what people read. */
    @Test
    void anIdHoldsNoFormatCharacterNoSeparatorAndNoSurroundingWhitespace() {
        assertThatThrownBy(() -> RawArticle.of("a\u2028b", "t", "b"))
                .hasMessage("id: must not contain the line separator U+2028 (at index 1)");
        assertThatThrownBy(() -> RawArticle.of("a\u2029", "t", "b"))
                .hasMessage("id: must not contain the paragraph separator U+2029 (at index 1)");
        assertThatThrownBy(() -> RawArticle.of("evil\u202Etxt.exe", "t", "b"))
                .hasMessage("id: must not contain the format character U+202E (at index 4)");
        assertThatThrownBy(() -> RawArticle.of("zero\u200Bwidth", "t", "b"))
                .hasMessage("id: must not contain the format character U+200B (at index 4)");
        assertThatThrownBy(() -> RawArticle.of(" a", "t", "b"))
                .hasMessage("id: must not start or end with whitespace, got \" a\"");
        // an id is an opaque key, never a path: any printable text is one
        assertThat(RawArticle.of("../../etc/passwd", "t", "b").id()).isEqualTo("../../etc/passwd");
        assertThat(RawArticle.of("Zürich 2018/01 – 東京", "t", "b").id()).isEqualTo("Zürich 2018/01 – 東京");
    }

    @Test
    void aPublicationDateIsWithinTheYears1800To2999() {
        assertThatThrownBy(() -> RawArticle.of("a", "t", "b").withPublishedAt("+99999-01-01"))
                .hasMessage("publishedAt: must be in the years 1800 to 2999, got \"+99999-01-01\"");
        assertThatThrownBy(() -> RawArticle.of("a", "t", "b").withPublishedAt("1799-12-31T23:00:00Z"))
                .hasMessage("publishedAt: must be in the years 1800 to 2999, got \"1799-12-31T23:00:00Z\"");
        assertThat(RawArticle.of("a", "t", "b").withPublishedAt("1800-01-01").publishedAt()).isEqualTo("1800-01-01");
        assertThat(RawArticle.of("a", "t", "b").withPublishedAt("2999-12-31T10:00:00+02:00").publishedAt())
                .isEqualTo("2999-12-31T10:00:00+02:00");
    }

    @Test
    void theRawSerdeRefusesSuchARecordWithTheFieldNamed() {
        var serde = io.pactwire.model.Serdes.RAW_ARTICLE;
        assertThatThrownBy(() -> serde.deserializer().deserialize("news.raw",
                "{\"id\":\"a\\u202Eb\",\"title\":\"t\",\"body\":\"b\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
                .hasMessageContaining("field 'id': must not contain the format character U+202E");
        assertThatThrownBy(() -> serde.deserializer().deserialize("news.raw",
                "{\"id\":\"a\",\"title\":\"t\",\"body\":\"b\",\"publishedAt\":\"+99999-01-01\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
                .hasMessageContaining("field 'publishedAt': must be in the years 1800 to 2999");
    }
}

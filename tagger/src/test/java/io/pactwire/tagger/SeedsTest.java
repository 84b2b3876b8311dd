package io.pactwire.tagger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import io.pactwire.model.CountryTag;
import io.pactwire.model.Party;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static io.pactwire.model.AgreementType.COOPERATION_AGREEMENT;
import static io.pactwire.model.AgreementType.MEMORANDUM_OF_COOPERATION;
import static io.pactwire.model.AgreementType.MEMORANDUM_OF_UNDERSTANDING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three seed press releases, main article only (title, dateline and body as the extraction gives
 * them, without the pages' "Read more" teasers), tag exactly as shared/seeds/README.md describes.
 */
class SeedsTest {
    private final Tagger tagger = Tagger.standard();

    private static ArticleText seed(String name) throws IOException {
        try (InputStream in = SeedsTest.class.getResourceAsStream("/seeds/" + name + ".json")) {
            JsonNode json = new ObjectMapper().readTree(in);
            return new ArticleText(json.get("title").asText(), json.get("dateline").asText(), json.get("body").asText());
        }
    }

    private static List<String> codes(Tags tags) {
        return tags.countries().stream().map(CountryTag::code).sorted().toList();
    }

    private static List<AgreementType> types(Tags tags) {
        return tags.agreements().stream().map(AgreementTag::type).sorted().toList();
    }

    @Test
    void luxembourgAndChinaSignAnMouAndACooperationAgreement() throws IOException {
        Tags tags = tagger.tag(seed("000"));
        assertThat(codes(tags)).containsExactly("CN", "LU");
        assertThat(tags.countries()).allMatch(CountryTag::about);
        assertThat(types(tags)).containsExactly(MEMORANDUM_OF_UNDERSTANDING, COOPERATION_AGREEMENT);
        AgreementTag mou = tags.agreements().get(0);
        assertThat(mou.type()).isEqualTo(MEMORANDUM_OF_UNDERSTANDING);
        assertThat(mou.status()).isEqualTo(AgreementStatus.SIGNED);
        assertThat(mou.date()).as("the dateline's date, for 'signed today'").isEqualTo("2018-01-16");
        assertThat(mou.parties()).containsExactly(new Party("Ministry of the Economy", "LU"),
                new Party("China National Space Administration", "CN"));
        assertThat(mou.evidence().get(0).text()).startsWith("The Ministry of the Economy and the China National Space");
        assertThat(mou.evidence().get(0).match()).isEqualTo("mou");
    }

    @Test
    void luxembourgAndJapanSignAMemorandumOfCooperationAndPortugalAndTheEmiratesArePassingMentions() throws IOException {
        Tags tags = tagger.tag(seed("001"));
        assertThat(codes(tags)).containsExactly("AE", "JP", "LU", "PT");
        assertThat(tags.countries()).filteredOn(CountryTag::about).extracting(CountryTag::code)
                .containsExactlyInAnyOrder("LU", "JP");
        assertThat(types(tags)).containsExactly(MEMORANDUM_OF_COOPERATION, COOPERATION_AGREEMENT);
        AgreementTag moc = tags.agreements().stream().filter(a -> a.type() == MEMORANDUM_OF_COOPERATION).findFirst().orElseThrow();
        assertThat(moc.status()).isEqualTo(AgreementStatus.SIGNED);
        assertThat(moc.date()).isEqualTo("2017-11-29");
        assertThat(moc.parties()).extracting(Party::country).containsExactly("LU", "JP");
    }

    @Test
    void luxembourgAndRussiaAgreeCooperationAndBelgoLuxembourgIsBelgiumToo() throws IOException {
        Tags tags = tagger.tag(seed("002"));
        assertThat(codes(tags)).containsExactly("BE", "LU", "RU");
        assertThat(types(tags)).containsExactly(MEMORANDUM_OF_UNDERSTANDING, COOPERATION_AGREEMENT);
        AgreementTag cooperation = tags.agreements().stream().filter(a -> a.type() == COOPERATION_AGREEMENT).findFirst().orElseThrow();
        assertThat(cooperation.date()).as("the date the sentence gives").isEqualTo("2018-02-14");
    }
}

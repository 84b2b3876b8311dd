package io.pactwire.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementRecordTest {

    @Test
    void oneRecordPerAgreementCarryingItsArticleAndVersions() {
        EnrichedArticle article = Examples.enriched();
        List<AgreementRecord> records = AgreementRecord.of(article);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.agreementId()).startsWith(article.id() + ":MEMORANDUM_OF_UNDERSTANDING:");
            assertThat(r.parties()).extracting(Party::country).containsExactly("LU", "CN");
            assertThat(r.date()).isEqualTo("2018-01-16");
            assertThat(r.articleTitle()).isEqualTo(article.title());
            assertThat(r.articleUrl()).isEqualTo(article.url());
            assertThat(r.versions()).isEqualTo(article.versions());
            assertThat(r.detectedAt()).isEqualTo(article.enrichedAt());
        });
        assertThat(Serdes.AGREEMENT_RECORD.fromJson(Serdes.AGREEMENT_RECORD.toJson(records.get(0)))).isEqualTo(records.get(0));
    }

    @Test
    void agreementIdsDependOnArticleTypeAndPartiesButNotTheirOrderOrSpelling() {
        List<Party> parties = List.of(new Party("Ministry of the Economy", "LU"), new Party("CNSA", "CN"));
        String id = AgreementIds.of("a1", AgreementType.TREATY, parties);
        assertThat(AgreementIds.of("a1", AgreementType.TREATY, List.of(new Party("cnsa", "CN"),
                new Party("Ministry of the  Economy", "LU")))).isEqualTo(id);
        assertThat(AgreementIds.of("a2", AgreementType.TREATY, parties)).isNotEqualTo(id);
        assertThat(AgreementIds.of("a1", AgreementType.TRADE_AGREEMENT, parties)).isNotEqualTo(id);
        assertThat(AgreementIds.of("a1", AgreementType.TREATY, parties.subList(0, 1))).isNotEqualTo(id);
        assertThat(AgreementIds.of("a1", AgreementType.TREATY, List.of())).matches("a1:TREATY:[0-9a-f]{12}");
    }
}

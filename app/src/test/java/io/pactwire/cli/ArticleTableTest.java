package io.pactwire.cli;

import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Party;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Versions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleTableTest {
    private static final Versions VERSIONS = new Versions("t", "g", "r");

    @Test
    void oneLinePerAgreementWithStatusAndPartiesAndTheAboutCountriesStarred() {
        EnrichedArticle lu = EnrichedArticle.of(RawArticle.of("lu-cn", "Luxembourg and China", "b").withPublishedAt("2018-01-16"),
                List.of(new CountryTag("LU", "Luxembourg", 3, true, List.of()), new CountryTag("KR", "South Korea", 1, false, List.of())),
                List.of(new AgreementTag(AgreementType.MEMORANDUM_OF_UNDERSTANDING, AgreementStatus.SIGNED,
                                List.of(new Party("Ministry of the Economy", "LU"), new Party("CNSA", "CN")), null, List.of()),
                        new AgreementTag(AgreementType.COOPERATION_AGREEMENT, AgreementStatus.PROPOSED, List.of(), null, List.of())),
                VERSIONS, null);
        EnrichedArticle none = EnrichedArticle.of(RawArticle.of("weather", "", "b").withDateline("LONDON, March 3"),
                List.of(), List.of(), VERSIONS, null);
        List<String> lines = ArticleTable.render(List.of(lu, none)).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("ARTICLE").contains("COUNTRIES (* = about)", "AGREEMENT", "STATUS", "PARTIES");
        assertThat(lines.get(1)).startsWith("lu-cn").contains("2018-01-16", "LU* KR", "MEMORANDUM_OF_UNDERSTANDING", "SIGNED",
                "Ministry of the Economy (LU), CNSA (CN)");
        assertThat(lines.get(2)).startsWith(" ").contains("COOPERATION_AGREEMENT", "PROPOSED").doesNotContain("lu-cn");
        assertThat(lines.get(3)).startsWith("weather").contains("(LONDON, March 3)").endsWith("-");
        int agreementColumn = lines.get(0).indexOf("AGREEMENT");
        assertThat(lines.get(1).indexOf("MEMORANDUM_OF_UNDERSTANDING")).isEqualTo(agreementColumn);
        assertThat(lines.get(2).indexOf("COOPERATION_AGREEMENT")).isEqualTo(agreementColumn);
    }

    @Test
    void aLineBreakOrBidiOverrideInAnArticleCannotForgeOrDisguiseARow() {
        EnrichedArticle hostile = EnrichedArticle.of(RawArticle.of("evil", "Quarterly\u2028evil2  2018-01-01  FORGED\u202Etxt.exe", "b"),
                List.of(), List.of(), VERSIONS, null);
        List<String> lines = ArticleTable.render(List.of(hostile)).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("evil").contains("Quarterly\\u2028evil2").contains("FORGED\\u202Etxt.exe");
    }
}

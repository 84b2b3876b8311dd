package io.pactwire.serve;

import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementType;
import io.pactwire.model.Party;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pactwire.serve.ViewQueryTest.agreement;
import static org.assertj.core.api.Assertions.assertThat;

class CountryPairsTest {

    @Test
    void countsEachPairOfPartyCountriesOncePerAgreement() {
        CountryPairs pairs = CountryPairs.of(List.of(
                agreement("1", AgreementType.MEMORANDUM_OF_UNDERSTANDING, AgreementStatus.SIGNED, null, null,
                        new Party("Ministry of the Economy", "LU"), new Party("CNSA", "CN"), new Party("Luxembourg", "LU")),
                agreement("2", AgreementType.COOPERATION_AGREEMENT, AgreementStatus.SIGNED, null, null,
                        new Party("China", "CN"), new Party("Luxembourg", "LU")),
                agreement("3", AgreementType.MEMORANDUM_OF_COOPERATION, AgreementStatus.SIGNED, null, null,
                        new Party("Cabinet Office of Japan", "JP"), new Party("Luxembourg", "LU"), new Party("Skolkovo Foundation", null)),
                agreement("4", AgreementType.COOPERATION_AGREEMENT, AgreementStatus.PROPOSED, null, null,
                        new Party("Russia", "RU"))));
        assertThat(pairs.pairs()).containsExactly(new CountryPairs.Pair("CN", "LU", 2), new CountryPairs.Pair("JP", "LU", 1));
        assertThat(pairs.countries()).containsExactly(new CountryPairs.Country("LU", 3), new CountryPairs.Country("CN", 2),
                new CountryPairs.Country("JP", 1), new CountryPairs.Country("RU", 1));
    }

    @Test
    void noAgreementsNoCountries() {
        assertThat(CountryPairs.of(List.of())).isEqualTo(new CountryPairs(List.of(), List.of()));
    }
}

package io.pactwire.tagger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A government publisher's country from its host name; news and company sites have none. */
class PublishersTest {
    private static final Set<String> KNOWN = Gazetteer.knownCodes();

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            press.gov.np,                               NP
            https://www.gouv.example.fr/communiques/12, FR
            foreignaffairs.gob.pe,                      PE
            www.beehive.govt.nz,                        NZ
            https://www.mofa.go.kr/eng/brd/m_5676,      KR
            news.admin.ch,                              CH
            www.gov.uk,                                 GB
            ministeriodesalud.cl,                       CL
            www.whitehouse.gov,                         US
            www.army.mil,                               US
            www.international.gc.ca,                    CA
            finance.yahoo.com,                          -
            www.bbc.co.uk,                              -
            www.lemonde.fr,                             -
            go.example.com,                             -
            admin.example.de,                           -
            gov.zz,                                     -
            localhost,                                  -
            Evening Courier,                            -
            """)
    void aGovernmentSiteGivesItsCountry(String site, String expected) {
        assertThat(Publishers.governmentCountry(site, KNOWN::contains)).isEqualTo(expected);
    }
}

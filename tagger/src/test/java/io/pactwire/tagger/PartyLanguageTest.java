package io.pactwire.tagger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The party classes of agreements-9 ({@link PartyFinder}), each a table of sentences written for the test: every
 * agreement the text reports as TYPE/STATUS/PARTY COUNTRIES, sorted by type. A publisher column is a government's
 * site (its country speaks in the release) or "-" for none.
 */
class PartyLanguageTest {
    private final Tagger tagger = Tagger.standard();

    private String tags(String body, String publisher) {
        return tagger.tag(new ArticleText("", "", body, "-".equals(publisher) ? null : publisher)).agreements().stream()
                .map(AgreementLanguageTest::tag).sorted().collect(Collectors.joining(" "));
    }

    /**
     * The sides an instrument's name states ("the Sino-British Joint Declaration", "the Chile-Peru Fisheries
     * Treaty") are its sides: the countries its sentence is about are not, nor the government that cites it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The minister spoke of the freedoms promised to the people of Macau by the Sino-Portuguese Joint Declaration. | state.gov   | JOINT_DECLARATION/AGREED/CN+PT
            Fishermen in Bolivia and Ecuador still follow the quotas of the 1952 Chile-Peru Fisheries Treaty.          | -           | TREATY/SIGNED/CL+PE
            The ministry said the Chile-Peru Fisheries Treaty had been signed in Lima.                                 | mfa.gov.sg  | TREATY/SIGNED/CL+PE
            The ministry said the fisheries treaty with Peru had been signed in Lima.                                 | mfa.gov.sg  | TREATY/SIGNED/PE+SG
            """)
    void theSidesNamedInAnInstrumentsNameAreItsSides(String body, String publisher, String expected) {
        assertThat(tags(body, publisher)).isEqualTo(expected);
    }

    /**
     * A company's headquarters is its home: a place before "-based" and a company, or after "based in" /
     * "headquartered in" ("New York-based Pfizer", "which is based in Brookfield, Wisconsin") gives the sides of an
     * agreement whose sentences name no country. A person placed so ("a Lyon-based analyst") gives none.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Ohio-based insurer agreed to acquire a rival broker for $2 billion.                       | -  | ACQUISITION_AGREEMENT/AGREED/US
            Fennec Labs agreed to acquire a rival broker. Fennec, which is based in Portland, Oregon, makes sensors. | -  | ACQUISITION_AGREEMENT/AGREED/US
            Fennec Labs agreed to acquire a rival broker. Fennec is headquartered in Osaka and makes sensors. | -  | ACQUISITION_AGREEMENT/AGREED/JP
            Fennec Labs agreed to acquire a rival broker, said a Lyon-based analyst.                       | -  | ACQUISITION_AGREEMENT/AGREED/-
            """)
    void aCompanysHeadquartersIsItsHome(String body, String publisher, String expected) {
        assertThat(tags(body, publisher)).isEqualTo(expected);
    }

    /**
     * Regulators and watchdogs are described as companies are: "the Danish regulators" states their home, which is
     * the side of an agreement whose sentences name no country.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The two regulators signed a memorandum of understanding on sharing data. The Danish regulators met weekly. | -  | MEMORANDUM_OF_UNDERSTANDING/SIGNED/DK
            The watchdog reached a settlement with the carmaker. The Korean watchdog had fined it twice.               | -  | OTHER_AGREEMENT/AGREED/KR
            """)
    void aRegulatorsStatedHomeIsItsHome(String body, String publisher, String expected) {
        assertThat(tags(body, publisher)).isEqualTo(expected);
    }

    /**
     * A headline's label ("Chile: ...", a country and a colon opening it) says where the story is, as a dateline does:
     * it is no side. A court named by its title ("a US District Judge", "the U.S. Court of Appeals") rules on an
     * agreement and is no side either; a country's courts in general ("Korean courts") still speak for it.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile: Two carmakers plan a joint venture  | The two carmakers said they plan a joint venture to build vans.            | JOINT_VENTURE/PROPOSED/-
            Chile and two carmakers plan a joint venture | The two carmakers said they plan a joint venture to build vans.          | JOINT_VENTURE/PROPOSED/CL
            ''                                         | A US District Judge approved the settlement between the two carmakers.     | OTHER_AGREEMENT/AGREED/-
            ''                                         | Korean courts said the settlement between the two carmakers was binding.   | OTHER_AGREEMENT/SIGNED/KR
            """)
    void aHeadlinesLabelAndACourtAreNoSides(String title, String body, String expected) {
        String tags = tagger.tag(new ArticleText(title, "", body)).agreements().stream()
                .map(AgreementLanguageTest::tag).sorted().collect(Collectors.joining(" "));
        assertThat(tags).isEqualTo(expected);
    }

    /**
     * An agreement another country signs with private firms ("with major companies", "with foreign investors") has
     * them as its other side: the government whose release reports it is none.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            During the visit, Kenya signed a memorandum of understanding with major companies on solar power. | state.gov | MEMORANDUM_OF_UNDERSTANDING/SIGNED/KE
            During the visit, Kenya signed a memorandum of understanding with foreign investors on solar power. | state.gov | MEMORANDUM_OF_UNDERSTANDING/SIGNED/KE
            During the visit, Kenya signed a memorandum of understanding on solar power.                      | state.gov | MEMORANDUM_OF_UNDERSTANDING/SIGNED/KE+US
            """)
    void anAgreementSignedWithPrivateFirmsHasThemAsItsOtherSide(String body, String publisher, String expected) {
        assertThat(tags(body, publisher)).isEqualTo(expected);
    }

    /**
     * A joint statement whose name states its sides ("Chile-Peru Joint Statement on ...") speaks for all of them: the
     * agreements it reports in its own voice ("our commitment") have them all as sides, not only the publisher's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile-Peru Joint Statement on Fisheries | The recent extension of the fisheries treaty shows our commitment to the sea. | minrel.gob.cl | JOINT_DECLARATION/AGREED/CL+PE TREATY/EXTENDED/CL+PE
            Statement on Fisheries                  | The recent extension of the fisheries treaty shows our commitment to the sea. | minrel.gob.cl | TREATY/EXTENDED/CL
            """)
    void aJointStatementSpeaksForAllItsSides(String title, String body, String publisher, String expected) {
        String tags = tagger.tag(new ArticleText(title, "", body, publisher)).agreements().stream()
                .map(AgreementLanguageTest::tag).sorted().collect(Collectors.joining(" "));
        assertThat(tags).isEqualTo(expected);
    }

    /** A firm that advises on deals ("the Dutch law firm", "a British consulting firm") states no side's home. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The chipmaker agreed to acquire a rival. The Dutch law firm advised the chipmaker.        | - | ACQUISITION_AGREEMENT/AGREED/-
            The chipmaker agreed to acquire a rival. A British consulting firm advised the chipmaker. | - | ACQUISITION_AGREEMENT/AGREED/-
            The chipmaker agreed to acquire a rival. The Dutch firm makes lasers.                     | - | ACQUISITION_AGREEMENT/AGREED/NL
            """)
    void anAdvisingFirmStatesNoSidesHome(String body, String publisher, String expected) {
        assertThat(tags(body, publisher)).isEqualTo(expected);
    }

    /**
     * An instrument another country owns by a possessive ("Kenya's path to debt relief", "Ghana's loan programme") is
     * that country's: the government whose release reports it is no side.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Secretary discussed the reforms needed on Kenya's path to debt relief.       | state.gov | LOAN_AGREEMENT/NEGOTIATING/KE
            The Secretary and Kenya discussed the reforms needed on the path to debt relief. | state.gov | LOAN_AGREEMENT/NEGOTIATING/KE+US
            """)
    void anInstrumentAnotherCountryOwnsIsItsOwn(String body, String publisher, String expected) {
        assertThat(tags(body, publisher)).isEqualTo(expected);
    }

    /** A company's office or plant ("the office in Chile", "its Peru plant") is a place where it works, not a side. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The trader joined a refiner, later acquired by a rival, and opened the office in Chile.  | - | ACQUISITION_AGREEMENT/SIGNED/-
            The refiner acquired a rival and staffed its Peru plant with new hires.                  | - | ACQUISITION_AGREEMENT/SIGNED/-
            The refiner acquired a rival in Peru.                                                    | - | ACQUISITION_AGREEMENT/SIGNED/PE
            """)
    void aCompanysSiteIsNoSide(String body, String publisher, String expected) {
        assertThat(tags(body, publisher)).isEqualTo(expected);
    }

    /** A country thanked for its help ("thanked Oman for its assistance in securing the truce") is a helper, no side. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Secretary thanked Oman for its assistance in securing the truce between Chile and Peru.  | - | OTHER_AGREEMENT/SIGNED/CL+PE
            The Secretary thanked Oman for signing the trade agreement with Chile.                       | - | TRADE_AGREEMENT/PROPOSED/CL+OM
            """)
    void aCountryThankedForItsHelpIsNoSide(String body, String publisher, String expected) {
        assertThat(tags(body, publisher)).isEqualTo(expected);
    }
}

package io.pactwire.tagger;

import io.pactwire.model.AgreementTag;
import io.pactwire.model.Party;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classes of language of agreements-3, each a table of sentences written for the test: every
 * agreement it reports as TYPE/STATUS/PARTY COUNTRIES, sorted by type.
 */
class AgreementLanguageTest {
    private final Tagger tagger = Tagger.standard();

    /** "TYPE/STATUS/CC+CC TYPE/STATUS/-": every agreement the text reports, by type. */
    private String tags(String title, String body) {
        return tagger.tag(new ArticleText(title, "", body)).agreements().stream()
                .map(AgreementLanguageTest::tag).sorted().collect(Collectors.joining(" "));
    }

    /** "TYPE/STATUS/CC+CC": an agreement's type, status and its sides' countries ("-" for none). */
    static String tag(AgreementTag t) {
        String parties = t.parties().stream().map(Party::country).filter(Objects::nonNull).distinct().sorted()
                .collect(Collectors.joining("+"));
        return t.type() + "/" + t.status() + "/" + (parties.isEmpty() ? "-" : parties);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile and Norway signed a double taxation avoidance agreement on Tuesday.          | TREATY/SIGNED/CL+NO
            Peru ratified the Minamata Convention last year.                                  | TREATY/SIGNED/PE
            Ghana and Togo signed a mutual legal assistance treaty.                           | TREATY/SIGNED/GH+TG
            Ghana and Togo signed a mutual legal assistance agreement.                        | OTHER_AGREEMENT/SIGNED/GH+TG TREATY/SIGNED/GH+TG
            Kenya and Japan concluded an economic partnership agreement.                      | TRADE_AGREEMENT/AGREED/JP+KE
            The U.S. signed the trade deal in January. Exports from China rose and China's stocks rallied. | TRADE_AGREEMENT/SIGNED/CN+US
            Officials from Chile and Canada opened a new round of trade talks.                | TRADE_AGREEMENT/NEGOTIATING/CA+CL
            Australia, China, Japan, Korea, New Zealand, Thailand and Vietnam signed the free trade agreement. | TRADE_AGREEMENT/SIGNED/AU+CN+JP+KR+NZ+TH+VN
            """)
    void kindsNamedByTheirModifierOrName(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The lender approved a concessionary loan to Nepal for the new dam.                | LOAN_AGREEMENT/AGREED/NP
            Nepal reached a staff-level agreement with the IMF on the second review.          | LOAN_AGREEMENT/AGREED/NP
            The contract for the bridge was awarded to a Danish builder.                      | SUPPLY_CONTRACT/AGREED/DK
            The procurement process for the supply of new buses began in March.               | SUPPLY_CONTRACT/NEGOTIATING/-
            A Korean shipyard agreed to sell two tankers to a Greek owner.                    | SUPPLY_CONTRACT/AGREED/GR+KR
            The Czech maker will be paid $5 million for supplying turbines to Peru.           | SUPPLY_CONTRACT/AGREED/CZ+PE
            A Turkish builder won the tender for the new airport terminal.                    | SUPPLY_CONTRACT/UNKNOWN/TR
            Oil traders sold crude as prices fell in Asia.                                    | ''
            A Spanish bank won the bidding for a majority stake in the Mexican lender.        | ACQUISITION_AGREEMENT/UNKNOWN/ES+MX
            The buyer agreed to buy the smelter's entire annual output of alumina.            | SUPPLY_CONTRACT/AGREED/-
            A Dutch insurer took a 30 percent stake in the Polish broker.                     | ACQUISITION_AGREEMENT/SIGNED/NL+PL
            A Dutch insurer hopes to take a stake in the Polish broker.                       | ACQUISITION_AGREEMENT/PROPOSED/NL+PL
            The bank lost money on loans made to a Thai property developer.                   | LOAN_AGREEMENT/SIGNED/TH
            """)
    void verbsOfContracting(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The chipmaker formed a strategic partnership with a Korean carmaker.              | COOPERATION_AGREEMENT/UNKNOWN/KR
            The shipyard plans to seek joint production agreements with Japan.               | COOPERATION_AGREEMENT/PROPOSED/JP JOINT_VENTURE/PROPOSED/JP
            Two Swiss banks are partners in a new venture with a Singapore exchange.          | JOINT_VENTURE/UNKNOWN/CH+SG
            Oil producers led by Russia agreed to cut output by a million barrels a day.      | OTHER_AGREEMENT/AGREED/RU TRADE_AGREEMENT/AGREED/RU
            The declaration on ocean research was signed by Chile and Peru.                   | JOINT_DECLARATION/SIGNED/CL+PE
            The Declaration on Safe Shipping was adopted by the member states in 2004.        | JOINT_DECLARATION/SIGNED/-
            Declaration on Forestry Cooperation between the ministries of Ghana and Togo      | COOPERATION_AGREEMENT/SIGNED/GH+TG JOINT_DECLARATION/AGREED/GH+TG
            The two retailers will partner with a Swedish bank on payments.                   | COOPERATION_AGREEMENT/AGREED/SE
            The carmakers agreed to join forces on electric vans.                             | COOPERATION_AGREEMENT/AGREED/-
            """)
    void partnershipAndAllianceLanguage(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Brazil and Angola signed a memorandum of understanding to expand cooperation in farming. | COOPERATION_AGREEMENT/SIGNED/AO+BR MEMORANDUM_OF_UNDERSTANDING/SIGNED/AO+BR
            Qatar and Italy signed a memorandum of understanding on the supply of gas.               | MEMORANDUM_OF_UNDERSTANDING/SIGNED/IT+QA SUPPLY_CONTRACT/SIGNED/IT+QA
            The Austrian bank reached an agreement to buy Nordic Paper Holdings Inc. for $2 billion.  | ACQUISITION_AGREEMENT/AGREED/AT
            The landlord said the lease agreement was not extended.                                  | OTHER_AGREEMENT/TERMINATED/-
            """)
    void aFormWithItsSubject(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "The hospital follows a strict clinical protocol for every patient.",
            "The exchange runs smart contracts on its blockchain.",
            "Customer acquisition costs rose in the quarter.",
            "Supply chain delays hit the carmaker.",
            "The bank cut the time for payment settlement to one day.",
            "The agency will build roads in human settlements near the river.",
            "The party opened its national convention in the capital.",
            "Exporters hope for any future trade agreements with new markets.",
            "Prices stayed high until a settlement is reached, traders said.",
            "The tender went to the Joint Venture of Acme Builders and Orion Works.",
            "Greece and the Soviet Union reached agreement on an alumina plant.",
            "The chambers of commerce want to encourage more joint ventures and licensing accords.",
            "Orion Motors, the joint venture company owned by two carmakers, hired 300 workers."})
    void unrelatedSensesAndHypotheticalMentionsReportNothing(String sentence) {
        assertThat(tags("", sentence)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The proposal made by the Minister of Trade to sign the memorandum of understanding with Vietnam was approved by the Cabinet. | MEMORANDUM_OF_UNDERSTANDING/PROPOSED/VN
            Portugal and Chile completed the purchase of the shipyard last week.                                                       | ACQUISITION_AGREEMENT/SIGNED/CL+PT
            The Minister of Finance, to enter into a loan agreement with the Government of Korea, was approved    by the Cabinet. | LOAN_AGREEMENT/PROPOSED/KR
            The proposal of the Minister of Transport for signing the memorandum of understanding with Oman was approved.             | MEMORANDUM_OF_UNDERSTANDING/PROPOSED/OM
            The contract to build the harbour, to be awarded to a Greek builder, was approved by the Cabinet.                           | SUPPLY_CONTRACT/AGREED/GR
            """)
    void statusFromTheSentence(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Cabinet met in Accra on Monday. Approval was given to sign a memorandum of understanding with Norway on fisheries. | MEMORANDUM_OF_UNDERSTANDING/PROPOSED/GH+NO
            The Department of Agriculture of Sri Lanka signed a memorandum of understanding with Vietnam. | MEMORANDUM_OF_UNDERSTANDING/SIGNED/LK+VN
            A California judge approved the settlement between the two chipmakers.                       | OTHER_AGREEMENT/AGREED/-
            The Minister of Finance, to enter into a loan agreement with the Government of Korea, was approved by the Cabinet. Korea lends for roads in Ghana, said Korea. | LOAN_AGREEMENT/PROPOSED/GH+KR
            The proposal to sign a memorandum of understanding with Chile and Peru was approved by the Cabinet. Exports to Chile and Peru from Kenya grew. | MEMORANDUM_OF_UNDERSTANDING/PROPOSED/CL+KE+PE
            """)
    void aGovernmentsReleaseIsASideOfItsAgreements(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /** agreements-4: an instrument's attributes, later stages in a headline, withdrawal, deliberation, steps towards. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            '' | Nepal and India will review trade under their existing transit treaty.               | TREATY/SIGNED/IN+NP
            '' | Roads in Ghana will be paid for as per the memorandum of understanding with Japan.   | MEMORANDUM_OF_UNDERSTANDING/SIGNED/GH+JP
            '' | An agreement with Chile would cut tariffs on Norwegian salmon.                       | TRADE_AGREEMENT/PROPOSED/CL+NO
            Extension of the cooperation agreement with Senegal | Senegal and Spain signed the cooperation agreement in 2019. | COOPERATION_AGREEMENT/EXTENDED/ES+SN
            '' | Peru will withdraw from the extradition treaty with Bolivia.                         | TREATY/TERMINATED/BO+PE
            '' | The Dutch retailer is weighing a sale of its Belgian unit.                           | ACQUISITION_AGREEMENT/PROPOSED/BE+NL
            '' | Kenya took further steps towards a debt restructuring with its creditors.            | LOAN_AGREEMENT/NEGOTIATING/KE
            '' | Ghana has received a loan from Japan towards the cost of a new bridge.               | LOAN_AGREEMENT/SIGNED/GH+JP
            '' | Zambia reviewed the progress of its on-going IMF programme with its creditors.       | LOAN_AGREEMENT/SIGNED/ZM
            Establishment of a joint venture with Vietnam | The Cabinet discussed the matter.           | JOINT_VENTURE/PROPOSED/VN
            Memorandum of Understanding on Fisheries | The proposal to sign the above Memorandum with the Government of Chile was approved. | MEMORANDUM_OF_UNDERSTANDING/PROPOSED/CL
            '' | The states adopted the convention on plastic waste and will report on it each year.  | TREATY/SIGNED/-
            """)
    void statusFromTheInstrumentsAttributesAndTheHeadlinesLaterStage(String title, String body, String expected) {
        assertThat(tags(title, body)).isEqualTo(expected);
    }

    /** A company's home as the article states it elsewhere, when the agreement's sentences name no country. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Lumo Inc. acquired two podcast studios last week. The Norwegian company paid $50 million.               | ACQUISITION_AGREEMENT/SIGNED/NO
            Vale Corp. agreed to acquire a nickel mine on Monday. Brazil's Vale has looked for nickel for years.     | ACQUISITION_AGREEMENT/AGREED/BR
            Lumo Inc. acquired two podcast studios last week. A Japanese entertainment and games giant bid too.    | ACQUISITION_AGREEMENT/SIGNED/JP
            Lumo Inc. acquired two podcast studios last week. The Norwegian Prime Minister welcomed the news.       | ACQUISITION_AGREEMENT/SIGNED/-
            Lumo Inc. acquired a Danish podcast studio last week. The Norwegian company paid $50 million.          | ACQUISITION_AGREEMENT/SIGNED/DK
            """)
    void aCompanysHomeStatedElsewhereIsItsCountry(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /** A government's release that never names its own country: the publisher says whose Cabinet it is. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            The Cabinet approved the proposal to sign a memorandum of understanding with the Government of Chile. | press.gov.np         | MEMORANDUM_OF_UNDERSTANDING/PROPOSED/CL+NP
            The Cabinet approved the proposal to sign a memorandum of understanding with the Government of Chile. | -                    | MEMORANDUM_OF_UNDERSTANDING/PROPOSED/CL
            The Ministry of Finance signed a loan agreement with Japan for a new water plant.                     | https://mof.gov.np/n | LOAN_AGREEMENT/SIGNED/JP+NP
            The Ministry of Finance signed a loan agreement with Japan for a new water plant.                     | -                    | LOAN_AGREEMENT/SIGNED/JP
            The Cabinet approved the proposal to sign a memorandum of understanding with the Government of Chile. | finance.example.com  | MEMORANDUM_OF_UNDERSTANDING/PROPOSED/CL
            The President met the Prime Minister of Indonesia and they discussed a free trade agreement.          | pmd.gov.np           | TRADE_AGREEMENT/NEGOTIATING/ID+NP
            The President met the Prime Minister of Indonesia and they discussed a free trade agreement.          | -                    | TRADE_AGREEMENT/NEGOTIATING/ID
            Nepal urges Armenia and Azerbaijan to respect their ceasefire.                                        | mofa.gov.np          | OTHER_AGREEMENT/PROPOSED/AM+AZ
            Nepal urges Armenia and Azerbaijan to respect their ceasefire.                                        | -                    | OTHER_AGREEMENT/PROPOSED/AM+AZ+NP
            The Government of Nepal and the rebels signed a ceasefire.                                            | mofa.gov.np          | OTHER_AGREEMENT/SIGNED/NP
            """)
    void aGovernmentPublisherIsTheCountryOfItsUnnamedGovernment(String body, String publisher, String expected) {
        String tags = tagger.tag(new ArticleText("", "", body, publisher)).agreements().stream()
                .map(AgreementLanguageTest::tag).sorted().collect(Collectors.joining(" "));
        assertThat(tags).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Mexico said its carmaker will acquire a Spanish parts maker for $2 billion.                | ACQUISITION_AGREEMENT/AGREED/ES+MX
            Kenya and Uganda agreed that the gas supply deal will be signed in June.                   | SUPPLY_CONTRACT/PROPOSED/KE+UG
            Negotiators from Peru and Korea are discussing a trade agreement that would cut tariffs.   | TRADE_AGREEMENT/NEGOTIATING/KR+PE
            The fifth round of negotiations on the proposed Chile-Vietnam free trade agreement was held. | TRADE_AGREEMENT/NEGOTIATING/CL+VN
            The streaming service inked a licensing deal with a French label.                          | OTHER_AGREEMENT/AGREED/FR
            The Swiss bank sold its stake in a Polish lender last year.                                | ACQUISITION_AGREEMENT/SIGNED/CH+PL
            The Indian refiner walked away from its takeover of a Kenyan rival.                         | ACQUISITION_AGREEMENT/TERMINATED/IN+KE
            """)
    void announcedDealsAreAgreedAndFuturesOfSigningProposed(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            Signing a memorandum of understanding between Ghana and Chile on mining | The ministers met in Accra. | MEMORANDUM_OF_UNDERSTANDING/PROPOSED/CL+GH
            The Chilean firm signed a memorandum of understanding with Ghana         | The ministers met in Accra. | MEMORANDUM_OF_UNDERSTANDING/SIGNED/CL+GH
            Roads                                                                    | The contract for the bypass near Lima is to be awarded next month. | SUPPLY_CONTRACT/PROPOSED/-
            """)
    void aHeadlineNamingAnActToBeDoneAndAnAwardToComeAreProposed(String title, String body, String expected) {
        assertThat(tags(title, body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Under the Convention on the Rights of the Child, Norway reports every five years.          | TREATY/SIGNED/NO
            The 1965 treaty between Japan and Korea covered the claims, officials said.                | TREATY/SIGNED/JP+KR
            The procurement of new buses for the city is paid for by the state.                          | SUPPLY_CONTRACT/UNKNOWN/-
            """)
    void anInstrumentNamedWithoutAStageIsInForce(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /** agreements-5: kinds of language that the third dev set (government releases, antitrust news) showed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The two militias agreed to a ceasefire along the river on Sunday.                          | OTHER_AGREEMENT/AGREED/-
            Envoys said the cease-fire in the north of Chad held through the night.                    | OTHER_AGREEMENT/UNKNOWN/TD
            The rebels and the army extended their truce by another month in Sudan.                    | OTHER_AGREEMENT/EXTENDED/SD
            The president called for a lasting political settlement in Mali.                           | OTHER_AGREEMENT/PROPOSED/ML
            Eritrea and Ethiopia signed a peace deal in Riyadh.                                        | OTHER_AGREEMENT/SIGNED/ER+ET
            The search company settled with the Dutch regulator over its ad rules.                     | OTHER_AGREEMENT/SIGNED/NL
            The retailer agreed to settle the lawsuit brought by its suppliers.                        | OTHER_AGREEMENT/AGREED/-
            The broadcaster signed a multiyear content deal with two Irish publishers.                 | OTHER_AGREEMENT/SIGNED/IE
            The label said the video site had offered to change its licensing terms in Spain.          | OTHER_AGREEMENT/PROPOSED/ES
            """)
    void endsOfFightingSettlementsAndRightsDealsAreOtherAgreements(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Ministers from Chile and Peru launched talks on a Pacific Economic Framework.              | FRAMEWORK_AGREEMENT/NEGOTIATING/CL+PE
            Kenya and Canada will update their Trade and Investment Framework next year.               | FRAMEWORK_AGREEMENT/AGREED/CA+KE
            The ministry published its new debt restructuring framework for insolvent firms.          | ''
            """)
    void aFrameworkNamedByItsEconomicSubjectIsAFramework(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Both leaders pledged to honour the climate agreement and cut emissions in Chile and Peru.  | TREATY/SIGNED/CL+PE
            Inspectors checked that Libya kept to its safeguards agreement with the agency.            | TREATY/SIGNED/LY
            Russia and the United States began talks on a new arms control treaty.                     | TREATY/NEGOTIATING/RU+US
            The invasion of Georgia violates the UN Charter, the envoy said.                           | TREATY/UNKNOWN/GE
            The bank is offering a sovereign loan guarantee to Moldova.                                | LOAN_AGREEMENT/PROPOSED/MD
            A firm from Ohio is the design-build contractor of the new embassy in Ghana.               | SUPPLY_CONTRACT/UNKNOWN/GH
            She joins as a partner in the firm's tax practice in Dublin.                               | ''
            The extradition treaty between Chile and Peru reflects their long cooperation.             | TREATY/SIGNED/CL+PE
            The memorandum between Chile and Peru reflects their long cooperation.                     | COOPERATION_AGREEMENT/SIGNED/CL+PE
            """)
    void instrumentsNamedBySubjectLoanGuaranteesAndBuildingContracts(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The general met the chief of the North Atlantic Treaty Organization in Oslo.               | ''
            Staff follow the office's COVID-19 protocols and work from home when ill.                  | ''
            The embassy has reviewed its security measures and protocols this week.                    | ''
            The agency revised its Merger Guidelines to cover digital markets.                         | ''
            The new chief prefers lawsuits to block harmful mergers over remedies.                     | ''
            Two Dutch banks agreed on a merger, and the regulator may review it.                       | ACQUISITION_AGREEMENT/AGREED/NL
            She was named Under Secretary of Defense for Acquisition and Sustainment.                  | ''
            Visitors must acquire a licence before they may fish in the lake.                          | ''
            The council warned that the regime must never acquire a nuclear weapon.                    | ''
            The Act on debt restructuring of insolvent companies took effect in May.                   | ''
            """)
    void namesPoliciesAndAbilitiesReportNoAgreement(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Joint statement of Chile and Peru on the Andean fisheries. The two governments stand by the fishermen. | JOINT_DECLARATION/AGREED/CL+PE
            The envoy called for a ceasefire in the east of Congo.                                     | OTHER_AGREEMENT/PROPOSED/CD
            Both ministers urged a truce in Yemen before the holidays.                                 | OTHER_AGREEMENT/PROPOSED/YE
            Officials of Chile and Peru are working to develop an economic framework for the region.   | FRAMEWORK_AGREEMENT/NEGOTIATING/CL+PE
            The extradition treaty between Chile and Peru will come into force on 1 May.               | TREATY/SIGNED/CL+PE
            The extradition treaty between Chile and Peru will be signed on 1 May.                     | TREATY/PROPOSED/CL+PE
            The extradition and legal assistance treaties of Chile and Peru will both come into force on 1 May. | TREATY/SIGNED/CL+PE
            The extradition treaty between Chile and Peru will then enter into force.                  | TREATY/SIGNED/CL+PE
            """)
    void jointStatementsAreAgreedCallsAreProposalsDevelopingIsNegotiatingAndForceToComeIsSigned(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /** agreements-6: the cue that governs the agreement, not a cue of another clause or of a thing beside it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The offer was rejected; the truce that Chile and Peru signed in May still holds.                   | OTHER_AGREEMENT/SIGNED/CL+PE
            The offer was rejected; the truce, which Chile and Peru signed in May, still holds.                 | OTHER_AGREEMENT/SIGNED/CL+PE
            Chile and Peru signed the long awaited and widely praised border truce, while their rival withdrew. | OTHER_AGREEMENT/SIGNED/CL+PE
            The envoys called for a rapid withdrawal and a truce in Sudan.                                     | OTHER_AGREEMENT/PROPOSED/SD
            The envoys called for a truce and withdrawal in Sudan.                                             | OTHER_AGREEMENT/PROPOSED/SD
            Traders had expected the Dutch chipmaker to cut prices after the antitrust settlement with the regulator. | OTHER_AGREEMENT/SIGNED/NL
            The ministers of Chile and Peru welcomed the completion of negotiations on the fisheries framework agreement. | FRAMEWORK_AGREEMENT/AGREED/CL+PE
            Chile and Peru voiced support for a swift conclusion of negotiations on a fisheries framework agreement. | FRAMEWORK_AGREEMENT/NEGOTIATING/CL+PE
            """)
    void theStatusCueGovernsTheAgreement(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /** agreements-6: a government's release that looks on an agreement of others does not make it a side. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Cabinet met in Accra on Monday. The Government welcomed the memorandum of understanding that Chile and Peru signed. | MEMORANDUM_OF_UNDERSTANDING/SIGNED/CL+PE
            The Cabinet met in Accra on Monday. The Government signed a memorandum of understanding with Chile.          | MEMORANDUM_OF_UNDERSTANDING/SIGNED/CL+GH
            The Cabinet met in Accra on Monday. The Cabinet noted Japan’s support for the memorandum of understanding with Chile. | MEMORANDUM_OF_UNDERSTANDING/SIGNED/CL+GH+JP
            """)
    void aGovernmentThatWelcomesOrSupportsTheAgreementOfOthersIsNoSide(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-7: the sides an agreement's sentence counts ("bilateral", "the three governments") and leaves
     * unnamed are the article's most named other countries; "both sides" counts no states, and an end to fighting
     * may have the factions of one country as its sides.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            The Foreign Minister received her counterpart from Norway. The Ministry signed the bilateral cooperation agreement. | mofa.gov.gh | COOPERATION_AGREEMENT/SIGNED/GH+NO
            The Foreign Minister received her counterpart from Norway. The Ministry signed the cooperation agreement.           | mofa.gov.gh | COOPERATION_AGREEMENT/SIGNED/GH
            Officials from Peru and Chile came to Accra. The three governments signed a memorandum of understanding on health. | mofa.gov.gh | MEMORANDUM_OF_UNDERSTANDING/SIGNED/CL+GH+PE
            Officials from Peru came to Accra. Both countries signed a memorandum of understanding on health.           | mofa.gov.gh | MEMORANDUM_OF_UNDERSTANDING/SIGNED/GH+PE
            Officials from Peru came to Accra. A memorandum of understanding on health was signed by both sides.       | mofa.gov.gh | MEMORANDUM_OF_UNDERSTANDING/SIGNED/GH
            Talks were held in Norway last month. Libya's two governments signed a truce on Friday.                     | -           | OTHER_AGREEMENT/SIGNED/LY
            """)
    void sidesThatASentenceCountsButLeavesUnnamedAreTheArticlesOtherCountries(String body, String publisher, String expected) {
        String tags = tagger.tag(new ArticleText("", "", body, publisher)).agreements().stream()
                .map(AgreementLanguageTest::tag).sorted().collect(Collectors.joining(" "));
        assertThat(tags).isEqualTo(expected);
    }

    /**
     * agreements-7: a government's release reading out a meeting: "They agreed", "The leaders signed" have the
     * release's government and its guest as sides.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            The President hosted the Prime Minister of Norway. They signed a cooperation agreement on fisheries.       | mofa.gov.gh | COOPERATION_AGREEMENT/SIGNED/GH+NO
            The President hosted the Prime Minister of Norway. The leaders signed a cooperation agreement on fisheries. | mofa.gov.gh | COOPERATION_AGREEMENT/SIGNED/GH+NO
            The President hosted the Prime Minister of Norway. The Ministry signed a cooperation agreement on fisheries. | mofa.gov.gh | COOPERATION_AGREEMENT/SIGNED/GH
            The President hosted the Prime Minister of Norway. They signed a cooperation agreement on fisheries.       | -           | COOPERATION_AGREEMENT/SIGNED/-
            Officials from Peru came to Accra. Both sides signed a memorandum of understanding on health.               | mofa.gov.gh | MEMORANDUM_OF_UNDERSTANDING/SIGNED/GH+PE
            """)
    void theSidesOfAMeetingAreTheReleasesGovernmentAndItsGuest(String body, String publisher, String expected) {
        String tags = tagger.tag(new ArticleText("", "", body, publisher)).agreements().stream()
                .map(AgreementLanguageTest::tag).sorted().collect(Collectors.joining(" "));
        assertThat(tags).isEqualTo(expected);
    }

    /**
     * agreements-8: an instrument cited in the background, as the source of a norm, has no stage the text gives
     * (UNKNOWN), whatever else its sentence approves or discusses; a cue between the two still speaks of it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The governors discussed how the strikes break the principles of the UN Charter.              | TREATY/UNKNOWN/-
            The court upheld the liberties guaranteed to every islander by the Danube Joint Declaration. | JOINT_DECLARATION/UNKNOWN/-
            The plan was drawn up in line with the guidelines of the Kyoto Protocol and approved.        | TREATY/UNKNOWN/-
            The island's rights, as provided for in the Charter and the old Joint Declaration, are at risk. | JOINT_DECLARATION/UNKNOWN/-
            The principles agreed in the Danube Joint Declaration still hold.                           | JOINT_DECLARATION/AGREED/-
            The governors discussed the Danube Joint Declaration.                                        | JOINT_DECLARATION/NEGOTIATING/-
            """)
    void anInstrumentCitedInTheBackgroundHasNoStage(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-8: a headline that names an instrument over a body that never names it but approves a proposal
     * ("the proposal made by the Minister ... was approved") reports the plan to enter into it: PROPOSED.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Extradition Treaty between Ghana and Togo | The proposal made by the Minister of Justice to that end was approved by the Cabinet. | TREATY/PROPOSED/GH+TG
            Extradition Treaty between Ghana and Togo | The Cabinet heard a report on the courts of both countries.                       | TREATY/SIGNED/GH+TG
            """)
    void aHeadlineInstrumentOverTheApprovalOfAProposalIsProposed(String title, String body, String expected) {
        assertThat(tags(title, body)).isEqualTo(expected);
    }

    /** agreements-8: "the parties to the convention" are its signatories (SIGNED), as "signatory" is. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The chair will open the review conference of the Parties to the Convention on Mercury, where she will speak. | TREATY/SIGNED/-
            The envoy urged the parties to reach a truce in Sudan.                                                      | OTHER_AGREEMENT/PROPOSED/SD
            """)
    void thePartiesToAnInstrumentAreItsSignatories(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-8: conversations are talks (NEGOTIATING); after "will" / "would" the verb that follows says what is
     * announced ("would be cancelled": TERMINATED, "will be extended": EXTENDED, "will not be renewed": TERMINATED).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The leaders of Chile and Peru will hold conversations on a regional economic framework. | FRAMEWORK_AGREEMENT/NEGOTIATING/CL+PE
            The Dutch retailer said its merger with a Belgian grocer would be cancelled.           | ACQUISITION_AGREEMENT/TERMINATED/BE+NL
            The lease agreement with the Greek operator will be extended to 2040.                  | OTHER_AGREEMENT/EXTENDED/GR
            The lease agreement with the Greek operator will not be renewed.                       | OTHER_AGREEMENT/TERMINATED/GR
            """)
    void conversationsAreTalksAndTheVerbAfterAModalSaysTheStage(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /** agreements-8: talks on carrying out an agreement ("discuss the implementation of") do not negotiate it: it exists. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Officials of Chile and Peru met to discuss the implementation of their joint statement on fisheries. | JOINT_DECLARATION/AGREED/CL+PE
            Officials of Chile and Peru met to discuss the implementation of the extradition treaty.            | TREATY/SIGNED/CL+PE
            Officials of Chile and Peru met to discuss the extradition treaty.                                  | TREATY/NEGOTIATING/CL+PE
            """)
    void talksOnCarryingOutAnAgreementDoNotNegotiateIt(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-8: a joint statement has two sides at least, as a trade deal has: when its sentences name one
     * country, the other is the article's most named other country.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Joint Statement by the Foreign Ministers of Chile and Their Guest. The guest came from Peru, and Peru's fishermen were glad. | JOINT_DECLARATION/AGREED/CL+PE
            """)
    void aJointStatementHasTwoSidesAtLeast(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /** agreements-8: a decision to settle or to contract is the agreement decided: AGREED. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The commissioner defended his decision to settle with the Dutch chipmaker.      | OTHER_AGREEMENT/AGREED/NL
            The regulator decided to settle with the Dutch chipmaker after a long inquiry.  | OTHER_AGREEMENT/AGREED/NL
            """)
    void aDecisionToSettleIsAgreed(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /** agreements-8: a deal reached or struck in a year the sentence names was concluded then and is in force: SIGNED. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The judge cited a 1998 antitrust settlement reached between the Dutch chipmaker and the regulator. | OTHER_AGREEMENT/SIGNED/NL
            The Dutch chipmaker reached an antitrust settlement with the regulator on Monday.                 | OTHER_AGREEMENT/AGREED/NL
            """)
    void aDealReachedInANamedYearIsInForce(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /** agreements-8: what an agreement mandates, requires or imposes is the work of one in force: SIGNED. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Dutch chipmaker plans to keep the changes mandated by its antitrust settlement with the regulator. | OTHER_AGREEMENT/SIGNED/NL
            The Dutch chipmaker plans to keep the changes required by the antitrust settlement with the regulator. | OTHER_AGREEMENT/SIGNED/NL
            """)
    void whatAnAgreementMandatesIsTheWorkOfOneInForce(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    // ---- agreements-9 (issue 18, round 6): status by the phrase the agreement sits in

    /**
     * agreements-9: an instrument that is violated, breached, complied with or honoured binds its sides: it is in
     * force (SIGNED), whatever "agreed" or "reached" describes it; talks about it stay talks.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The union says the Korean carmaker violates the labour agreement reached in March.     | OTHER_AGREEMENT/SIGNED/KR
            Ghana accused Togo of a violation of the ceasefire agreed in May.                      | OTHER_AGREEMENT/SIGNED/GH+TG
            The Korean carmaker failed to honour the supply contract agreed with a Greek owner.     | SUPPLY_CONTRACT/SIGNED/GR+KR
            The regulator said the Korean carmaker is in breach of the settlement reached in March. | OTHER_AGREEMENT/SIGNED/KR
            The Korean carmaker discussed the labour agreement with the union.                     | OTHER_AGREEMENT/NEGOTIATING/KR
            """)
    void anInstrumentViolatedOrHonouredIsInForce(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-9: a statute named after an instrument ("the Convention on Mercury Act") cites it: the sentence
     * speaks of the domestic law, not of the instrument's stage (UNKNOWN); the instrument itself keeps its stage.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            As per the provisions of the Convention on Mercury Act, the list of banned goods is published each year.  | TREATY/UNKNOWN/-
            The proposal to publish the list under the Convention on Mercury Act was approved by the Cabinet.         | TREATY/UNKNOWN/-
            The proposal to accede to the Convention on Mercury was approved by the Cabinet.                          | TREATY/PROPOSED/-
            """)
    void anInstrumentNamedInAStatutesNameIsCited(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-9: verbs of partnering in the present or past ("is partnering with", "partnered with", "teamed up
     * with") report a partnership made: AGREED, as "will partner with" is; a plan to partner stays PROPOSED.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Korean carmaker is partnering with a Swedish university on batteries.           | COOPERATION_AGREEMENT/AGREED/KR+SE
            The Korean carmaker partnered with a Swedish university on batteries.               | COOPERATION_AGREEMENT/AGREED/KR+SE
            The Korean carmaker teamed up with a Swedish university on batteries.               | COOPERATION_AGREEMENT/AGREED/KR+SE
            Partnering with a Swedish university could cut the Korean carmaker's costs.         | COOPERATION_AGREEMENT/AGREED/KR+SE
            The Korean carmaker plans to partner with a Swedish university on batteries.        | COOPERATION_AGREEMENT/PROPOSED/KR+SE
            """)
    void partneringIsAPartnershipMade(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-9: an attribute ("the proposed joint venture", "the carmaker's proposed joint venture", "a plan to
     * buy") names the agreement; a cue of another sentence of the same type says where it stands, and wins.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The regulator cleared the Korean carmaker's proposed joint venture with a Swedish battery maker. For the joint venture, the carmaker signed a definitive agreement with the Swedish firm. | JOINT_VENTURE/SIGNED/KR+SE
            The Korean carmaker described a plan to buy a Swedish battery maker. It acquired the Swedish firm in May.                                                                          | ACQUISITION_AGREEMENT/SIGNED/KR+SE
            The regulator cleared the proposed joint venture of a Korean carmaker and a Swedish battery maker.                                                                                  | JOINT_VENTURE/PROPOSED/KR+SE
            """)
    void anotherSentencesCueWinsOverAnAttribute(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-9: a cue that is a word of a capitalised name in running text ("the Community Benefits Plan", "the
     * Roadmap for a Renewed Partnership") names something; it says no stage.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The grants are part of the Community Benefits Plan the Korean bank made as part of its acquisition of a Swedish lender. | ACQUISITION_AGREEMENT/UNKNOWN/KR+SE
            The grants are part of the benefits plan the Korean bank made as part of its acquisition of a Swedish lender.          | ACQUISITION_AGREEMENT/PROPOSED/KR+SE
            Officials of Chile and Peru met on the anniversary of the Roadmap for a Renewed Fisheries Partnership, their joint statement of 2020. | JOINT_DECLARATION/AGREED/CL+PE
            """)
    void aCueInACapitalisedNameSaysNoStage(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /** agreements-9: money lent to a side ("loans made to", "credit extended to") is a loan made (SIGNED), not a renewal. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Korean bank said credit extended to a Thai property developer went bad, prompting talks with its auditors. | LOAN_AGREEMENT/SIGNED/KR+TH
            """)
    void moneyLentToASideIsALoanMade(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-9: a cue after the agreement whose object is another instrument ("countries that have entered into
     * agreements with Chile") is that instrument's verb, not the agreement's: here the headline's agenda decides.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Accession to the Pacific Free Trade Agreement | The Pacific Free Trade Agreement is carried out by ten countries that have already entered into agreements with Chile. | TRADE_AGREEMENT/PROPOSED/CL
            Accession to the Pacific Free Trade Agreement | The Pacific Free Trade Agreement is carried out by ten countries that have already signed it.                          | TRADE_AGREEMENT/SIGNED/-
            """)
    void aCueOfAnotherInstrumentIsNotTheAgreementsVerb(String title, String body, String expected) {
        assertThat(tags(title, body)).isEqualTo(expected);
    }

    /**
     * agreements-9: "on-going" as written is "ongoing" (in force, SIGNED): the check ran only on words of the
     * vocabulary, which "going" is not, so the hyphenated form never counted.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Officials met the IMF to discuss the progress of Nepal's on-going IMF programme. | LOAN_AGREEMENT/SIGNED/NP
            Officials met the IMF to discuss the progress of Nepal's ongoing IMF programme.  | LOAN_AGREEMENT/SIGNED/NP
            Officials met the IMF to discuss a new IMF programme for Nepal.                  | LOAN_AGREEMENT/NEGOTIATING/NP
            """)
    void anOnGoingProgrammeIsInForce(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-9: "complete" and "settle" are signing cues, so "wants to complete the settlement" is a plan
     * (PROPOSED) as "plans to sign" is; a verb of agreeing or deciding before the "to" ("agreed to sign") is the
     * sides concurring (AGREED), while a Cabinet's approval to sign stays a proposal; "a deal to settle charges"
     * says what the deal does, and the verb that governs the deal decides ("reneging on": TERMINATED).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Dutch chipmaker wants to complete its antitrust settlement with the regulator.        | OTHER_AGREEMENT/PROPOSED/NL
            Chile and Peru agreed to sign the fisheries treaty in May.                                | TREATY/AGREED/CL+PE
            The Cabinet approved to sign the fisheries treaty with Peru.                              | TREATY/PROPOSED/PE
            The Dutch chipmaker was fined after reneging on a deal to settle antitrust charges.       | OTHER_AGREEMENT/TERMINATED/NL
            """)
    void aSigningCueAfterToIsAPlanUnlessTheSidesAgreedToIt(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-9: a participle that describes what an agreement holds, with the agreement after "in" ("the
     * principles agreed upon by both sides in the Framework Agreement"), is no stage of it: the defaults decide (an
     * instrument SIGNED, a joint statement AGREED); agreeing on its terms is still agreeing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile and Peru reaffirmed the principles agreed upon by both sides in the Fisheries Framework Agreement. | FRAMEWORK_AGREEMENT/SIGNED/CL+PE
            Chile and Peru agreed on the terms of the Fisheries Framework Agreement.                                 | FRAMEWORK_AGREEMENT/AGREED/CL+PE
            """)
    void whatAnAgreementHoldsIsNoStageOfIt(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-9: an agreement named by what it does ("will supply turbines") whose clause gives an instrument as
     * its source ("according to the contract") is a deed set out by an instrument in force: SIGNED.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Czech maker will supply turbines to Peru for ten years, according to the contract.  | SUPPLY_CONTRACT/SIGNED/CZ+PE
            The Czech maker will supply turbines to Peru for ten years.                             | SUPPLY_CONTRACT/AGREED/CZ+PE
            """)
    void aDeedAccordingToAnInstrumentIsInForce(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-9, round 7: a full stop after a number ends a sentence ("on March 3. Our ties ..."), where a single
     * letter before it ("John F. Kennedy") is an initial that does not, so the next sentence's treaty is not read
     * with this one's "extend my greetings"; and a release's "Our ties" (our before a word of a bond) is the
     * publishing government and the country it addresses, the other side the article names.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I extend my warm greetings to the people of Chile on their national day on March 3. Our ties go back to the 1850 Treaty of Friendship.   | state.gov | TREATY/SIGNED/CL+US
            I extend my warm greetings to the people of Chile on their national day. Our ties go back to the 1850 Treaty of Friendship.              | state.gov | TREATY/SIGNED/CL+US
            Chile and Peru agreed, says Foreign Minister Ana M. Lopez, a fisheries treaty.                                                          | -         | TREATY/AGREED/CL+PE
            """)
    void aNumberEndsASentenceAndOurTiesAreTheTwoCountries(String body, String publisher, String expected) {
        String tags = tagger.tag(new ArticleText("", "", body, publisher)).agreements().stream()
                .map(AgreementLanguageTest::tag).sorted().collect(Collectors.joining(" "));
        assertThat(tags).isEqualTo(expected);
    }

    /**
     * agreements-9, round 7: a participle in -ed between a determiner and another noun after the agreement ("a joint
     * statement on the Roadmap for a Renewed Partnership", headline or body) describes that noun, no stage of the
     * agreement; before the agreement ("a renewed fisheries agreement") it is the agreement's own.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Joint Statement of Chile and Peru on the Anniversary of the Roadmap for a Renewed Fisheries Partnership | The two countries met in Lima.                 | JOINT_DECLARATION/AGREED/CL+PE
            Fisheries Talks in Lima                                                                                  | Chile and Peru signed a renewed fisheries treaty.    | TREATY/EXTENDED/CL+PE
            """)
    void anAttributeOfAnotherNounAfterTheAgreementSaysNoStage(String title, String body, String expected) {
        assertThat(tags(title, body)).isEqualTo(expected);
    }

    /**
     * agreements-9, round 7: money handed over ("provided as a grant", "the loans the agency has issued") is a grant or
     * loan made: SIGNED, not a citation ("as provided for in") and not a stage left unsaid; money still to be handed
     * over ("to be provided") is not (its stage stays unsaid).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The new school in Nepal cost 500 million rupees, with 300 million rupees provided as a grant by the Government of Japan. | COOPERATION_AGREEMENT/SIGNED/JP+NP OTHER_AGREEMENT/SIGNED/JP+NP
            Of the loans and loan guarantees the agency has issued to Kenya, most were repaid, Japan's finance ministry said.        | LOAN_AGREEMENT/SIGNED/JP+KE
            The new school in Nepal will cost 500 million rupees, with 300 million rupees to be provided as a grant by Japan.        | COOPERATION_AGREEMENT/UNKNOWN/JP+NP OTHER_AGREEMENT/UNKNOWN/JP+NP
            """)
    void moneyHandedOverIsAGrantOrLoanMade(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-9, round 7: a deal that is no instrument under a regulator's review ("is reviewing the merger") has
     * been announced and awaits clearance: AGREED; an instrument under review keeps its own reading (the defaults).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Swedish regulator is reviewing the contested merger between a Korean bank and a Swedish lender. | ACQUISITION_AGREEMENT/AGREED/KR+SE
            The Swedish regulator published a study of the merger between a Korean bank and a Swedish lender.   | ACQUISITION_AGREEMENT/UNKNOWN/KR+SE
            The Cabinet of Chile is reviewing the fisheries treaty with Peru.                                    | TREATY/SIGNED/CL+PE
            """)
    void aDealUnderAReviewIsAnnounced(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: form plus subject in the next sentence. A memorandum, declaration or protocol whose sides "will
     * work together" is one of cooperation, as one whose sentence says "cooperation" is; the sentence that refers back
     * to it ("Under the memorandum, ...") is read where the form was reported, its signing sentence (its stage and
     * sides). "Work together" with no form is no agreement.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Today Chile and Peru signed a memorandum of understanding on fisheries. Under the memorandum, the sides will work together to protect fish stocks. | COOPERATION_AGREEMENT/SIGNED/CL+PE MEMORANDUM_OF_UNDERSTANDING/SIGNED/CL+PE
            Chile and Peru adopted a joint declaration on fisheries last week. Through this declaration, they are working together on fish stocks.               | COOPERATION_AGREEMENT/SIGNED/CL+PE JOINT_DECLARATION/SIGNED/CL+PE
            Chile and Peru will work together to protect fish stocks, their ministers said on Monday.                                                         | ''
            """)
    void aFormWhoseSidesWorkTogetherIsACooperation(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: generic mentions of supply, acquisition and debt restructuring report nothing: buying by
     * governments as a policy area ("transparency in government procurement") or a goal ("to facilitate procurement
     * of"), acquiring and using things ("the acquisition and use of software"), and debt restructuring as a line of
     * work, a centre or a goal ("debt restructuring work", "a centre for debt restructuring", "facilitating debt
     * restructuring"). A contract for a procurement and a debt restructuring agreed are still reported.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile's ministers discussed transparency in government procurement of medicines.               | ''
            Peru's export bank will make funds available to facilitate procurement of Chilean goods.        | ''
            Chile warned against the unrestricted acquisition and use of surveillance software by firms.    | ''
            Lawyers in Chile have seen more insolvency and debt restructuring work this year.               | ''
            Chile wants to become an international centre for debt restructuring.                          | ''
            The new court aims at facilitating cross-border debt restructuring in Chile.                    | ''
            The government of Chile signed a contract with a Peruvian firm for the procurement of 20 buses. | SUPPLY_CONTRACT/SIGNED/CL+PE
            Chile agreed a debt restructuring with its creditors in Peru.                                   | LOAN_AGREEMENT/AGREED/CL+PE
            """)
    void genericProcurementAcquisitionAndDebtRestructuringReportNothing(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: sides that agree to work together agree to cooperate ("agreed to work closely together to ..."):
     * a cooperation, as "agreed to cooperate" is. Working together that nobody agreed ("pledged to work together",
     * "will work together" with no form) is none.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile and Peru agreed to work closely together to protect fish stocks.   | COOPERATION_AGREEMENT/AGREED/CL+PE
            The ministers of Chile and Peru agree to work together on fish stocks.   | COOPERATION_AGREEMENT/AGREED/CL+PE
            Chile and Peru pledged to work together to protect fish stocks.          | ''
            """)
    void sidesThatAgreeToWorkTogetherAgreeToCooperate(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: deals of no stated kind that a side signs or strikes with others ("signing deals with local
     * outlets", "struck deal with") are agreements (OTHER_AGREEMENT); dealing with something is not.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile's state broadcaster has been signing deals with small radio stations in Peru.  | OTHER_AGREEMENT/SIGNED/CL+PE
            Chile's ministers said they must deal with the floods in the north of Peru.          | ''
            """)
    void dealsSignedWithASideAreAgreements(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: studies of mergers in general ("merger retrospectives", "merger analysis") are no merger; a merger
     * agreed is still one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile's competition agency praised the benefits of merger retrospectives for its staff.    | ''
            Economists in Chile disagree on merger analysis in digital markets.                      | ''
            Chile's largest brewer agreed a merger with a Peruvian rival.                           | ACQUISITION_AGREEMENT/AGREED/CL+PE
            """)
    void studiesOfMergersAreNoMerger(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: "our strategic partnership" is the speaker's relation with a country, as "our ties" is, not a
     * partnership agreed; a strategic partnership the sides form is one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The talks in Lima will deepen our strategic partnership, the President of Chile told Peru's leader. | ''
            Chile and Peru formed a strategic partnership on fisheries.                                         | COOPERATION_AGREEMENT/UNKNOWN/CL+PE
            """)
    void ourPartnershipIsARelationNotAnAgreement(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: a country's supply of a resource ("to diversify its energy supply") is no supply deal, so a
     * memorandum in its sentence is no supply contract; an energy supply agreement still is one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile and Peru signed a memorandum of understanding on solar research as Peru seeks to diversify its energy supply. | MEMORANDUM_OF_UNDERSTANDING/SIGNED/CL+PE
            Chile and Peru signed an energy supply agreement on Monday.                                                          | SUPPLY_CONTRACT/SIGNED/CL+PE
            """)
    void aCountrysSupplyOfAResourceIsNoSupplyDeal(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: "team" is a verb of partnering only with "up" ("will team up with"); "its legal team with the
     * appointment of" is a noun, no partnership.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A Chilean law firm expanded its Lima team with the hiring of two Peruvian lawyers. | ''
            A Chilean miner will team up with a Peruvian smelter.                              | COOPERATION_AGREEMENT/AGREED/CL+PE
            """)
    void aTeamIsAPartnerOnlyWhenItTeamsUp(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: a carbon market is no trade in goods: an agreement on cap and trade or emissions trading is no
     * trade agreement; a trade agreement beside it still is one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile and Peru signed an agreement to link their cap and trade systems for power plants.  | ''
            Chile and Peru signed an agreement on emissions trading for power plants.                 | ''
            Chile and Peru signed an agreement to cut tariffs on copper.                              | TRADE_AGREEMENT/SIGNED/CL+PE
            """)
    void aCarbonMarketIsNoTradeInGoods(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: "MLAT", a mutual legal assistance treaty by its initials, is a treaty, and its sentence's "mutual
     * legal assistance" is that treaty's subject (TREATY only), as with "treaty" spelt out.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile and Peru signed an MLAT on Monday.                                                     | TREATY/SIGNED/CL+PE
            The MLAT that Chile and Peru signed lets them render mutual legal assistance in trials.        | TREATY/SIGNED/CL+PE
            """)
    void anMlatIsATreaty(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: the agreements a convention is about ("a Convention on Cross-Border Settlement Agreements") are
     * what it governs, none made: the convention is a treaty, no settlement; a settlement agreement reached is one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile and Peru ratified the Convention on Cross-Border Settlement Agreements.  | TREATY/SIGNED/CL+PE
            Chile and Peru reached a settlement agreement on the border dispute.          | OTHER_AGREEMENT/AGREED/CL+PE
            """)
    void theAgreementsAConventionIsAboutAreNoneMade(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-10: an economic framework "of" something ("the economic framework of error costs") is a framework of
     * ideas, no agreement; an economic framework the sides launch is one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Scholars in Chile and Peru debate the economic framework of market power.          | ''
            Chile and Peru launched an economic framework for their ports on Monday.           | FRAMEWORK_AGREEMENT/SIGNED/CL+PE
            """)
    void anEconomicFrameworkOfIdeasIsNoAgreement(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    // ---- agreements-11 (issue 18, round 9): fewer false positives: generic mentions, relations, unrelated senses

    /**
     * agreements-11: the reader acquiring things ("you can acquire every skin by playing") is no acquisition; a
     * company that acquires a rival still makes one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Chilean studio's new season is out, and you can acquire every costume by playing. | ''
            With the Peruvian app you can now acquire concert tickets in seconds.                 | ''
            A Chilean retailer will acquire a Peruvian rival.                                     | ACQUISITION_AGREEMENT/AGREED/CL+PE
            """)
    void aReaderWhoAcquiresThingsMakesNoAcquisition(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: an agreement named as the alternative not chosen ("prefers court challenges rather than
     * settlements", "a grant instead of a loan") is none made; a settlement reached is one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile's antitrust chief favours court challenges rather than settlements with the firms.        | ''
            Peru's port authority took a grant instead of a loan agreement with the lender.                     | ''
            Chile's regulator reached a settlement with the Peruvian bank over the fees.                        | OTHER_AGREEMENT/AGREED/CL+PE
            """)
    void anAgreementNamedAsTheAlternativeNotChosenIsNone(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: a partnership or cooperation that goes on ("will continue to partner with", "will continue
     * cooperating with") is the sides' relation, as "our ties" are, not one agreed; a side that will partner with
     * another agrees one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile will continue to partner with the World Bank on rural schools.      | ''
            Peru's ministry continues partnering with UNICEF to vaccinate children.   | ''
            Peru says it keeps to the accord and will continue cooperating with the inspectors. | ''
            Chile will partner with the World Bank on rural schools.                  | COOPERATION_AGREEMENT/AGREED/CL
            """)
    void aPartnershipThatGoesOnIsARelation(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: a partnership whose strength or depth is spoken of ("the strength of the Chile-Peru Strategic
     * Partnership") is the sides' relation, not one agreed; a strategic partnership the sides sign is one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The ministers praised the strength of the Chile-Peru Strategic Partnership in Lima.  | ''
            Officials of Chile and Peru spoke of the depth of their research partnership.       | ''
            Chile and Peru signed a strategic partnership on copper mining.                     | COOPERATION_AGREEMENT/SIGNED/CL+PE
            """)
    void theStrengthOfAPartnershipIsARelation(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: litigants' joint statement on their lawsuit is the press source of a settlement, not a
     * declaration (both annotation guides); a joint statement of two governments is one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A Chilean airline and a Peruvian travel site issued a joint statement saying they would drop the lawsuit. | ''
            Chile and Peru issued a joint statement on fishing quotas.                                                 | JOINT_DECLARATION/AGREED/CL+PE
            """)
    void litigantsJointStatementIsNoDeclaration(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: a dispute mechanism of an agreement or a body ("the pact's dispute resolution mechanism", "the
     * dispute settlement system") is no settlement reached; a dispute settled is one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile said it would use the pact's dispute resolution mechanism against Peru.   | ''
            Chile and Peru settled the dispute over fishing rights.                        | OTHER_AGREEMENT/SIGNED/CL+PE
            """)
    void aDisputeMechanismIsNoSettlement(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: notes, bonds and debt sold or bought are securities, no company ("lining up to sell bonds");
     * a unit sold is an acquisition.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Peruvian banks are lining up to sell bonds, and a unit of the Chilean miner will follow. | ''
            A Chilean miner agreed to sell its Peruvian unit.                                        | ACQUISITION_AGREEMENT/AGREED/CL+PE
            """)
    void securitiesSoldOrBoughtAreNoCompany(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: a sale on a condition ("would grow if its founder sells shares") is none made; shares sold are
     * an acquisition.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The float of the Chilean retailer would grow if its founder sells shares.   | ''
            The founder of the Chilean retailer sold shares to a Peruvian fund.         | ACQUISITION_AGREEMENT/SIGNED/CL+PE
            """)
    void aSaleOnAConditionIsNoneMade(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: every agreement of a generic list ("the importance of signing free trade agreements and investment
     * pacts") reports nothing, the second as the first; a free trade agreement signed is one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The President of Chile stressed the importance of signing free trade agreements and bilateral trade accords with Asia.    | ''
            Chile and Peru signed a free trade agreement.                                                                              | TRADE_AGREEMENT/SIGNED/CL+PE
            """)
    void aListOfGenericAgreementsReportsNothing(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: rights acquired ("acquired the rights to the league's matches") are no company bought, as a
     * licence is not; a network acquired is an acquisition.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Chilean broadcaster acquired the rights to Peru's football league.   | ''
            The Chilean broadcaster acquired a Peruvian radio network.               | ACQUISITION_AGREEMENT/SIGNED/CL+PE
            """)
    void rightsAcquiredAreNoCompany(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: an option to buy shares is a right granted, no purchase agreed; shares a fund agrees to buy are an
     * acquisition.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Chilean miner granted a Peruvian fund an option to buy two million of its shares.  | ''
            A Peruvian fund agreed to buy two million shares of the Chilean miner.                 | ACQUISITION_AGREEMENT/AGREED/CL+PE
            """)
    void anOptionToBuyIsNoPurchase(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: contracts in the plural as a goal ("teamed up to win contracts") are none won; a contract won is
     * one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A Chilean builder teamed up with a Peruvian engineer to win contracts for the new port.  | COOPERATION_AGREEMENT/AGREED/CL+PE
            A Chilean builder won a contract for the new port in Peru.                              | SUPPLY_CONTRACT/SIGNED/CL+PE
            """)
    void contractsAsAGoalAreNoneWon(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: acquisition costs are an expense, and "Acquired Immune Deficiency Syndrome" a disease: no company
     * bought.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Chilean explorer said its drilling and acquisition costs rose in Peru.   | ''
            Chile and Peru pledged funds to fight Acquired Immune Deficiency Syndrome.    | ''
            """)
    void acquisitionCostsAndADiseaseAreNoAcquisition(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: a protocol on debt ("a refinancing of its debt based on a protocol signed with creditors") is the
     * loan's instrument, no treaty; a protocol of two countries on their border is a treaty.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Peru agreed a refinancing of its debt with creditors, based on a protocol signed last year.  | LOAN_AGREEMENT/AGREED/PE
            Chile and Peru signed a protocol on border controls.                                         | TREATY/SIGNED/CL+PE
            """)
    void aProtocolOnDebtIsNoTreaty(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: joint ventures in the plural that a rule requires ("the requirement that foreign banks form joint
     * ventures") are the rule's generic object; a joint venture formed is one.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile scrapped the requirement that foreign banks form joint ventures with local lenders.  | ''
            A Chilean bank formed a joint venture with a Peruvian lender.                              | JOINT_VENTURE/UNKNOWN/CL+PE
            """)
    void jointVenturesARuleRequiresAreGeneric(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: "5 billion won" is Korea's currency, no contract won.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Korea will provide a grant of 5 billion won in order to build a school in Peru.   | COOPERATION_AGREEMENT/AGREED/KR+PE OTHER_AGREEMENT/AGREED/KR+PE
            """)
    void theKoreanWonIsNoContractWon(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    // ---- agreements-11 (issue 18, round 9): more agreements found (recall), each class a table below

    /**
     * agreements-11: sides reported at work together, "X and Y are collaborating on ...", are in a cooperation they
     * have agreed (AGREED, as "partnering" is); one side "collaborating with" others, or a wish to collaborate, is
     * none. "Giants" describes companies as "giant" does: "the Oslo-based software giants" states their home.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Two Swedish carmakers are collaborating on a new battery design.                     | COOPERATION_AGREEMENT/AGREED/SE
            The two Oslo-based software giants are collaborating on a payments app.              | COOPERATION_AGREEMENT/AGREED/NO
            A Danish retailer has been collaborating with local charities on recycling.          | ''
            Officials said the two agencies should collaborate on flood data.                    | ''
            """)
    void sidesThatAreCollaboratingAreInACooperation(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: sides that agree to set up a body to work together in, a commission, committee, council,
     * dialogue, platform, mechanism, forum or working group ("agreed in principle to establish a new regional
     * platform"), agree to cooperate; a body that agrees to set up something else reports nothing.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile and Peru agreed to set up a joint fisheries commission.                                  | COOPERATION_AGREEMENT/AGREED/CL+PE
            Envoys of Ghana and Togo agreed in principle to establish a new regional platform on river transport. | COOPERATION_AGREEMENT/AGREED/GH+TG
            Chile and Peru agreed to launch an annual dialogue on mining safety.                             | COOPERATION_AGREEMENT/AGREED/CL+PE
            The school board agreed to set up a review of its fees.                                          | ''
            """)
    void sidesThatAgreeToSetUpABodyAgreeToCooperate(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: concessions a side offers another ("offered concessions to the regulator") are the terms of a deal
     * it proposes: an agreement of no stated kind, PROPOSED; concessions refused or discussed are none.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The chipmaker offered concessions to the regulator last week.                      | OTHER_AGREEMENT/PROPOSED/-
            The search firm is offering concessions to rivals to end the probe.                | OTHER_AGREEMENT/PROPOSED/-
            The carmaker offered no concessions to its suppliers.                              | ''
            Critics said the concessions were too small.                                       | ''
            """)
    void concessionsOfferedAreADealProposed(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: a convention signed, its signing word at most three words from it ("signed the Lima Convention",
     * "the Convention was signed", "a Convention signing ceremony"), is a treaty, as one ratified is; a gathering
     * signed up for is none.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chile and Peru signed the Lima Convention in 1990.                     | TREATY/SIGNED/CL+PE
            The Convention was signed by Chile and Peru in 1990.                   | TREATY/SIGNED/CL+PE
            Fans signed up for the comic convention in Lima.                       | ''
            """)
    void aConventionSignedIsATreaty(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: an exclusive deal of no stated kind ("an exclusive podcast deal with") is an agreement
     * (OTHER_AGREEMENT); an exclusive supply, licensing or trade deal is of its kind only.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A Swedish streaming service signed an exclusive podcast deal with a Danish comedian.  | OTHER_AGREEMENT/SIGNED/DK+SE
            The Swedish retailer signed an exclusive supply deal with a Danish dairy.              | SUPPLY_CONTRACT/SIGNED/DK+SE
            The gallery shows exclusive designs by Danish artists.                                 | ''
            """)
    void anExclusiveDealIsAnAgreement(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: a statement released, issued or adopted by several ministers, leaders, presidents or governments
     * ("the following statement was issued by the foreign ministers of ...") is a joint statement of their countries;
     * one released by a company is none.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The following statement was issued by the foreign ministers of Chile and Peru.   | JOINT_DECLARATION/AGREED/CL+PE
            A statement was released by the company on Monday.                               | ''
            """)
    void aStatementIssuedByMinistersIsJoint(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: an agreement that resolves or ends differences, a row or a conflict ("reached an agreement
     * resolving all their differences") settles them: OTHER_AGREEMENT, as a settlement is; differences alone are none.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The two carmakers reached an agreement resolving all their differences.      | OTHER_AGREEMENT/AGREED/-
            Chile and Peru signed a pact ending their fishing row.                        | OTHER_AGREEMENT/SIGNED/CL+PE
            The differences between the two plans remain.                                 | ''
            """)
    void anAgreementResolvingADisputeSettlesIt(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }

    /**
     * agreements-11: a deal struck or cut "with" a side, an article between ("struck a deal with", "cut a deal with"),
     * is an agreement of no stated kind, as "signed deals with" is (agreements-10; "cut" is no status cue: a deal cut
     * is one made, the instrument default, SIGNED); spending cuts that deal with waste are none.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The Danish brewer struck a deal with a Swedish chain.              | OTHER_AGREEMENT/AGREED/DK+SE
            Late last year the Danish brewer cut a deal with a Swedish chain.  | OTHER_AGREEMENT/SIGNED/DK+SE
            The spending cuts deal with waste in Danish hospitals.             | ''
            """)
    void aDealStruckOrCutWithASideIsAnAgreement(String body, String expected) {
        assertThat(tags("", body)).isEqualTo(expected);
    }
}

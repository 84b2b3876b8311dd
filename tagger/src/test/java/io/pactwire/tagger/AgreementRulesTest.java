package io.pactwire.tagger;

import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Agreement types, status, date and evidence from the rules in agreements.tsv. */
class AgreementRulesTest {
    private final Tagger tagger = Tagger.standard();

    private List<AgreementTag> agreements(String dateline, String body) {
        return tagger.tag(new ArticleText("", dateline, body)).agreements();
    }

    private List<AgreementType> types(String body) {
        return agreements("", body).stream().map(AgreementTag::type).sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Volume in Treasury bond futures contracts rose 12 pct last month.",
            "The central bank added reserves through customer repurchase agreements.",
            "The minister said he was in agreement with the plan.",
            "The board declared a quarterly dividend of 10 cts a share.",
            "The economy contracted 0.5 pct in the fourth quarter.",
            "The router speaks a new network protocol for data transfer.",
            "He told the annual convention of the grain dealers association that prices would rise.",
            "Economists agreed that the figures were weak.",
            "The refiner lowered the contract price it pays for crude oil.",
            "Caltex, a joint venture between two oil majors, raised its posted prices.",
            "The parent issued a letter of intent, which is not a guarantee, for the paper programme.",
            "Inflation in the Organisation for Economic Cooperation and Development slowed."})
    void unrelatedSensesReportNoAgreement(String sentence) {
        assertThat(types(sentence)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The two companies signed a letter of intent to acquire the maker of skylights.  | ACQUISITION_AGREEMENT LETTER_OF_INTENT
            Acme Corp said it acquired Widget Inc for 20 mln dlrs.                          | ACQUISITION_AGREEMENT
            The group launched a tender offer for all shares of the brewer.                 | ACQUISITION_AGREEMENT
            The utility awarded a contract to supply two turbines to a German group.        | SUPPLY_CONTRACT
            Brazil reached a rescheduling agreement with its creditor banks.                 | LOAN_AGREEMENT
            The two countries signed a barter trade agreement worth 100 mln dlrs.           | TRADE_AGREEMENT
            The firms agreed to form a joint venture to build engines.                      | JOINT_VENTURE
            The ministers issued a joint communique after the meeting.                      | JOINT_DECLARATION
            The two states ratified a treaty on fishing rights.                              | TREATY
            The union and the carmaker reached a new labor contract.                        | OTHER_AGREEMENT
            The agencies signed a memorandum of understanding on data sharing.              | MEMORANDUM_OF_UNDERSTANDING
            Japan and Luxembourg signed a memorandum of cooperation on space.               | MEMORANDUM_OF_COOPERATION
            The governments signed a framework agreement for later talks.                   | FRAMEWORK_AGREEMENT
            """)
    void reportsFormAndSubjectTypesTogether(String sentence, String expected) {
        assertThat(types(sentence)).isEqualTo(Arrays.stream(expected.split(" ")).map(AgreementType::valueOf).sorted().toList());
    }

    @Test
    void signedTodayIsSignedOnTheDatelineDate() {
        AgreementTag tag = agreements("Luxembourg, March 5, 2019", "The two agencies signed today a memorandum of understanding.").get(0);
        assertThat(tag.status()).isEqualTo(AgreementStatus.SIGNED);
        assertThat(tag.date()).isEqualTo("2019-03-05");
        assertThat(tag.evidence().get(0).text()).isEqualTo("The two agencies signed today a memorandum of understanding.");
        assertThat(tag.evidence().get(0).match()).isEqualTo("mou");
    }

    @Test
    void willSignIsProposed() {
        assertThat(agreements("", "The two ministries will sign a memorandum of understanding next week.").get(0).status())
                .isEqualTo(AgreementStatus.PROPOSED);
        assertThat(agreements("", "The company plans to sign a letter of intent with the city.").get(0).status())
                .isEqualTo(AgreementStatus.PROPOSED);
    }

    @Test
    void talksOnAnAgreementAreNegotiating() {
        assertThat(agreements("", "The countries held talks on a free trade agreement.").get(0).status())
                .isEqualTo(AgreementStatus.NEGOTIATING);
    }

    @Test
    void terminatedAndExtendedAgreementsSaySo() {
        assertThat(agreements("", "The company terminated its merger agreement with the bank.").get(0).status())
                .isEqualTo(AgreementStatus.TERMINATED);
        assertThat(agreements("", "The lenders extended the loan agreement by a year.").get(0).status())
                .isEqualTo(AgreementStatus.EXTENDED);
    }
}

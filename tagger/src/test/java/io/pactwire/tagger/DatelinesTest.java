package io.pactwire.tagger;

import io.pactwire.model.CountryTag;
import io.pactwire.model.Evidence;
import io.pactwire.model.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A dateline places the story; its place is resolved strictly against the city gazetteer. */
class DatelinesTest {
    private final Tagger tagger = Tagger.standard();

    private List<String> datelineCodes(String dateline, String body) {
        return tagger.tag(new ArticleText("", dateline, body)).countries().stream()
                .filter(c -> c.evidence().stream().anyMatch(e -> e.match().equals("dateline")))
                .map(CountryTag::code).toList();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NEW YORK, March 3 -           | US
            Luxembourg, January 16, 2018  | LU
            TBILISI, 12 May               | GE
            PARIS, March 3 -              | FR
            PARIS, Texas, March 3 -       | US
            RAMSEY, N.J., March 18 -      | US
            WASHINGTON, April 1 -         | US
            PEKING, March 2 -             | CN
            SAO PAULO, March 2 -          | BR
            Mexico city, april 1 -        | MX
            BERLIN, 12. Mai 2021 -        | DE
            Luxembourg, 08-10-2025        | LU
            PARIS, 14 juillet 2020        | FR
            """)
    void resolvesTheDatelinePlace(String dateline, String code) {
        assertThat(datelineCodes(dateline, "The company said profits rose.")).containsExactly(code);
    }

    @Test
    void anUnknownPlaceGivesNoCountry() {
        assertThat(datelineCodes("ZORBLATT CITY, March 3 -", "The company said profits rose.")).isEmpty();
    }

    @Test
    void aDatelineLeftInTheBodyIsReadThereAndCountedOnce() {
        String body = "TBILISI, 12 May 2021 — Georgia's parliament passed the budget.";
        CountryTag georgia = tagger.tag(new ArticleText("", "", body)).countries().get(0);
        assertThat(georgia.code()).isEqualTo("GE");
        assertThat(georgia.about()).isTrue();
        assertThat(georgia.evidence()).extracting(Evidence::match).containsExactly("dateline", "name");
        Evidence dateline = georgia.evidence().get(0);
        assertThat(dateline.field()).isEqualTo(TextField.BODY);
        assertThat(body.substring(dateline.start(), dateline.end())).isEqualTo("TBILISI");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Luxembourg, 08-10-2025 – The ministry opened an office.              | LU
            LONDON, March 3, 2021 (Reuters) - Shares rose on Tuesday.            | GB
            BERLIN, 12. Mai 2021 - Die Regierung hat beschlossen.                | DE
            TORONTO, Ontario, 2 June 2020 -The province reported.                | CA
            """)
    void readsTheDatelinesIngestReadsWhenTheBodyOpensWithThem(String body, String code) {
        assertThat(datelineCodes("", body)).containsExactly(code);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            BERLIN, 12. Mai 2021 -         | 2021-05-12
            PARIS, 14 juillet 2020 -       | 2020-07-14
            Luxembourg, 08-10-2025 -       | 2025-10-08
            TOKYO, 2021-03-03 -            | 2021-03-03
            """)
    void datesTodaysAgreementByADatelineInAnyFormIngestReads(String dateline, String date) {
        Tags tags = tagger.tag(new ArticleText("", dateline, "Japan and Chile signed today a free trade agreement."));
        assertThat(tags.agreements()).singleElement().satisfies(a -> assertThat(a.date()).isEqualTo(date));
    }

    @Test
    void datesAnAgreementByAnIsoOrNumericDateInItsSentence() {
        Tags iso = tagger.tag(new ArticleText("", "", "Japan and Chile signed a free trade agreement on 2021-03-03 in Tokyo."));
        assertThat(iso.agreements()).singleElement().satisfies(a -> assertThat(a.date()).isEqualTo("2021-03-03"));
        Tags numeric = tagger.tag(new ArticleText("", "", "Japan and Chile signed a free trade agreement on 08.10.2025 in Tokyo."));
        assertThat(numeric.agreements()).singleElement().satisfies(a -> assertThat(a.date()).isEqualTo("2025-10-08"));
    }

    @Test
    void aCapitalisedFirstWordThatIsNoPlaceIsNoDateline() {
        assertThat(datelineCodes("", "SHARES rose - the index gained.")).isEmpty();
    }
}

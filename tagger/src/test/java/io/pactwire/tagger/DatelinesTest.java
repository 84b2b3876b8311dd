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

    @Test
    void aCapitalisedFirstWordThatIsNoPlaceIsNoDateline() {
        assertThat(datelineCodes("", "SHARES rose - the index gained.")).isEmpty();
    }
}

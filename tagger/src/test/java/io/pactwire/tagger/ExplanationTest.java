package io.pactwire.tagger;

import io.pactwire.model.AgreementStatus;
import io.pactwire.model.AgreementType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Why each tag was given, as values: the signals of each country, the rule, trigger, status and date of each agreement. */
class ExplanationTest {
    private final Tagger tagger = Tagger.standard();
    private final ArticleText article = new ArticleText("Japan and Chile sign trade pact", "TOKYO, March 3, 2021 -",
            "Japan and Chile signed today a free trade agreement. Officials said Peru may join later.");

    @Test
    void givesEachCountryItsSignalsAndBodyMentions() {
        Explanation why = tagger.explain(article).explanation();
        assertThat(why.country("JP")).hasValue(new Explanation.CountryReason("JP", true,
                Set.of(Explanation.Signal.DATELINE, Explanation.Signal.TITLE, Explanation.Signal.LEAD,
                        Explanation.Signal.AGREEMENT_PARTY), 1));
        assertThat(why.country("PE")).hasValue(new Explanation.CountryReason("PE", false, Set.of(), 1));
        assertThat(why.countries()).extracting(Explanation.CountryReason::code).containsExactly("JP", "CL", "PE");
    }

    @Test
    void givesEachAgreementItsRuleTriggerStatusAndDate() {
        Explanation why = tagger.explain(article).explanation();
        assertThat(why.agreements()).singleElement().isEqualTo(new Explanation.AgreementReason(
                AgreementType.TRADE_AGREEMENT, "trade.free", "free trade", AgreementStatus.SIGNED, "2021-03-03"));
        assertThat(why.agreement(AgreementType.TREATY)).isEmpty();
    }

    @Test
    void taggingAtFullSpeedExplainsNothingAndGivesTheSameTags() {
        Tags tags = tagger.tag(article);
        assertThat(tags.explanation()).isEqualTo(Explanation.NONE);
        Tags explained = tagger.explain(article);
        assertThat(explained.countries()).isEqualTo(tags.countries());
        assertThat(explained.agreements()).isEqualTo(tags.agreements());
    }
}

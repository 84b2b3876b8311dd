package io.pactwire.tagger;

import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import io.pactwire.model.CountryTag;
import io.pactwire.model.Evidence;
import io.pactwire.model.TextField;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DictionaryTaggerTest {
    private final Tagger tagger = Tagger.standard();

    @Test
    void tagsTheSignatoriesOfAnMoU() {
        Tags tags = tagger.tag(new ArticleText("Luxembourg cooperates with China in space", "Luxembourg, January 16, 2018",
                "The Ministry of the Economy and the China National Space Administration signed today a Memorandum of"
                        + " Understanding (MoU) on cooperation between Luxembourg and China."));
        assertThat(tags.countries()).extracting(CountryTag::code).containsExactly("LU", "CN");
        assertThat(tags.countries()).allMatch(CountryTag::about);
        assertThat(tags.agreements()).extracting(AgreementTag::type)
                .containsExactly(AgreementType.MEMORANDUM_OF_UNDERSTANDING);
        assertThat(tags.agreements().get(0).evidence()).extracting(Evidence::text)
                .containsExactly("Memorandum of Understanding", "MoU");
    }

    @Test
    void evidenceSpansPointAtTheTextInTheirField() {
        ArticleText text = new ArticleText("Japan deal", "", "Officials from Japan and the United Arab Emirates met.");
        Tags tags = tagger.tag(text);
        for (CountryTag country : tags.countries()) {
            for (Evidence e : country.evidence()) {
                String field = e.field() == TextField.TITLE ? text.title() : e.field() == TextField.BODY ? text.body() : text.dateline();
                assertThat(field.substring(e.start(), e.end())).isEqualTo(e.text());
                assertThat(e.match()).isEqualTo("name");
            }
        }
        CountryTag ae = tags.countries().stream().filter(c -> c.code().equals("AE")).findFirst().orElseThrow();
        assertThat(ae.name()).isEqualTo("United Arab Emirates");
        assertThat(ae.about()).as("one passing mention in the body").isFalse();
        CountryTag jp = tags.countries().stream().filter(c -> c.code().equals("JP")).findFirst().orElseThrow();
        assertThat(jp.mentions()).isEqualTo(2);
        assertThat(jp.about()).as("named in the title").isTrue();
    }

    @Test
    void countryNamesAreCaseSensitiveSoCommonWordsDoNotFire() {
        Tags tags = tagger.tag(new ArticleText("", "", "They served turkey on fine china in a chad of paper."));
        assertThat(tags.countries()).isEmpty();
    }

    @Test
    void agreementPhrasesAreCaseInsensitiveWholeWords() {
        Tags tags = tagger.tag(new ArticleText("JOINT VENTURE FORMED", "", "The treatyless trade agreement..."));
        assertThat(tags.agreements()).extracting(AgreementTag::type)
                .containsExactly(AgreementType.JOINT_VENTURE, AgreementType.TRADE_AGREEMENT);
    }

    @Test
    void anArticleWithoutCountriesOrAgreementsGetsNoTags() {
        Tags tags = tagger.tag(new ArticleText("Weather", "", "Showers continued throughout the week."));
        assertThat(tags.countries()).isEmpty();
        assertThat(tags.agreements()).isEmpty();
    }

    @Test
    void coversEveryIsoCountryCodeTheJdkKnows() {
        DataFile countries = DataFile.load(DictionaryTagger.COUNTRIES_RESOURCE, 2);
        assertThat(countries.rows()).extracting(r -> r.fields().get(0))
                .containsExactlyInAnyOrder(Locale.getISOCountries());
    }

    @Test
    void stampsTheVersionsOfItsCodeAndData() {
        assertThat(tagger.versions().tagger()).isEqualTo(DictionaryTagger.VERSION);
        assertThat(tagger.versions().gazetteer()).isEqualTo("jdk-cldr-1");
        assertThat(tagger.versions().rules()).isEqualTo("phrases-1");
    }

    @Test
    void invalidDataFilesAreErrorsNamingFileLineAndEntry() {
        assertThatThrownBy(() -> DictionaryTagger.load("/bad/unknown-code.tsv", DictionaryTagger.AGREEMENTS_RESOURCE))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/bad/unknown-code.tsv:3: unknown country code QQ");
        assertThatThrownBy(() -> DictionaryTagger.load("/bad/duplicate-name.tsv", DictionaryTagger.AGREEMENTS_RESOURCE))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("/bad/duplicate-name.tsv:4: phrase 'Congo' is already in the dictionary");
        assertThatThrownBy(() -> DictionaryTagger.load(DictionaryTagger.COUNTRIES_RESOURCE, "/bad/unknown-type.tsv"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/bad/unknown-type.tsv:2: unknown agreement type HANDSHAKE");
        assertThatThrownBy(() -> DictionaryTagger.load("/bad/no-version.tsv", DictionaryTagger.AGREEMENTS_RESOURCE))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/bad/no-version.tsv: no '# version: ...' line");
    }
}

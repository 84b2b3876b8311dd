package io.pactwire.tagger;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data files are checked at load: each problem is an error naming the file, line and entry. */
class DataFilesTest {
    private static final String COUNTRIES = NewsTagger.COUNTRIES_RESOURCE;
    private static final String ALIASES = NewsTagger.ALIASES_RESOURCE;
    private static final String CITIES = NewsTagger.CITIES_RESOURCE;
    private static final String AGREEMENTS = NewsTagger.AGREEMENTS_RESOURCE;

    @Test
    void anUnknownCountryCodeIsAnErrorNamingTheRow() {
        assertThatThrownBy(() -> NewsTagger.load("/bad/unknown-code.tsv", ALIASES, CITIES, AGREEMENTS))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/bad/unknown-code.tsv:3: unknown country code QQ");
    }

    @Test
    void anAliasGivenTwiceIsAnErrorNamingBothRows() {
        assertThatThrownBy(() -> NewsTagger.load("/bad/duplicate-name.tsv", ALIASES, CITIES, AGREEMENTS))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/bad/duplicate-name.tsv:3: alias 'Congo' is already on line 2 (for CG)");
    }

    @Test
    void aHandWrittenAliasThatContradictsTheGeneratedOneMustSayOverride() {
        assertThatThrownBy(() -> NewsTagger.load(COUNTRIES, "/bad/conflicting-alias.tsv", CITIES, AGREEMENTS))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("/bad/conflicting-alias.tsv:2: alias 'China' is already in " + COUNTRIES)
                .hasMessageEndingWith("for CN; say override to replace it");
    }

    @Test
    void anUnknownFlagIsAnError() {
        assertThatThrownBy(() -> NewsTagger.load(COUNTRIES, "/bad/unknown-flag.tsv", CITIES, AGREEMENTS))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/bad/unknown-flag.tsv:2: unknown flag sometimes");
    }

    @Test
    void aFileWithoutAVersionIsAnError() {
        assertThatThrownBy(() -> NewsTagger.load("/bad/no-version.tsv", ALIASES, CITIES, AGREEMENTS))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/bad/no-version.tsv: no '# version: ...' line");
    }

    @Test
    void agreementRulesNameTheirProblems() {
        assertThatThrownBy(() -> NewsTagger.load(COUNTRIES, ALIASES, CITIES, "/bad/unknown-type.tsv"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/bad/unknown-type.tsv:2: unknown agreement type HANDSHAKE");
        assertThatThrownBy(() -> NewsTagger.load(COUNTRIES, ALIASES, CITIES, "/bad/unknown-class.tsv"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/bad/unknown-class.tsv:2: unknown class @LOANWORDS (classes must be defined before use)");
        assertThatThrownBy(() -> NewsTagger.load(COUNTRIES, ALIASES, CITIES, "/bad/duplicate-rule.tsv"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/bad/duplicate-rule.tsv:4: rule id one is used twice");
        assertThatThrownBy(() -> NewsTagger.load(COUNTRIES, ALIASES, CITIES, "/bad/negated-start.tsv"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("/bad/negated-start.tsv:3: a trigger must start with a word that must be there");
    }

    @Test
    void theGazetteerCoversEveryIsoCountryCodeAndKosovo() {
        Set<String> codes = DataFile.load(COUNTRIES, 3).rows().stream().map(r -> r.field(0)).collect(Collectors.toSet());
        assertThat(codes).contains(Locale.getISOCountries()).contains("XK");
    }

    @Test
    void everyResultCarriesTheVersionsOfTheCodeAndOfEachDataFile() {
        Tagger tagger = Tagger.standard();
        assertThat(tagger.versions().tagger()).isEqualTo(NewsTagger.VERSION);
        assertThat(tagger.versions().gazetteer()).isEqualTo(DataFile.load(COUNTRIES, 3).version() + "+"
                + DataFile.load(ALIASES, 4).version() + "+" + DataFile.load(NewsTagger.DIVISIONS_RESOURCE, 3).version()
                + "+" + DataFile.load(CITIES, 5).version());
        assertThat(tagger.versions().rules()).isEqualTo(DataFile.load(AGREEMENTS, 3, 5).version());
    }
}

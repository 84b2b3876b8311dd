package io.pactwire.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "January 16, 2018   | 2018-01-16",
            "Jan. 16, 2018      | 2018-01-16",
            "Sept 3 2019        | 2019-09-03",
            "16 January 2018    | 2018-01-16",
            "14 February, 2018  | 2018-02-14",
            "2018-01-16         | 2018-01-16",
    })
    void readsTheFormsNewsPrints(String text, String iso) {
        assertThat(Dates.dayFirst().parse(text)).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo(iso));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"February 30, 2018", "2018-13-01", "Smarch 3, 2018", "yesterday", ""})
    void rejectsWhatIsNotARealDate(String text) {
        assertThat(Dates.dayFirst().parse(text)).isEmpty();
    }
}

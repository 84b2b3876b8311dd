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
            "16. Januar 2018    | 2018-01-16",
            "3 mars 2019        | 2019-03-03",
            "14 juillet 2020    | 2020-07-14",
            "08-10-2025         | 2025-10-08",
            "08.10.2025         | 2025-10-08",
            "31/12/2025         | 2025-12-31",
            "JANUARY 16, 2018   | 2018-01-16",
            "12. Mai 2021       | 2021-05-12",
            "15 août 2021       | 2021-08-15",
    })
    void readsTheFormsNewsPrints(String text, String iso) {
        assertThat(Dates.dayFirst().parse(text)).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo(iso));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "08-10-2025 | 2025-08-10",
            "12/31/2025 | 2025-12-31",
            "13-10-2025 | 2025-10-13",
    })
    void readsNumericDatesMonthFirstWhenConfiguredUnlessOnlyTheOtherOrderIsADate(String text, String iso) {
        assertThat(new Dates(Dates.Order.MONTH_DAY_YEAR).parse(text)).hasValueSatisfying(d -> assertThat(d.toString()).isEqualTo(iso));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"February 30, 2018", "2018-13-01", "Smarch 3, 2018", "yesterday", "", "13-13-2025", "08-10-25"})
    void rejectsWhatIsNotARealDate(String text) {
        assertThat(Dates.dayFirst().parse(text)).isEmpty();
    }
}

package io.pactwire.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/** The one date and dateline grammar of ingest and the tagger: the union of what each read before. */
class DateGrammarTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "January 16, 2018   | 2018-01-16",
            "JANUARY 16, 2018   | 2018-01-16",
            "Jan. 16, 2018      | 2018-01-16",
            "Sept 3 2019        | 2019-09-03",
            "16 January 2018    | 2018-01-16",
            "14 February, 2018  | 2018-02-14",
            "16. Januar 2018    | 2018-01-16",
            "3. Jänner 2019     | 2019-01-03",
            "12. Mai 2021       | 2021-05-12",
            "1. März 2020       | 2020-03-01",
            "24. Dezember 2020  | 2020-12-24",
            "3 mars 2019        | 2019-03-03",
            "14 juillet 2020    | 2020-07-14",
            "5 juin 2020        | 2020-06-05",
            "15 août 2021       | 2021-08-15",
            "2 février 2022     | 2022-02-02",
            "2018-01-16         | 2018-01-16",
            "08-10-2025         | 2025-10-08",
            "08.10.2025         | 2025-10-08",
            "31/12/2025         | 2025-12-31",
    })
    void readsEveryFormAWholeStringMayTake(String text, String iso) {
        assertThat(DateGrammar.dayFirst().parse(text)).contains(LocalDate.parse(iso));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"February 30, 2018", "2018-13-01", "Smarch 3, 2018", "yesterday", "", "13-13-2025", "08-10-25",
            "March 3", "12 May"})
    void aWholeStringThatIsNoFullCalendarDateIsNone(String text) {
        assertThat(DateGrammar.dayFirst().parse(text)).isEmpty();
    }

    @Test
    void numericDatesFollowTheOrderUnlessOnlyTheOtherMakesADate() {
        assertThat(DateGrammar.dayFirst().parse("08-10-2025")).contains(LocalDate.of(2025, 10, 8));
        assertThat(DateGrammar.monthFirst().parse("08-10-2025")).contains(LocalDate.of(2025, 8, 10));
        assertThat(DateGrammar.monthFirst().parse("13-10-2025")).contains(LocalDate.of(2025, 10, 13));
        assertThat(DateGrammar.dayFirst().parse("12/31/2025")).contains(LocalDate.of(2025, 12, 31));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The accord was signed on March 3, 2021 in Tokyo.            | 2021-03-03",
            "Die Vereinbarung wurde am 12. Mai 2021 unterzeichnet.       | 2021-05-12",
            "L'accord a été signé le 14 juillet 2020 à Paris.            | 2020-07-14",
            "The memorandum, dated 2019-06-30, was published.            | 2019-06-30",
            "The contract of 08.10.2025 runs for ten years.              | 2025-10-08",
    })
    void findsTheFirstDateInASentence(String sentence, String iso) {
        assertThat(DateGrammar.dayFirst().find(sentence)).contains(LocalDate.parse(iso));
    }

    @Test
    void aFoundDateWithoutItsYearGivesNoDate() {
        assertThat(DateGrammar.dayFirst().find("NEW YORK, Feb 26 - Stocks rose in 2021.")).isEmpty();
        assertThat(DateGrammar.dayFirst().find("version 1.2.2025.4 shipped")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Luxembourg, January 16, 2018 – The Government     | Luxembourg       | Luxembourg |            | January 16, 2018 |",
            "NEW YORK, March 3 - Stocks rose                    | NEW YORK         | NEW YORK   |            | March 3          |",
            "RAMSEY, N.J., March 18 - The company               | RAMSEY, N.J.     | RAMSEY     | N.J.       | March 18         |",
            "TBILISI, 12 May — Georgia's parliament             | TBILISI          | TBILISI    |            | 12 May           |",
            "LONDON, March 3, 2021 (Reuters) - Britain said     | LONDON           | LONDON     |            | March 3, 2021    | (Reuters)",
            "BERLIN, 12. Mai 2021 - Die Regierung               | BERLIN           | BERLIN     |            | 12. Mai 2021     |",
            "Luxembourg, 08-10-2025 – The Ministry              | Luxembourg       | Luxembourg |            | 08-10-2025       |",
            "SAN JOSE, Costa Rica, 2 June 2020 - Officials      | SAN JOSE, Costa Rica | SAN JOSE | Costa Rica | 2 June 2020      |",
    })
    void readsTheDatedDatelinesOfBothIngestAndTheTagger(String text, String where, String place, String qualifier,
                                                          String date, String agency) {
        Matcher m = DateGrammar.DATED_DATELINE.matcher(text);
        assertThat(m.find()).isTrue();
        assertThat(m.group("where")).isEqualTo(where);
        assertThat(m.group("place")).isEqualTo(place);
        assertThat(m.group("qualifier")).isEqualTo(qualifier);
        assertThat(m.group("date")).isEqualTo(date);
        assertThat(m.group("agency")).isEqualTo(agency);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"Paris, March 3-5 the fair is open", "Berlin, 2018-2019 was a year of change - and more",
            "SHARES rose, the index gained"})
    void aSpanOfDaysOrAnOrdinaryOpeningIsNoDatedDateline(String text) {
        assertThat(DateGrammar.DATED_DATELINE.matcher(text).find()).isFalse();
    }

    @Test
    void readsADatelineInCapitalsWithoutADate() {
        Matcher m = DateGrammar.CAPITALS_DATELINE.matcher("NEW YORK (Reuters) - Stocks rose");
        assertThat(m.find()).isTrue();
        assertThat(m.group("place")).isEqualTo("NEW YORK");
        assertThat(m.group("agency")).isEqualTo("(Reuters)");
        m = DateGrammar.CAPITALS_DATELINE.matcher("TBILISI, Georgia — The parliament");
        assertThat(m.find()).isTrue();
        assertThat(m.group("place")).isEqualTo("TBILISI");
        assertThat(m.group("qualifier")).isEqualTo("Georgia");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Jan,1", "Jänner,1", "février,2", "März,3", "mars,3", "avril,4", "Mai,5", "juin,6", "Juni,6", "juillet,7",
            "Juli,7", "août,8", "Sept.,9", "Okt,10", "octobre,10", "Nov,11", "Dez,12", "décembre,12"})
    void namesEachMonthInEveryLanguage(String name, int month) {
        assertThat(DateGrammar.month(name)).isEqualTo(month);
    }
}

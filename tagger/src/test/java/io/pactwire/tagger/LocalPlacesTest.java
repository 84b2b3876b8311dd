package io.pactwire.tagger;

import io.pactwire.model.CountryTag;
import io.pactwire.model.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Countries in local and regional news (issue 19): towns, homonyms of world cities, divisions and their
 * abbreviations, and names that are no place in their context. Each sentence is written for the test.
 */
class LocalPlacesTest {
    private final Tagger tagger = Tagger.standard();

    private List<String> codes(String dateline, String body) {
        return tagger.tag(new ArticleText("", dateline, body)).countries().stream().map(CountryTag::code).sorted().toList();
    }

    private static List<String> expected(String codes) {
        return codes == null || codes.isBlank() ? List.of() : Arrays.stream(codes.split(" ")).sorted().toList();
    }

    @ParameterizedTest(name = "{0}: \"{2}\" -> [{3}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Paris alone is France             |                   | The museum in Paris reopened on Sunday.                                     | FR
            Paris, Texas by its qualifier     |                   | The rodeo in Paris, Texas, drew a record crowd.                             | US
            Paris, Tenn. by an abbreviation   |                   | A fire destroyed a barn near Paris, Tenn., on Friday.                        | US
            London, Ontario                   |                   | The plant in London, Ontario, will hire 200 workers.                        | CA
            London, Ont. and bare London      |                   | Voters in London, Ont., went to the polls. London has grown quickly.         | CA
            Athens, Ga.                       |                   | Students in Athens, Ga., marched downtown.                                   | US
            Athens by a division named        |                   | Athens saw heavy rain, and flooding closed roads across Georgia and Tennessee. | US
            Athens alone is Greece            |                   | Talks resumed in Athens on Monday.                                           | GR
            Alexandria, Va.                   |                   | The council of Alexandria, Va., approved the budget.                        | US
            Lebanon, Pa. is a town            |                   | Schools in Lebanon, Pa., closed early.                                      | US
            Lebanon alone is the country      |                   | Lebanon named a new prime minister.                                          | LB
            Palestine, Texas                  |                   | A train derailed in Palestine, Texas, late Tuesday.                          | US
            a town by the dateline            | PINEVILLE, La.    | Pineville officials met on Monday.                                           | US
            a town by its division            |                   | Pineville and other Louisiana towns lost power.                              | US
            an unknown town with a qualifier  |                   | The mill near Smallbrookton, Ga., closed.                                    | US
            a province                        |                   | Wildfires spread across British Columbia and Alberta.                        | CA
            an Australian state               |                   | Drought hit Queensland farmers hard.                                         | AU
            an Indian state                   |                   | Monsoon rains flooded parts of Kerala.                                       | IN
            a Land by its German name         |                   | Elections in Niedersachsen were held on Sunday.                              | DE
            a county                          |                   | Deputies of the Kanawha County sheriff searched the woods.                   | US
            a parish                          |                   | The Rapides Parish school board met.                                         | US
            a street named after a city       |                   | He lives on Dublin Road in a quiet suburb.                                   | 
            a police department is local news |                   | The Athens Police Department hired three officers.                          | US
            a university                      |                   | She studied at the University of Dayton for two years.                       | 
            a statute                         |                   | The Rome Statute created the court.                                          | 
            a person named like a town        |                   | Coach Tom Harrison praised his players. Harrison said the season went well.  | 
            a mayor named like a town         |                   | Mayor Jackson signed the order.                                              | 
            a common word without context     |                   | Reading is a pleasure for many.                                              | 
            a month is no town                | LONDON            | Sales rose in March 5 pct.                                                   | GB
            US$ is a currency                 |                   | The loan of US$ 5 million was repaid.                                        | 
            a language is no country          |                   | The menu is printed in French.                                               | 
            French people                     |                   | French farmers blocked the roads.                                            | FR
            dotted abbreviation anywhere      |                   | The N.C. Highway Patrol closed the road.                                     | US
            a postal code after a town        |                   | The office in Springfield, IL will close.                                    | US
            postal code as a word             |                   | IN the end, OK was fine.                                                     | 
            a part of town is no person       |                   | A crash closed South Arlington. Arlington officials said no one was hurt.   | US
            a byline in capitals              |                   | BY CHAD SMITH Staff Writer March 3, 2009 The plant closed.                  | 
            a township                        |                   | Deputies searched a field in Sand Creek Township.                           | US
            a county council of Ireland       |                   | Mayo County Council approved the plan.                                      | 
            a local cue alone                 |                   | The Sheriff's Office said the road reopened.                                | US
            a local cue with a world city     |                   | The Alexandria Sheriff's Office said Alexandria schools closed early.       | US
            a county with a world city        |                   | Athens schools closed. Clarke County deputies cleared the roads.            | US
            a governor with a world city      |                   | Gov. Smith spoke to the students in Athens.                                 | US
            a local cue abroad is no cue      |                   | In Calgary, the Police Department said the road reopened.                   | CA
            a world city without local cues   |                   | Athens police said the protest in Athens was peaceful.                      | GR
            a world city with its country     |                   | The Athens Police Department said Greece will vote.                         | GR
            two towns confirm each other      |                   | A Dodge Durango hit a car in Arlington. Grand Prairie officers came.        | MX US
            a country's name as a seat        |                   | The Lebanon City Council met, Boone County deputies said.                   | US
            a country's name with local cues  |                   | Lebanon and Jordan were calm, Boone County deputies said.                   | JO LB
            a world city's city council       |                   | The Athens City Council approved the budget.                               | US
            a world city's parks department   |                   | Athens Parks and Recreation opened the pool.                                | US
            a world city's council, London    |                   | The London city council met. Traffic in London was heavy.                   | CA
            a world city's mayor is the city  |                   | Mayor of London Boris Johnson and the London mayor spoke.                   | GB
            a world city's council abroad     |                   | The Paris City Council met, French officials said.                          | FR
            a dollar picks a town             |                   | Mansfield refinanced $10.3 million of debt.                                 | US
            a pound picks a town              |                   | Lancaster offered grants of £5,000 to shops.                                | GB
            a dollar shared by two towns      |                   | Richmond spent $5 million on the oval.                                      | 
            a town's name that speaks        |                   | Robertson said the theatre in Hartford was sold.                            | US
            Georgia the state places a town   |                   | Storms in Georgia and Kentucky closed schools in Athens.                    | US
            a company named like a town       |                   | Toyota and Honda recalled cars.                                             | 
            an era is no province             |                   | The mound was built around 500 B.C. near Charleston.                        | US
            a lone town abroad outweighed     |                   | A car was found at Hampton Park. Charleston police and Charleston firefighters came. | US
            a lone town is a namesake there   |                   | Morecambe and Lancaster shops opened. Morecambe traders were glad.          | GB
            a small town's town council       |                   | Bond resigned from the Groton Town Council.                                 | US
            the Town of a small town          |                   | She served the citizens of the Town of Groton.                              | US
            a common word's commission        |                   | The Land Reform Commission sold the land.                                   | 
            a town places Georgia             |                   | An Albany man was held by the Georgia Bureau of Investigation.              | US
            a world city with Georgia         |                   | Georgia and Greece signed a deal in Athens.                                 | GE GR
            a high school places a town       |                   | Winchester beat Southport High School in the semistate.                     | US
            a surname after an initial        |                   | The seat went to David F. Farnham. Farnham thanked the voters.              | 
            a court named after a town        |                   | The men pleaded guilty at Kingston Crown Court.                             | 
            a city after U.S. is a city       |                   | Sales rose in the U.S. London sales fell.                                  | GB US
            a country's name's town police    |                   | Jolly, of Lebanon, was held by Lebanon Police in the Boone County jail.     | US
            a country's police abroad         |                   | Lebanon Police arrested two men near Beirut.                                | LB
            HK$ is no dollar of a town        |                   | Mansfield refinanced HK$10.3 million of debt.                               | 
            """)
    void placesInContext(String name, String dateline, String body, String codes) {
        assertThat(codes(dateline == null ? "" : dateline, body)).as(name).isEqualTo(expected(codes));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            MANSFIELD — The City Council met on Monday, the Sheriff's Office said.       | US | MANSFIELD
            BY JOHN DOE Staff Writer March 3, 2009 ATHENS -- The School District closed. | US | ATHENS
            ATHENS — Greek ministers met on Monday.                                      | GR | ATHENS
            """)
    void readsALocalPapersDatelineInCapitals(String body, String code, String place) {
        List<CountryTag> tags = tagger.tag(new ArticleText("", "", body)).countries();
        assertThat(tags).extracting(CountryTag::code).containsExactly(code);
        assertThat(tags.get(0).evidence()).extracting(Evidence::text).contains(place);
    }

    @Test
    void evidenceCarriesTheFirstLevelDivision() {
        List<CountryTag> tags = tagger.tag(new ArticleText("", "", "Crowds gathered in Athens, Ga., and in Ontario.")).countries();
        assertThat(tags).extracting(CountryTag::code).containsExactlyInAnyOrder("US", "CA");
        List<String> divisions = tags.stream().flatMap(t -> t.evidence().stream()).map(Evidence::division).toList();
        assertThat(divisions).containsExactlyInAnyOrder("US-GA", "US-GA", "CA-ON");
    }
}

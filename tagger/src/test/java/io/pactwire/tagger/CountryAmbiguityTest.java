package io.pactwire.tagger;

import io.pactwire.model.CountryTag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ambiguity the tagging issue lists, each with the exact countries the tagger must give. */
class CountryAmbiguityTest {
    private final Tagger tagger = Tagger.standard();

    private List<String> codes(String title, String body) {
        return tagger.tag(new ArticleText(title, "", body)).countries().stream().map(CountryTag::code).sorted().toList();
    }

    private static List<String> expected(String codes) {
        return codes.isBlank() ? List.of() : Arrays.stream(codes.split(" ")).sorted().toList();
    }

    @ParameterizedTest(name = "{0}: \"{2}\" -> [{3}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Georgia the US state         |                                  | The plant in Atlanta, Georgia, will close next year.                         | US
            Georgia the country          |                                  | Russia and Georgia traded accusations over the border.                       | GE RU
            Georgia from Tbilisi         |                                  | Officials in Tbilisi said Georgia would join the talks.                      | GE
            Georgia, US state by context |                                  | Farmers in Texas and Georgia expect a smaller peanut crop.                   | US
            China with a US state named  |                                  | West Texas crude rose as the U.S.-China trade talks went on in China.       | CN US
            China spelt Peoples'         |                                  | A loan from the Government of Peoples' Republic of China was approved.      | CN
            China, Texas qualified       |                                  | The school board of China, Texas, met on Monday.                            | US
            Jordan a person              |                                  | Michael Jordan scored 40 points for the Bulls.                              | 
            Jordan a person, coreference |                                  | Coach Jordan said the team played well. Jordan added that he was tired.      | 
            Jordan the country           |                                  | Jordan and Syria agreed to reopen the border crossing.                      | JO SY
            Jordan the river             |                                  | Water levels in the Jordan River fell sharply this summer.                  | 
            Chad a person                |                                  | Chad Smith, the company's founder, resigned on Monday.                      | 
            Chad the country             |                                  | Chad President Idriss Deby met French officials in N'Djamena.               | FR TD
            turkey the bird              |                                  | Shoppers bought turkey and cranberry sauce for the holiday.                 | 
            Turkey the country           |                                  | Turkey raised interest rates to defend the lira.                            | TR
            china the porcelain          |                                  | The auction sold fine china and silver for a record price.                  | 
            guinea pig                   |                                  | The drug was first tested on a guinea pig. Guinea pigs are cheap to keep.   | 
            the several Guineas          |                                  | Guinea, Equatorial Guinea, Guinea-Bissau and Papua New Guinea sent envoys. | GN GQ GW PG
            Niger and Nigeria            |                                  | Niger and Nigeria share a long border; a Nigerian official spoke.           | NE NG
            Dominica and the Dominican Republic |                           | Dominica and the Dominican Republic signed a fisheries pact.                | DM DO
            Dominican alone              |                                  | Dominican officials said sugar exports rose.                                | DO
            the two Congos               |                                  | The Republic of Congo and the Democratic Republic of Congo disputed the river. | CD CG
            Congo by its capital         |                                  | Officials in Brazzaville said Congo would raise oil output.                 | CG
            Congo alone                  |                                  | Congo's army said it had retaken the town.                                  | CD
            North and South Korea        |                                  | North Korea and South Korea held talks in Panmunjom.                        | KP KR
            Korea alone                  |                                  | Korea's exports rose 12 pct in March.                                       | KR
            Korea in a North Korea story |                                  | Pyongyang said Korea would never give up its missiles.                       | KP
            Sudan and South Sudan        |                                  | Sudan and South Sudan agreed on oil transit fees.                           | SD SS
            Ireland and Northern Ireland |                                  | Ireland and Northern Ireland will share the electricity grid.               | GB IE
            New Mexico and New Jersey    |                                  | Plants in New Mexico and New Jersey will be closed.                         | US
            New South Wales              |                                  | Floods hit New South Wales on Sunday.                                       | AU
            New England                  |                                  | Snow closed schools across New England.                                     | US
            US and us                    |                                  | The US told us that the deal was off.                                       | US
            us alone                     |                                  | Let us know what you think.                                                 | 
            IT is not Italy              |                                  | IT spending rose, and Italian firms bought more software.                   | IT
            IT alone                     |                                  | The IT department upgraded every server.                                    | 
            CAN in a capitals headline   | CAN BANKS LEND MORE?             | Lending rose in March, bankers said.                                        | 
            a capitals headline          | JAPAN AND CHINA SIGN TRADE PACT | Japan and China signed a trade pact in Beijing.                             | CN JP
            TURKEY in a capitals headline | TURKEY PRICES RISE BEFORE HOLIDAY | Wholesale turkey prices rose 5 pct, dealers said.                        | 
            US in a capitals headline    | US TO SELL WHEAT                 | The U.S. will sell wheat, officials said.                                   | US
            US in a capitals headline alone | HELP US NOW                   | A charity asked for donations.                                              | 
            supranational bodies         |                                  | The EU, the UN, OPEC, ESA and ASEAN issued statements.                      | 
            supranational names          |                                  | The European Union and the United Nations met the Organization of American States. | 
            Latin America is not the US  |                                  | Banks in Latin America raised rates.                                        | 
            America where it means the US |                                 | America imported more oil in March.                                         | US
            Belgo-Luxembourg             |                                  | The Belgo-Luxembourg Economic Union met in Brussels.                        | BE LU
            Sino-Japanese                |                                  | Sino-Japanese trade grew fast.                                              | CN JP
            Soviet Union is SU           |                                  | The Soviet Union bought grain from the USSR's suppliers.                    | SU
            historical names             |                                  | West Germany, East Germany, Yugoslavia, Czechoslovakia, Zaire and Burma met. | CD CS DD DE MM YU
            news forms of names          |                                  | The UAE, Holland, Ivory Coast, Türkiye, Czechia and Swaziland signed.       | AE CI CZ NL SZ TR
            institutions                 |                                  | The Kremlin, the Bundesbank, JAXA, CNSA, Roscosmos and NASA commented.      | CN DE JP RU US
            demonyms                     |                                  | Chinese, Luxembourgish, Japanese and Emirati officials met.                 | AE CN JP LU
            cities                       |                                  | Talks in Tokyo, Beijing and Moscow ended.                                   | CN JP RU
            English is a language         |                                 | Read the full article in English.                                           | 
            """)
    void resolvesTheAmbiguousNames(String label, String title, String body, String codes) {
        assertThat(codes(title == null ? "" : title, body)).as(label).isEqualTo(expected(codes == null ? "" : codes));
    }
}

package io.pactwire.ingest;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Headlines without the site's name: each case a page's head (and h1), its address and the headline expected. */
class TitlesTest {
    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(delimiter = ';', textBlock = """
            # og:title;                                                             h1;                             address;                                    headline
            Berlin confronts its colonial past | DW | 19.01.2020;                   ;                               https://www.dw.com/en/berlin-past/a-1;      Berlin confronts its colonial past
            St. Magdalener: Rotweine mit Eleganz | Weinkenner.de;                   ;                               https://www.weinkenner.de/st-magdalener/;   St. Magdalener: Rotweine mit Eleganz
            INDUSTRIEMAGAZIN | Luftfahrtbranche hebt ab - und FACC profitiert;     ;                               https://industriemagazin.at/a/luftfahrt;    Luftfahrtbranche hebt ab - und FACC profitiert
            Update | Deceased Clarendon crash victims identified;                   ;                               https://jamaica-gleaner.com/article/news/1; Update | Deceased Clarendon crash victims identified
            Welpen kaufen – Tipps zu jeder Hunderasse;                              ;                               https://welpenkaufen24.de/tipps;            Welpen kaufen – Tipps zu jeder Hunderasse
            Wochenbericht 14. - 20. Januar 2022;                                    ;                               https://www.slf.ch/de/wochenbericht;        Wochenbericht 14. - 20. Januar 2022
            Tanz in der Lokremise: Mit allen Wassern gewaschen · Tagesblatt;       Tanz in der Lokremise: Mit allen Wassern gewaschen; https://example.org/a;   Tanz in der Lokremise: Mit allen Wassern gewaschen
            Wärmepumpe im Altbau - Wann es sich lohnt :: Heizung;                   ;                               https://heizung.de/ratgeber/altbau;         Wärmepumpe im Altbau - Wann es sich lohnt
            Le Luxembourg signe un accord | DW | 29 novembre 2017;                  ;                               https://www.dw.com/fr/accord/a-2;           Le Luxembourg signe un accord
            Ein Abkommen mit Japan | DW | 12. Mai 2021;                             ;                               https://www.dw.com/de/abkommen/a-3;         Ein Abkommen mit Japan
            Cup final highlights | Round 5, 2021 | DW;                              ;                               https://www.dw.com/en/cup/a-4;              Cup final highlights | Round 5, 2021
            """)
    void theSiteNameAndADateBesideItAreDroppedFromEitherEnd(String og, String h1, String address, String headline) {
        String html = "<html><head><meta property=\"og:title\" content=\"" + og + "\"></head><body>"
                + (h1 == null ? "" : "<h1>" + h1 + "</h1>") + "<p>text</p></body></html>";
        assertThat(Titles.of(Jsoup.parse(html, address))).isEqualTo(headline);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            # <title>;                                      og:site_name;    h1;                     headline
            Yellow Vests and I — Pamela Anderson;           Pamela Anderson; ;                       Yellow Vests and I
            Solopreneur Social Media: LinkedIn | DoSchu.Com; ;               ;                       Solopreneur Social Media: LinkedIn
            .:: SHOP ::. eBay-Vorlagen;                     .:: SHOP ::. eBay-Vorlagen; Anpassung der Vorlagen; Anpassung der Vorlagen
            """)
    void theSiteNameComesFromOgSiteNameOrTheTitleElementsLastPart(String title, String siteName, String h1, String headline) {
        String html = "<html><head><title>" + title + "</title>"
                + (siteName == null ? "" : "<meta property=\"og:site_name\" content=\"" + siteName + "\">"
                + "<meta property=\"og:title\" content=\"" + title + "\">")
                + "</head><body>" + (h1 == null ? "" : "<h1>" + h1 + "</h1>") + "<p>text</p></body></html>";
        assertThat(Titles.of(Jsoup.parse(html, "https://example.org/page"))).isEqualTo(headline);
    }
}

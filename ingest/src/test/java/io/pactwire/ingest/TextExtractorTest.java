package io.pactwire.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextExtractorTest {
    private final TextExtractor extractor = new TextExtractor();

    private static String sample(String name) throws IOException {
        return Files.readString(Path.of("../samples", name));
    }

    private static String expected(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/io/pactwire/ingest/seeds", name)).strip();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "000_6f954eecf47ae51d | Luxembourg cooperates with China in the exploration and use of outer space for peaceful purpose,"
                    + " including in the utilization of space resources | Luxembourg, January 16, 2018 | 2018-01-16",
            "001_4eb1cc99752fa4f0 | | Luxembourg, November 29, 2017 | 2017-11-29",
            "002_4525720b54dbe636 | | - | 2018-02-14",
    })
    void theSeedsComeOutAsExactlyTheirMainArticles(String seed, String title, String dateline, String publishedAt)
            throws IOException {
        TextExtractor.Extracted article = extractor.extract(sample(seed + ".txt"));
        assertThat(article.title()).isEqualTo(title == null ? "" : title);
        assertThat(article.dateline()).isEqualTo(dateline);
        assertThat(article.publishedAt()).isEqualTo(publishedAt);
        // The media contact, "Released by", "Read more" teasers, "Photo credit", "Resources all news" and
        // "Fermer" are gone: the body is the story and nothing else.
        assertThat(article.body()).isEqualTo(expected(seed + ".body.txt"));
    }

    @Test
    void aNumericDatelineIsReadDayFirstByDefaultAndMonthFirstWhenConfigured() {
        String text = "Luxembourg, 08-10-2025 – The ministry signed a memorandum of understanding with its partners today.";
        assertThat(extractor.extract(text).publishedAt()).isEqualTo("2025-10-08");
        assertThat(new TextExtractor(new Dates(Dates.Order.MONTH_DAY_YEAR)).extract(text).publishedAt()).isEqualTo("2025-08-10");
        assertThat(extractor.extract(text).dateline()).isEqualTo("Luxembourg, 08-10-2025");
    }

    @Test
    void teasersAndContactBlocksAfterTheStoryAreCutButTheStoryIsKept() {
        String story = "The ministry and its partners signed a cooperation agreement on research today. It runs for five"
                + " years and covers the exchange of researchers, data and results in the field of space resources.";
        TextExtractor.Extracted article = extractor.extract("Ministry signs research agreement", List.of(
                "Fermer", story, "Photo credit : Ministry", "Read full article in English", "Read more",
                "Another ministry story", "12-09-2025", "A teaser about something else entirely.\nRead more",
                "Resources all news"));
        assertThat(article.body()).isEqualTo(story);
        TextExtractor.Extracted release = extractor.extract("", List.of(story, "Released by the Ministry of the Economy",
                "Press contacts:", "Jane Doe", "Phone: +352 000 000"));
        assertThat(release.body()).isEqualTo(story);
    }

    @Test
    void aStoryThatOpensWithReadMoreLosesNothing() {
        TextExtractor.Extracted article = extractor.extract("", List.of("Read more", "Contact",
                "A short story that starts right after two navigation links and goes on for a while."));
        assertThat(article.body()).isEqualTo("Read more\n\nContact\n\nA short story that starts right after two navigation"
                + " links and goes on for a while.");
    }

    @Test
    void aParagraphRepeatingTheTitleIsDropped() {
        TextExtractor.Extracted article = extractor.extract("Trade talks resume", List.of("Trade  talks resume",
                "Talks between the EU and Japan resumed in Brussels on Monday after a pause of two months."));
        assertThat(article.body()).startsWith("Talks between");
    }

    @Test
    void markdownPressReleaseGivesTitleDatelineAndCleanBody() throws IOException {
        TextExtractor.Extracted article = extractor.extract(sample("000_6f954eecf47ae51d.txt"));
        assertThat(article.title()).isEqualTo("Luxembourg cooperates with China in the exploration and use of outer space"
                + " for peaceful purpose, including in the utilization of space resources");
        assertThat(article.dateline()).isEqualTo("Luxembourg, January 16, 2018");
        assertThat(article.publishedAt()).isEqualTo("2018-01-16");
        assertThat(article.body())
                .startsWith("The National Space Science Center of the Chinese Academy of Sciences to establish a Research"
                        + " Laboratory in Luxembourg\n\nThe Ministry of the Economy and the China National Space Administration")
                .doesNotContain("Press release", "**", "](", "#")
                .contains("[SpaceResources.lu] initiative".replace("[", "").replace("]", ""));
    }

    @Test
    void navigationBeforeTheArticleIsDroppedAndADatelineWithNoBreakSpacesIsFound() throws IOException {
        TextExtractor.Extracted article = extractor.extract(sample("001_4eb1cc99752fa4f0.txt"));
        assertThat(article.title()).isEmpty();
        assertThat(article.dateline()).isEqualTo("Luxembourg, November 29, 2017");
        assertThat(article.publishedAt()).isEqualTo("2017-11-29");
        assertThat(article.body()).startsWith("The Government of the Grand Duchy of Luxembourg");
    }

    @Test
    void aLeadingOnDateGivesThePublicationDate() throws IOException {
        TextExtractor.Extracted article = extractor.extract(sample("002_4525720b54dbe636.txt"));
        assertThat(article.publishedAt()).isEqualTo("2018-02-14");
        assertThat(article.dateline()).isNull();
        assertThat(article.body()).startsWith("On 14 February 2018, minister of the economy");
    }

    @Test
    void aWireStoryWithAHeadlineLine() {
        TextExtractor.Extracted article = extractor.extract("""
                JAPAN AND CHINA SIGN TRADE PACT

                TOKYO, March 3, 1987 - Japan and China signed a trade agreement today,
                officials said.
                """);
        assertThat(article.title()).isEqualTo("JAPAN AND CHINA SIGN TRADE PACT");
        assertThat(article.dateline()).isEqualTo("TOKYO, March 3, 1987");
        assertThat(article.publishedAt()).isEqualTo("1987-03-03");
        assertThat(article.body()).isEqualTo("Japan and China signed a trade agreement today,\nofficials said.");
    }

    @Test
    void aWireDatelineNamingItsAgencyIsTakenOutWithTheAgency() {
        TextExtractor.Extracted article = extractor.extract("""
                BRITAIN AND JAPAN SIGN TRADE DEAL

                LONDON, March 3, 2021 (Reuters) - Britain and Japan signed a trade agreement on Tuesday.
                """);
        assertThat(article.dateline()).isEqualTo("LONDON, March 3, 2021 (Reuters)");
        assertThat(article.publishedAt()).isEqualTo("2021-03-03");
        assertThat(article.body()).isEqualTo("Britain and Japan signed a trade agreement on Tuesday.");
    }

    @Test
    void aDatelineWithItsMonthInCapitalsOrInGermanIsTakenOut() {
        TextExtractor.Extracted capitals = extractor.extract("TOKYO, MARCH 3, 1987 - Japan and China signed a trade agreement.");
        assertThat(capitals.dateline()).isEqualTo("TOKYO, MARCH 3, 1987");
        assertThat(capitals.publishedAt()).isEqualTo("1987-03-03");
        TextExtractor.Extracted german = extractor.extract("Berlin, 12. Mai 2021 – Deutschland und Frankreich unterzeichnen ein Abkommen.");
        assertThat(german.dateline()).isEqualTo("Berlin, 12. Mai 2021");
        assertThat(german.publishedAt()).isEqualTo("2021-05-12");
        assertThat(german.body()).isEqualTo("Deutschland und Frankreich unterzeichnen ein Abkommen.");
    }

    @Test
    void aDatelineWithoutItsYearGivesNoDateAndStaysInTheBody() {
        TextExtractor.Extracted article = extractor.extract("NEW YORK, March 3 - Stocks rose on Tuesday as banks gained.");
        assertThat(article.dateline()).isNull();
        assertThat(article.publishedAt()).isNull();
        assertThat(article.body()).startsWith("NEW YORK, March 3 - Stocks rose");
    }

    @Test
    void aDatelineWithAnImpossibleDateStaysInTheBody() {
        TextExtractor.Extracted article = extractor.extract("Paris, February 30, 2018 - Nothing happened on that day at all.");
        assertThat(article.dateline()).isNull();
        assertThat(article.body()).startsWith("Paris, February 30, 2018");
    }

    @Test
    void textWithoutAnyArticleGivesAnEmptyBody() {
        assertThat(extractor.extract("\n\n   \n").body()).isEmpty();
    }
}

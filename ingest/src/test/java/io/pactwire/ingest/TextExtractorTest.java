package io.pactwire.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TextExtractorTest {
    private final TextExtractor extractor = new TextExtractor();

    private static String sample(String name) throws IOException {
        return Files.readString(Path.of("../samples", name));
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

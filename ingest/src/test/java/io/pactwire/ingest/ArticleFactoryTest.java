package io.pactwire.ingest;

import io.pactwire.model.RawArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The article factory alone: extracted text or a parsed JSON line in, an article or the reason there is none out. */
class ArticleFactoryTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final ArticleFactory FACTORY = new ArticleFactory(64, Dates.dayFirst(), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final TextExtractor.Extracted TEXT =
            new TextExtractor.Extracted("Ports agree", "Rotterdam, 3 March 2025", "2025-03-03", "The ports signed an MoU.");

    @Test
    void anArticleWithAUrlIsKnownByItsUrlAndStampedWithTheClock(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("a.html"), "<p>x</p>");

        RawArticle article = article(FACTORY.article("file:///a.html", TEXT, "https://example.org/a", null, "en", file));

        assertThat(article.id()).isEqualTo(ArticleIds.forUrl("https://example.org/a"));
        assertThat(article.sourceUri()).isEqualTo("file:///a.html");
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.revision()).isEqualTo(1);
        assertThat(article.ingestedAt()).isEqualTo(NOW);
        assertThat(article.publishedAt()).isEqualTo("2025-03-03");
    }

    @Test
    void anArticleWithoutAUrlIsKnownByTheFileThatIsIt(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("a.txt"), "Ports agree");

        assertThat(article(FACTORY.article("file:///a.txt", TEXT, null, null, null, file)).id())
                .isEqualTo(ArticleIds.forFile(file));
    }

    @Test
    void anArticleKnownByNeitherUrlNorFileIsKnownByItsContent() {
        assertThat(article(FACTORY.article("stdin", TEXT, null, null, null, null)).id())
                .isEqualTo(ArticleIds.forContent("Ports agree", "The ports signed an MoU."));
    }

    @Test
    void thePagesOwnDateWinsOverTheDatelinesAndAnImplausibleOneIsDropped() {
        assertThat(article(FACTORY.article("stdin", TEXT, null, "2025-03-02", null, null)).publishedAt()).isEqualTo("2025-03-02");
        assertThat(article(FACTORY.article("stdin", TEXT, null, "2999-01-01", null, null)).publishedAt()).isEqualTo("2025-03-03");
        assertThat(article(FACTORY.article("stdin", TEXT, null, "1066-10-14", null, null)).publishedAt()).isEqualTo("2025-03-03");
    }

    @Test
    void noTextOrTooMuchTextIsRejectedWithTheReason() {
        TextExtractor.Extracted empty = new TextExtractor.Extracted("Title", null, null, " ");
        TextExtractor.Extracted big = new TextExtractor.Extracted("Title", null, null, "é".repeat(40));

        assertThat(FACTORY.article("file:///e.txt", empty, null, null, null, null))
                .isEqualTo(new Input.Rejected("file:///e.txt", "no article text"));
        assertThat(FACTORY.article("file:///b.txt", big, null, null, null, null)).isEqualTo(new Input.Rejected("file:///b.txt",
                "article text is 80 bytes, over the limit of 64 (ingest.max.article.bytes)"));
    }

    @Test
    void aJsonLineKeepsItsOwnIdElseTakesOneFromItsUrlElseFromItsContent() {
        JsonLine own = new JsonLine("own-1", "T", "Body.", null, "https://example.org/a", null, null);
        JsonLine byUrl = new JsonLine(null, "T", "Body.", null, "https://example.org/a", null, null);
        JsonLine byContent = new JsonLine(null, null, "Body.", null, " ", null, null);

        assertThat(article(FACTORY.article("stdin#line=1", own)).id()).isEqualTo("own-1");
        assertThat(article(FACTORY.article("stdin#line=2", byUrl)).id()).isEqualTo(ArticleIds.forUrl("https://example.org/a"));
        RawArticle content = article(FACTORY.article("stdin#line=3", byContent));
        assertThat(content.id()).isEqualTo(ArticleIds.forContent("", "Body."));
        assertThat(content.title()).isEmpty();
    }

    @Test
    void aJsonLinesDateInWordsIsReadAndAnImplausibleOneRejectsTheLine() {
        JsonLine inWords = new JsonLine("a", "T", "Body.", null, null, "3 March 2025", null);
        JsonLine ahead = new JsonLine("b", "T", "Body.", null, null, "2028-01-01", null);

        assertThat(article(FACTORY.article("stdin#line=1", inWords)).publishedAt()).isEqualTo("2025-03-03");
        assertThat(FACTORY.article("stdin#line=2", ahead)).isEqualTo(new Input.Rejected("stdin#line=2",
                "publishedAt: must not be more than a year ahead (after 2027-03-01), got \"2028-01-01\""));
    }

    @Test
    void aJsonLineTheRecordRefusesIsRejectedWithTheRecordsReason() {
        JsonLine notADate = new JsonLine("a", "T", "Body.", null, null, "some day soon", null);

        assertThat(FACTORY.article("stdin#line=1", notADate)).isInstanceOfSatisfying(Input.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("publishedAt").contains("some day soon"));
    }

    private static RawArticle article(Input input) {
        assertThat(input).isInstanceOf(Input.Article.class);
        return ((Input.Article) input).article();
    }
}

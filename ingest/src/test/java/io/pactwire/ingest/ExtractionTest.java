package io.pactwire.ingest;

import io.pactwire.model.RawArticle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Extraction alone: a document's bytes or text in, its article or the reason there is none out; no reading. */
class ExtractionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final Extraction extraction = new Extraction(64 * 1024, Dates.dayFirst(), new ArticleFactory(16 * 1024,
            Dates.dayFirst(), CLOCK));

    @Test
    void aSampleTextBecomesItsArticleKnownByItsFile() throws IOException {
        Path file = Path.of("../samples/000_6f954eecf47ae51d.txt");

        Input input = extraction.text(file.toUri().toString(), Files.readString(file), null, file);

        RawArticle article = ((Input.Article) input).article();
        assertThat(article.id()).isEqualTo(ArticleIds.forFile(file));
        assertThat(article.title()).startsWith("Luxembourg cooperates with China");
        assertThat(article.dateline()).isEqualTo("Luxembourg, January 16, 2018");
        assertThat(article.publishedAt()).isEqualTo("2018-01-16");
    }

    @Test
    void aWebPageIsKnownByItsCanonicalUrlNotWhereItWasFetched() throws IOException {
        byte[] page = resource("pages/news-article.html");

        Input input = extraction.page("https://example.org/fetched", "https://example.org/fetched", page, "text/html", null);

        RawArticle article = ((Input.Article) input).article();
        String canonical = "https://orbital-times.example/news/2017/11/29/luxembourg-japan-space-resources";
        assertThat(article.url()).isEqualTo(canonical);
        assertThat(article.id()).isEqualTo(ArticleIds.forUrl(canonical));
        assertThat(article.title()).isEqualTo("Luxembourg and Japan sign space resources pact");
        assertThat(article.sourceUri()).isEqualTo("https://example.org/fetched");
    }

    @Test
    void binaryContentAndPagesOverTheLimitAreRejectedWithTheReason() {
        assertThat(extraction.text("file:///a.txt", "text\0more", null, null))
                .isEqualTo(new Input.Rejected("file:///a.txt", "binary content (NUL bytes), not text"));
        assertThat(extraction.page("file:///big.html", null, new byte[64 * 1024 + 1], null, null)).isEqualTo(new Input.Rejected(
                "file:///big.html", "page is 65537 bytes, over the limit of 65536 (ingest.max.page.bytes)"));
    }

    @Test
    void aJsonLineIsParsedFromItsBytesAndABadOneSaysWhetherItIsUtf8() {
        byte[] line = "xx{\"id\":\"j1\",\"title\":\"Ports\",\"body\":\"The ports signed.\"}yy".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "{\"id\":\"j2\",\"body\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(((Input.Article) extraction.jsonLine("stdin#line=1", line, 2, line.length - 4)).article().id()).isEqualTo("j1");
        assertThat(extraction.jsonLine("stdin#line=2", latin1, 0, latin1.length))
                .isEqualTo(new Input.Rejected("stdin#line=2", "not valid UTF-8 text"));
        assertThat(extraction.jsonLine("stdin#line=3", "{\"id\":\"j3\",\"body\":\"" + "x".repeat(16 * 1024) + "\"}"))
                .isEqualTo(extraction.overTheLimit("stdin#line=3"));
    }

    @Test
    void aFeedItemsHtmlBecomesAnArticleWithTheItemsLinkAndDate() {
        FeedReader.Item item = new FeedReader.Item("https://example.org/news/1", "Ports agree",
                "<p>The ports of Rotterdam and Antwerp signed a memorandum of understanding.</p>", null, "2025-03-03");

        RawArticle article = ((Input.Article) extraction.feedItem("https://example.org/news/1", item, item.contentHtml())).article();

        assertThat(article.id()).isEqualTo(ArticleIds.forUrl("https://example.org/news/1"));
        assertThat(article.title()).isEqualTo("Ports agree");
        assertThat(article.body()).isEqualTo("The ports of Rotterdam and Antwerp signed a memorandum of understanding.");
        assertThat(article.publishedAt()).isEqualTo("2025-03-03");
        assertThat(Extraction.hasText("<p> <br/> </p>")).isFalse();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ExtractionTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}

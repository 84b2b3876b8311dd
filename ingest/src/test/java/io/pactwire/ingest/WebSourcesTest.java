package io.pactwire.ingest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages, feeds and URL lists read over HTTP from a fixture server on 127.0.0.1 (allowed for the test). */
class WebSourcesTest {
    private static final String STORY = "Luxembourg and Japan signed a memorandum of cooperation on space resources in Tokyo"
            + " on Wednesday. The five-year agreement covers the exchange of information and expertise.";
    private FixtureServer server;
    private InputReader reader;

    @BeforeEach
    void start() throws IOException {
        server = new FixtureServer();
        Fetcher fetcher = new Fetcher(new Fetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 5, 1 << 20, true, "test"));
        reader = new InputReader(64 * 1024, 1 << 20, Dates.dayFirst(), fetcher, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<Input> read(String... arguments) {
        List<Input> inputs = new ArrayList<>();
        reader.readArguments(List.of(arguments), inputs::add);
        return inputs;
    }

    private static String page(String title, String body) {
        return "<html lang=\"en\"><head><title>" + title + " | Example News</title></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>" + title + "</h1><p>" + body
                + "</p><p>Officials said more agreements would follow next year, with other partners in Asia.</p></article>"
                + "<footer>© Example News</footer></body></html>";
    }

    private String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>Example News</title><link>" + server.url("/") + "</link><description>News</description>"
                + String.join("", items) + "</channel></rss>";
    }

    private static String item(String title, String link, String description, String content) {
        return "<item><title>" + title + "</title>" + (link == null ? "" : "<link>" + link + "</link>")
                + "<pubDate>Wed, 29 Nov 2017 09:30:00 GMT</pubDate>"
                + (description == null ? "" : "<description><![CDATA[" + description + "]]></description>")
                + (content == null ? "" : "<content:encoded><![CDATA[" + content + "]]></content:encoded>") + "</item>";
    }

    @Test
    void aWebPageIsOneArticleIdentifiedByItsUrlWithTheCharsetOfTheHttpHeader() {
        server.serve("/news/lu-jp", 200, "text/html; charset=ISO-8859-1",
                page("Luxembourg and Japan sign pact", "Zürich and Tokyo. " + STORY).getBytes(StandardCharsets.ISO_8859_1));
        List<Input> inputs = read(server.url("/news/lu-jp"));
        assertThat(inputs).singleElement().isInstanceOf(Input.Article.class);
        var article = ((Input.Article) inputs.get(0)).article();
        assertThat(article.id()).isEqualTo(ArticleIds.forUrl(server.url("/news/lu-jp")));
        assertThat(article.url()).isEqualTo(server.url("/news/lu-jp"));
        assertThat(article.sourceUri()).isEqualTo(server.url("/news/lu-jp"));
        assertThat(article.title()).isEqualTo("Luxembourg and Japan sign pact");
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.body()).startsWith("Zürich and Tokyo. Luxembourg and Japan signed").doesNotContain("Home", "©");
    }

    @Test
    void aPageWhoseHeaderClaimsUtf32IsReadFromItsUtf8Bytes() {
        server.serve("/news/utf32", 200, "text/html; charset=UTF-32",
                page("Luxembourg and Japan sign pact", "Zürich and Tokyo. " + STORY).getBytes(StandardCharsets.UTF_8));
        List<Input> inputs = read(server.url("/news/utf32"));
        assertThat(inputs).singleElement().isInstanceOf(Input.Article.class);
        assertThat(((Input.Article) inputs.get(0)).article().body()).startsWith("Zürich and Tokyo. Luxembourg and Japan signed");
    }

    @Test
    void randomBytesServedAsHtmlAreRejectedAsBinary() {
        byte[] random = new byte[200 * 1024];
        new java.util.Random(42).nextBytes(random);
        for (int i = 0; i < random.length; i++) {
            random[i] = random[i] == 0 ? 1 : random[i]; // no NUL, which was caught before
        }
        server.serve("/random", 200, "text/html", random);
        List<Input> inputs = read(server.url("/random"));
        assertThat(inputs).singleElement().isInstanceOfSatisfying(Input.Rejected.class,
                r -> assertThat(r.reason()).startsWith("binary content, not text ("));
    }

    @Test
    void aGzipEncodedPageIsDecodedAndRead() throws IOException {
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write(page("Luxembourg and Japan sign pact", STORY).getBytes(StandardCharsets.UTF_8));
        }
        server.serve("/news/gzip", 200, "text/html; charset=utf-8", gzipped.toByteArray(), java.util.Map.of("Content-Encoding", "gzip"));
        List<Input> inputs = read(server.url("/news/gzip"));
        assertThat(inputs).singleElement().isInstanceOf(Input.Article.class);
        assertThat(((Input.Article) inputs.get(0)).article().body()).startsWith(STORY);
    }

    @Test
    void feedItemsWithFullContentAreReadFromTheFeed() {
        server.serve("/feed.rss", 200, "application/rss+xml", rss(
                item("Luxembourg and Japan sign pact", "https://news.example/lu-jp", "Short summary.", "<p>" + STORY + "</p>"),
                item("Second story", "https://news.example/second", null,
                        "<p>Another story that is long enough to be an article about cooperation between two countries.</p>"))
                .getBytes(StandardCharsets.UTF_8));
        List<Input> inputs = read(server.url("/feed.rss"));
        assertThat(inputs).hasSize(2).allMatch(i -> i instanceof Input.Article);
        var first = ((Input.Article) inputs.get(0)).article();
        assertThat(first.id()).isEqualTo(ArticleIds.forUrl("https://news.example/lu-jp"));
        assertThat(first.sourceUri()).isEqualTo("https://news.example/lu-jp");
        assertThat(first.title()).isEqualTo("Luxembourg and Japan sign pact");
        assertThat(first.body()).isEqualTo(STORY);
        assertThat(first.publishedAt()).isEqualTo("2017-11-29T09:30:00Z");
    }

    @Test
    void aFeedItemWithOnlyASummaryIsReadFromTheLinkedPage() {
        server.page("/news/lu-jp", page("Luxembourg and Japan sign pact", STORY))
                .serve("/feed.xml", 200, "text/xml", rss(
                        item("Luxembourg and Japan sign pact", server.url("/news/lu-jp"), "Luxembourg and Japan signed...", null),
                        item("Gone story", server.url("/news/gone"), "A summary.", null)).getBytes(StandardCharsets.UTF_8));
        List<Input> inputs = read(server.url("/feed.xml"));
        assertThat(inputs).hasSize(2);
        var article = ((Input.Article) inputs.get(0)).article();
        assertThat(article.body()).startsWith(STORY).contains("Officials said more agreements");
        assertThat(article.publishedAt()).as("the feed's date when the page has none").isEqualTo("2017-11-29T09:30:00Z");
        assertThat(server.hits("/news/lu-jp")).isEqualTo(1);
        assertThat(inputs.get(1)).isEqualTo(new Input.Rejected(server.url("/news/gone"), "linked page: HTTP 404 (client error)"));
    }

    private InputReader readerWith(InputReader.FeedLimits limits) {
        Fetcher fetcher = new Fetcher(new Fetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(30), 5, 1 << 20, true, "test"));
        return new InputReader(64 * 1024, 1 << 20, Dates.dayFirst(), fetcher, limits,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private List<Input> readFeed(InputReader feedReader, String url) {
        List<Input> inputs = new ArrayList<>();
        feedReader.readArguments(List.of(url), inputs::add);
        return inputs;
    }

    private String summaryFeed(int items, java.util.function.IntFunction<String> path) {
        List<String> entries = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            entries.add(item("Story " + i, server.url(path.apply(i)), "A summary.", null));
        }
        return rss(entries.toArray(String[]::new));
    }

    @Test
    void theLinkedPagesOfAFeedAreFetchedUpToTheCapAtOnceAndReadInFeedOrder() {
        for (int i = 1; i <= 40; i++) {
            server.gated("/news/" + i, page("Story " + i, "Story number " + i + ". " + STORY));
        }
        server.gateWidth(4).serve("/feed.rss", 200, "application/rss+xml", summaryFeed(40, i -> "/news/" + i).getBytes(StandardCharsets.UTF_8));
        List<Input> inputs = readFeed(readerWith(new InputReader.FeedLimits(4, Duration.ofMinutes(5), 1000)), server.url("/feed.rss"));
        assertThat(inputs).hasSize(40).allMatch(i -> i instanceof Input.Article);
        for (int i = 0; i < 40; i++) {
            assertThat(((Input.Article) inputs.get(i)).article().body()).startsWith("Story number " + (i + 1) + ". ");
        }
        assertThat(server.maxInFlight()).as("pages fetched at once: up to ingest.http.max.concurrent.fetches, never more").isEqualTo(4);
    }

    @Test
    void linkedPagesNotFetchedWithinTheFeedsTimeBudgetAreRejectedWithTheReason() {
        for (int i = 1; i <= 3; i++) {
            server.page("/news/" + i, page("Story " + i, "Story number " + i + ". " + STORY));
        }
        for (int i = 4; i <= 6; i++) {
            server.slow("/news/" + i); // answers only when the server closes
        }
        server.serve("/feed.rss", 200, "application/rss+xml", summaryFeed(6, i -> "/news/" + i).getBytes(StandardCharsets.UTF_8));
        List<Input> inputs = readFeed(readerWith(new InputReader.FeedLimits(8, Duration.ofSeconds(1), 1000)), server.url("/feed.rss"));
        assertThat(inputs).hasSize(6);
        assertThat(inputs.subList(0, 3)).allMatch(i -> i instanceof Input.Article);
        for (int i = 4; i <= 6; i++) {
            assertThat(inputs.get(i - 1)).isEqualTo(new Input.Rejected(server.url("/news/" + i),
                    "feed time budget spent (1000 ms, ingest.feed.time.budget.ms); read at the next poll"));
        }
    }

    @Test
    void linkedPagesOverTheFeedsMaxItemsAreSkippedWithTheReason() {
        for (int i = 1; i <= 5; i++) {
            server.page("/news/" + i, page("Story " + i, "Story number " + i + ". " + STORY));
        }
        server.serve("/feed.rss", 200, "application/rss+xml", summaryFeed(5, i -> "/news/" + i).getBytes(StandardCharsets.UTF_8));
        List<Input> inputs = readFeed(readerWith(new InputReader.FeedLimits(8, Duration.ofMinutes(5), 3)), server.url("/feed.rss"));
        assertThat(inputs).hasSize(5);
        assertThat(inputs.subList(0, 3)).allMatch(i -> i instanceof Input.Article);
        assertThat(inputs.subList(3, 5)).containsExactly(
                new Input.Skipped(server.url("/news/4"), "over ingest.feed.max.items (3 linked pages per feed and read); read at the next poll"),
                new Input.Skipped(server.url("/news/5"), "over ingest.feed.max.items (3 linked pages per feed and read); read at the next poll"));
        assertThat(server.hits("/news/4") + server.hits("/news/5")).isZero();
    }

    @Test
    void anAtomFeedFileIsReadLikeAnRssFeed(@TempDir Path dir) throws IOException {
        Path feed = dir.resolve("ministry.atom");
        Files.writeString(feed, "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Ministry</title><id>urn:ministry</id><updated>2018-01-16T10:00:00Z</updated>"
                + "<entry><title>Luxembourg cooperates with China</title><link href=\"https://gouv.example/cn\"/>"
                + "<id>urn:cn</id><updated>2018-01-16T10:00:00Z</updated><published>2018-01-16T09:00:00Z</published>"
                + "<content type=\"html\">&lt;p&gt;" + STORY + "&lt;/p&gt;</content></entry></feed>");
        List<Input> inputs = new ArrayList<>();
        reader.read(List.of(feed), inputs::add);
        var article = ((Input.Article) inputs.get(0)).article();
        assertThat(article.title()).isEqualTo("Luxembourg cooperates with China");
        assertThat(article.url()).isEqualTo("https://gouv.example/cn");
        assertThat(article.publishedAt()).isEqualTo("2018-01-16T09:00:00Z");
        assertThat(article.body()).isEqualTo(STORY);
    }

    @Test
    void everyRejectionOfAUrlNamesItsCauseAndTheSummaryGroupsByIt() throws IOException {
        // names through a resolver of the test's own, never DNS: only the fixture server's literal address exists
        HostPolicy.Resolver resolver = host -> {
            if (!host.equals("127.0.0.1")) {
                throw new java.net.UnknownHostException(host);
            }
            return new java.net.InetAddress[] {java.net.InetAddress.getLoopbackAddress()};
        };
        Fetcher fetcher = new Fetcher(new Fetcher.Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), 5, 1 << 20, true, "test"),
                resolver);
        InputReader urls = new InputReader(64 * 1024, 1 << 20, Dates.dayFirst(), fetcher,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        server.serve("/latin.html", 200, "text/html; charset=utf-8", page("Zürich", "Ärger über Öl, Müll und Größe " + STORY)
                        .getBytes(StandardCharsets.ISO_8859_1))
                .serve("/big.html", 200, "text/html", new byte[(1 << 20) + 1])
                .serve("/feed.rss", 200, "application/rss+xml", rss(item("Gone", server.url("/gone"), "summary", null))
                        .getBytes(StandardCharsets.UTF_8));
        List<Input> inputs = new ArrayList<>();
        urls.readArguments(List.of(server.url("/latin.html"), server.url("/big.html"), server.url("/missing"), server.url("/feed.rss"),
                "http://127.0.0.1:" + closedPort + "/", "https://nowhere.invalid/"), inputs::add);
        assertThat(inputs).extracting(input -> ((Input.Rejected) input).reason()).containsExactly(
                "not text in the declared charset UTF-8: 2% of it does not decode",
                "response is 1048577 bytes, over the limit of 1048576 (ingest.max.page.bytes)",
                "HTTP 404 (client error)",
                "linked page: HTTP 404 (client error)",
                "connection refused (127.0.0.1:" + closedPort + ")",
                "unknown host nowhere.invalid");
        IngestReport report = new IngestReport(List.of(), inputs.stream().map(Input.Rejected.class::cast).toList(), List.of());
        assertThat(report.summary()).isEqualTo("published 0, unchanged 0, rejected 6 (HTTP 404: 1, connection refused: 1,"
                + " linked page: HTTP 404: 1, not text in the declared charset UTF-8: 1, response is N bytes: 1, unknown host: 1),"
                + " skipped 0");
    }

    @Test
    void aFeedWithADoctypeIsRefusedAndItsExternalEntityNeverRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link><description>d</description>"
                + "<item><title>&xxe;</title><link>https://x.example/1</link><description>&xxe; " + STORY + "</description></item>"
                + "</channel></rss>";
        server.serve("/xxe.rss", 200, "application/rss+xml", xxe.getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("xxe.rss");
        Files.writeString(file, xxe);
        List<Input> inputs = read(server.url("/xxe.rss"), file.toString());
        String reason = "feed declares a DOCTYPE: DTDs and external entities (XXE) are refused";
        assertThat(inputs).containsExactly(new Input.Rejected(server.url("/xxe.rss"), reason),
                new Input.Rejected(file.toUri().toString(), reason));
    }

    @Test
    void aMalformedFeedIsRejectedWithItsReason() {
        server.serve("/broken.rss", 200, "application/rss+xml", "<rss version=\"2.0\"><channel><item><title>x</item>"
                .getBytes(StandardCharsets.UTF_8));
        List<Input> inputs = read(server.url("/broken.rss"));
        assertThat(inputs).singleElement().isInstanceOf(Input.Rejected.class);
        assertThat(((Input.Rejected) inputs.get(0)).reason()).startsWith("not a valid RSS or Atom feed: ");
    }

    @Test
    void aFeedReadAgainGivesOnlyItsNewItems() {
        String first = item("One", "https://news.example/1", null, "<p>" + STORY + "</p>");
        server.serve("/feed.rss", 200, "application/rss+xml", rss(first).getBytes(StandardCharsets.UTF_8));
        assertThat(read(server.url("/feed.rss"))).hasSize(1);
        server.serve("/feed.rss", 200, "application/rss+xml", rss(first,
                item("Two", "https://news.example/2", null, "<p>A second story about cooperation in space, long enough.</p>"))
                .getBytes(StandardCharsets.UTF_8));
        List<Input> again = read(server.url("/feed.rss"));
        assertThat(again).extracting(Input::source).containsExactly("https://news.example/2");
    }

    @Test
    void aListOfUrlsIsReadLineByLineAndBadOnesAreReported(@TempDir Path dir) throws IOException {
        server.page("/a", page("Story A", STORY)).serve("/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path list = dir.resolve("urls.txt");
        Files.writeString(list, "# press releases\n" + server.url("/a") + "\n\n" + server.url("/missing") + "\n"
                + "ftp://files.example/a.html\n" + server.url("/logo.png") + "\n");
        List<Input> inputs = new ArrayList<>();
        reader.readUrlList(list, inputs::add);
        assertThat(inputs).hasSize(4);
        assertThat(inputs.get(0)).isInstanceOf(Input.Article.class);
        assertThat(inputs.subList(1, 4)).containsExactly(
                new Input.Rejected(server.url("/missing"), "HTTP 404 (client error)"),
                new Input.Rejected("ftp://files.example/a.html", "unsupported scheme ftp:; only http and https URLs are fetched"),
                new Input.Rejected(server.url("/logo.png"),
                        "unsupported content type image/png; supported: web pages, RSS and Atom feeds, plain text, JSON"));
    }

    @Test
    void aReaderWithoutFetcherRejectsUrlsButNamesABadSchemeFirst() {
        InputReader offline = new InputReader(4096, Clock.systemUTC());
        List<Input> inputs = new ArrayList<>();
        offline.readArguments(List.of("https://news.example/a", "mailto:press@example.org"), inputs::add);
        assertThat(inputs).containsExactly(
                new Input.Rejected("https://news.example/a", "URLs are not read here; only files"),
                new Input.Rejected("mailto:press@example.org", "unsupported scheme mailto:; only http and https URLs are fetched"));
    }
}

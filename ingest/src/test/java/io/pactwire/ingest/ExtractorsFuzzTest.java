package io.pactwire.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing ingest's readers (issue 17): whatever a page, a feed or a JSON line holds, reading it gives
 * articles and rejections ({@link Input}), never an exception, and a feed's parser fails only with its
 * {@link FeedReader.FeedProblem}. Arbitrary strings and bytes, and inputs built to look like the real
 * thing: random nested tags with random attributes and entities, RSS and Atom skeletons, JSON with wrong
 * types. Bounded tries keep it to seconds; jqwik prints the seed of a failure to replay it.
 */
class ExtractorsFuzzTest {
    private static final List<String> TAGS = List.of("div", "p", "a", "span", "article", "main", "nav", "aside", "footer",
            "header", "script", "style", "h1", "h2", "li", "ul", "table", "tr", "td", "br", "time", "meta", "svg", "template");
    private static final List<String> ENTITIES = List.of("&amp;", "&#10;", "&#x202E;", "&#0;", "&#xD800;", "&#x10FFFF;",
            "&bogus;", "&lt;", "&nbsp;", "&#99999999;", "&");

    private final InputReader reader = new InputReader(1 << 20, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Property(tries = 500)
    void anyTextAsAPageIsAnArticleOrARejection(@ForAll String text) {
        onlyInputs(sink -> sink.add(reader.page("file:///fuzz.html", null, text.getBytes(StandardCharsets.UTF_8), null)));
    }

    @Property(tries = 500)
    void randomMarkupAsAPageIsAnArticleOrARejection(@ForAll("markup") String html) {
        onlyInputs(sink -> sink.add(reader.page("file:///fuzz.html", null, html.getBytes(StandardCharsets.UTF_8), null)));
        new HtmlExtractor(Dates.dayFirst()).extract(html, "https://example.org/");
    }

    @Property(tries = 500)
    void anyBytesAsADocumentAreArticlesOrRejections(@ForAll byte[] bytes) {
        onlyInputs(sink -> reader.readDocument("stdin", bytes, sink::add));
    }

    @Property(tries = 500)
    void randomFeedsAreItemsOrAFeedProblem(@ForAll("feeds") String feed) {
        byte[] bytes = feed.getBytes(StandardCharsets.UTF_8);
        try {
            new FeedReader().read(bytes, null);
        } catch (FeedReader.FeedProblem refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        onlyInputs(sink -> reader.readDocument("file:///fuzz.rss", bytes, sink::add));
    }

    @Property(tries = 500)
    void anyBytesAsJsonLinesAreArticlesOrRejections(@ForAll byte[] bytes) {
        onlyInputs(sink -> reader.readJsonLines(new ByteArrayInputStream(bytes), "stdin", sink::add));
    }

    @Property(tries = 500)
    void randomJsonLinesAreArticlesOrRejections(@ForAll("jsonLines") String lines) {
        onlyInputs(sink -> reader.readJsonLines(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "stdin", sink::add));
    }

    private interface Reading {
        void into(List<Input> sink);
    }

    /** Runs a reading that must end with inputs only: no exception, each an article or a rejection with a reason. */
    private static void onlyInputs(Reading reading) {
        List<Input> inputs = new ArrayList<>();
        reading.into(inputs);
        for (Input input : inputs) {
            assertThat(input).isNotNull();
            if (input instanceof Input.Rejected r) {
                assertThat(r.reason()).isNotBlank();
                assertThat(r.reason()).doesNotContain("\n");
            }
        }
    }

    @Provide
    Arbitrary<String> markup() {
        Arbitrary<String> tag = Arbitraries.of(TAGS);
        Arbitrary<String> attribute = Combinators.combine(
                Arbitraries.of("class", "id", "style", "hidden", "href", "lang", "property", "content", "itemprop", "datetime"),
                Arbitraries.oneOf(Arbitraries.of("nav", "share comments", "display:none", "article-body", "og:title",
                        "article:published_time", "+99999-01-01", "javascript:alert(1)", "en", "\" onload=\""),
                        Arbitraries.strings().ofMaxLength(12)))
                .as((name, value) -> " " + name + "=\"" + value + "\"");
        Arbitrary<String> open = Combinators.combine(tag, attribute.list().ofMaxSize(3))
                .as((t, attributes) -> "<" + t + String.join("", attributes) + ">");
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, open),
                net.jqwik.api.Tuple.of(3, tag.map(t -> "</" + t + ">")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(ENTITIES)),
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().ofMaxLength(60)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 3000).map(n -> "<div>".repeat(n))));
        return token.list().ofMaxSize(120).map(tokens -> String.join("", tokens));
    }

    @Provide
    Arbitrary<String> feeds() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40).map(ExtractorsFuzzTest::xmlText),
                Arbitraries.of(ENTITIES), markup().map(m -> "<![CDATA[" + m.replace("]]>", "") + "]]>"));
        Arbitrary<String> rssItem = Combinators.combine(text, text, text, Arbitraries.of("", "Tue, 16 Jan 2018 09:30:00 GMT", "garbage"))
                .as((title, link, description, date) -> "<item><title>" + title + "</title><link>" + link + "</link><description>"
                        + description + "</description><pubDate>" + date + "</pubDate></item>");
        Arbitrary<String> atomEntry = Combinators.combine(text, text, text)
                .as((title, link, content) -> "<entry><title>" + title + "</title><link href=\"" + xmlText(link) + "\"/>"
                        + "<content type=\"html\">" + content + "</content><updated>2018-01-16T09:30:00Z</updated></entry>");
        Arbitrary<String> rss = rssItem.list().ofMaxSize(4).map(items -> "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>T</title><link>https://example.org/</link><description>d</description>" + String.join("", items)
                + "</channel></rss>");
        Arbitrary<String> atom = atomEntry.list().ofMaxSize(4).map(entries -> "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>T</title><id>urn:x</id><updated>2018-01-16T09:30:00Z</updated>" + String.join("", entries) + "</feed>");
        Arbitrary<String> broken = Combinators.combine(Arbitraries.oneOf(rss, atom), Arbitraries.integers().between(0, 400))
                .as((feed, cut) -> feed.substring(0, Math.min(cut, feed.length())));
        return Arbitraries.oneOf(rss, atom, broken);
    }

    @Provide
    Arbitrary<String> jsonLines() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(ExtractorsFuzzTest::jsonText),
                Arbitraries.of("\"javascript:alert(1)\"", "\"https://example.org/a\"", "\"+99999-01-01\"", "\"March 3, 1987\"",
                        "\"a\\u2028b\"", "\"x\\u202E\"", "\"\\ud800\"", "\" \"", "1", "-1.5e300", "true", "null", "[]",
                        "{\"a\":[1,{\"b\":null}]}", "\"../../etc/passwd\""));
        Arbitrary<String> entry = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of("id", "title", "body", "dateline", "url", "publishedAt"), Arbitraries.strings().ofMaxLength(6)),
                value).as((name, v) -> jsonText(name) + ":" + v);
        Arbitrary<String> line = Arbitraries.oneOf(
                entry.list().ofMaxSize(8).map(entries -> "{" + String.join(",", entries) + "}"),
                Arbitraries.strings().ofMaxLength(40));
        return line.list().ofMaxSize(8).map(lines -> String.join("\n", lines));
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static String jsonText(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < ' ') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}

package io.pactwire.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extraction from realistic pages written for these tests (test resources {@code pages/}): the story comes
 * out, the chrome around it does not, and the page's own metadata is read.
 */
class HtmlExtractorTest {
    private final InputReader reader = new InputReader(1 << 20, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    /** A page, what must come out of it and what must not. */
    record Page(String file, String title, String publishedAt, String url, String language, String dateline,
                String startsWith, String endsWith, List<String> absent) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                new Page("news-article.html", "Luxembourg and Japan sign space resources pact", "2017-11-29T09:30:00+01:00",
                        "https://orbital-times.example/news/2017/11/29/luxembourg-japan-space-resources", "en", null,
                        "Luxembourg and Japan signed a memorandum of cooperation",
                        "which is due to reach the asteroid Ryugu next year.",
                        List.of("cookies", "Accept all", "Share on", "Photo: Ministry", "Read more: Luxembourg and the UAE",
                                "Tags:", "newsletter", "comment", "Who actually owns", "Most read", "Rocket startup",
                                "Advertisement", "Related articles", "Portugal joins", "All rights reserved", "Imprint",
                                "Anna Weber", "Home")),
                new Page("press-release.html", "Luxembourg cooperates with China in the exploration and use of outer space",
                        "2018-01-16", null, "en", "Luxembourg, January 16, 2018",
                        "The National Space Science Center to establish a Research Laboratory in Luxembourg",
                        "the ministry said in a statement published on Tuesday.",
                        List.of("Skip to content", "FR", "Press releases", "Released by", "Media contact", "Paul Example",
                                "press@example.lu", "Read more", "launchpad", "08-10-2025", "Resources all news", "Fermer",
                                "Legal notice")),
                new Page("blog-de-windows-1252.html", "Weltraumbergbau: Was Luxemburg vorhat", "2018-02-14T18:05:00+01:00", null,
                        "de", null, "Veröffentlicht am 14. Februar 2018",
                        "Ob sich der Abbau von Asteroiden jemals rechnet, weiß heute niemand. Spannend bleibt es trotzdem.",
                        List.of("Über Raumfahrt, Sterne", "Archiv", "Teilen mit", "Twitter", "Ähnliche Beiträge", "Portugal tritt",
                                "Schreibe einen Kommentar", "E-Mail-Adresse", "Neueste Beiträge", "Sternschnuppen", "WordPress",
                                "Kategorie")),
                new Page("bom-no-declaration.html", "Zürich trial of autonomous delivery robots ends", "2025-10-08", null, null,
                        "Zürich, 08-10-2025", "The city’s six-month trial of autonomous delivery robots ended on Friday",
                        "shop owners in Niederdorf.", List.of("Alpine Post", "–"))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void extractsTheStoryAndItsMetadataWithoutThePageChrome(Page page) throws IOException {
        Input input = read(page.file());
        assertThat(input).isInstanceOf(Input.Article.class);
        var article = ((Input.Article) input).article();
        assertThat(article.title()).isEqualTo(page.title());
        assertThat(article.publishedAt()).isEqualTo(page.publishedAt());
        assertThat(article.url()).isEqualTo(page.url());
        assertThat(article.language()).isEqualTo(page.language());
        assertThat(article.dateline()).isEqualTo(page.dateline());
        assertThat(article.body()).startsWith(page.startsWith()).endsWith(page.endsWith());
        for (String chrome : page.absent()) {
            assertThat(article.body()).as("chrome '%s' is not in the text", chrome).doesNotContain(chrome);
        }
    }

    @Test
    void anArticleWithACanonicalUrlIsIdentifiedByIt() throws IOException {
        var article = ((Input.Article) read("news-article.html")).article();
        assertThat(article.id()).isEqualTo(ArticleIds.forUrl("https://orbital-times.example/news/2017/11/29/luxembourg-japan-space-resources"));
        var withoutUrl = ((Input.Article) read("press-release.html")).article();
        assertThat(withoutUrl.id()).isEqualTo(ArticleIds.forContent(withoutUrl.title(), withoutUrl.body()));
    }

    @Test
    void theTitleIsOgTitleThenH1ThenTheTitleElement() {
        HtmlExtractor html = new HtmlExtractor(Dates.dayFirst());
        String body = "<body><h1>The h1 headline</h1><p>" + "Some story text that is long enough to be a paragraph. ".repeat(5) + "</p></body>";
        assertThat(html.extract("<html><head><title>Page title | Site</title><meta property=\"og:title\" content=\"The og title\">"
                + "</head>" + body + "</html>", "").title()).isEqualTo("The og title");
        assertThat(html.extract("<html><head><title>Page title | Site</title></head>" + body + "</html>", "").title())
                .isEqualTo("The h1 headline");
        assertThat(html.extract("<html><head><title>Page title | Site</title></head><body><p>text</p></body></html>", "").title())
                .isEqualTo("Page title");
    }

    @Test
    void theDateComesFromMetaTagsThenJsonLdThenTimeElements() {
        HtmlExtractor html = new HtmlExtractor(Dates.dayFirst());
        String body = "<body><p>Text.</p><time datetime=\"2020-05-01\">1 May</time></body>";
        assertThat(html.extract("<head><meta property=\"article:published_time\" content=\"2021-03-04T10:00:00Z\">"
                + "<script type=\"application/ld+json\">{\"datePublished\":\"2022-01-01\"}</script></head>" + body, "")
                .publishedAt()).isEqualTo("2021-03-04T10:00:00Z");
        assertThat(html.extract("<head><script type=\"application/ld+json\">[{\"@graph\":[{\"@type\":\"NewsArticle\","
                + "\"datePublished\":\"2022-01-02T08:00:00+0100\"}]}]</script></head>" + body, "").publishedAt())
                .isEqualTo("2022-01-02T08:00:00+01:00");
        assertThat(html.extract("<head><script type=\"application/ld+json\">{broken json</script></head>" + body, "")
                .publishedAt()).isEqualTo("2020-05-01");
        assertThat(html.extract("<body><p>No date here.</p></body>", "").publishedAt()).isNull();
    }

    @Test
    void theDateComesFromItempropElementsThenBylinesThenTheAddress() {
        HtmlExtractor html = new HtmlExtractor(Dates.dayFirst());
        String story = "<p>" + "Some story text that is long enough to be a paragraph. ".repeat(5) + "</p>";
        assertThat(html.extract("<head><meta property=\"article:published_time\" content=\"10.12.2022, 07:00:03\"></head>"
                + "<body>" + story + "</body>", "").publishedAt()).isEqualTo("2022-12-10");
        assertThat(html.extract("<body><article><span itemprop=\"datePublished\" content=\"2021-11-02\">2. November</span>"
                + story + "</article></body>", "").publishedAt()).isEqualTo("2021-11-02");
        assertThat(html.extract("<body><aside><p class=\"date\">1. Januar 2020</p></aside><article>"
                + "<p class=\"date-author\">Janic Cathomen, 01.12.2021</p>" + story + "</article></body>", "").publishedAt())
                .isEqualTo("2021-12-01");
        assertThat(html.extract("<body><div class=\"post-meta\">Veröffentlicht am 14. Februar 2018 von Anna</div>" + story
                + "</body>", "").publishedAt()).isEqualTo("2018-02-14");
        assertThat(html.extract("<body>" + story + "</body>", "https://fouryears.eu/2019/10/21/interning/").publishedAt())
                .isEqualTo("2019-10-21");
        assertThat(html.extract("<body><p class=\"date\">" + "A long paragraph that names 1 May 2020 in passing. ".repeat(4)
                + "</p>" + story + "</body>", "https://example.org/2019/13/40/no-date").publishedAt()).isNull();
    }

    @Test
    void theLanguageComesFromTheHtmlElementOrTheMetaTags() {
        HtmlExtractor html = new HtmlExtractor(Dates.dayFirst());
        assertThat(html.extract("<html lang=\"fr-LU\"><body><p>Bonjour.</p></body></html>", "").language()).isEqualTo("fr");
        assertThat(html.extract("<html><head><meta http-equiv=\"Content-Language\" content=\"de\"></head><body></body></html>", "")
                .language()).isEqualTo("de");
        assertThat(html.extract("<html><head><meta property=\"og:locale\" content=\"pl_PL\"></head><body></body></html>", "")
                .language()).isEqualTo("pl");
        assertThat(html.extract("<html lang=\"xx-nonsense\"><body></body></html>", "").language()).isNull();
    }

    @Test
    void callsToSubscribeOrFollowInsideTheStoryAreDropped() {
        String story = "The harbour authority approved the new terminal on Tuesday, after two years of planning and hearings.";
        HtmlExtractor.HtmlArticle page = new HtmlExtractor(Dates.dayFirst()).extract("<html><body><article><p>" + story + "</p>"
                + "<p>Subscribe now to our print edition for the full story.</p>"
                + "<p>Folgen Sie uns auf Instagram und Facebook, um nichts zu verpassen.</p>"
                + "<p>" + story.replace("Tuesday", "Wednesday") + "</p></article></body></html>", "");
        assertThat(page.paragraphs()).containsExactly(story, story.replace("Tuesday", "Wednesday"));
    }

    @Test
    void aPageWithoutAnyStoryIsRejected() {
        Input input = reader.page("file:///empty.html", null,
                "<html><body><nav><a href=\"/\">Home</a></nav><footer>© 2024</footer></body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null);
        assertThat(input).isEqualTo(new Input.Rejected("file:///empty.html", "no article text"));
    }

    /**
     * Issue 17: a page of thousands of nested elements (25 KB for 5,000) overflowed the stack in the recursive
     * walk of the main text, and the StackOverflowError killed the run. Every walk over the tree is iterative.
     */
    @ParameterizedTest(name = "{0} nested divs")
    @org.junit.jupiter.params.provider.ValueSource(ints = {5_000, 100_000})
    void aDeeplyNestedPageIsReadWithoutOverflowingTheStack(int depth) {
        String story = "The two ministers signed the agreement on space resources in Luxembourg on Tuesday, officials said.";
        String html = "<html><body>" + "<div>".repeat(depth) + "<p>" + story + "</p>" + "</div>".repeat(depth) + "</body></html>";

        Input input = reader.page("file:///nested.html", null, html.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);

        assertThat(input).isInstanceOf(Input.Article.class);
        assertThat(((Input.Article) input).article().body()).isEqualTo(story);
    }

    @Test
    void deeplyNestedJsonLdIsOnlyAHintThatIsNotRead() {
        String jsonLd = "[".repeat(5_000) + "{\"datePublished\":\"2022-01-01\"}" + "]".repeat(5_000);
        HtmlExtractor.HtmlArticle page = new HtmlExtractor(Dates.dayFirst()).extract("<head><script type=\"application/ld+json\">"
                + jsonLd + "</script></head><body><p>Text.</p></body>", "");
        assertThat(page.publishedAt()).isNull();
    }

    private Input read(String file) throws IOException {
        try (InputStream in = HtmlExtractorTest.class.getResourceAsStream("pages/" + file)) {
            assertThat(in).as("test page " + file).isNotNull();
            List<Input> inputs = new ArrayList<>();
            inputs.add(reader.page("file:///pages/" + file, null, in.readAllBytes(), null));
            return inputs.get(0);
        }
    }
}

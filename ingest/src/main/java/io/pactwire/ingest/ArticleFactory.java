package io.pactwire.ingest;

import io.pactwire.model.RawArticle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Makes the article of one input from what extraction found in it, or says why there is none: its id (from its
 * URL, else the file that is it, else its content: {@link ArticleIds}), its size against
 * {@code ingest.max.article.bytes}, a plausible publication date, and the record's own checks. The step between
 * extraction ({@link TextExtractor}, {@link HtmlExtractor}, {@link FeedReader}, JSON lines) and the revision
 * decision ({@link Revisions}); it reads no file and no network, and its only clock is the one it is given.
 */
public final class ArticleFactory {
    private static final List<Function<String, LocalDate>> ISO_FORMS = List.of(LocalDate::parse,
            t -> OffsetDateTime.parse(t).toLocalDate(), t -> LocalDate.ofInstant(Instant.parse(t), ZoneOffset.UTC),
            t -> LocalDateTime.parse(t).toLocalDate());

    private final long maxArticleBytes;
    private final Dates dates;
    private final Clock clock;

    /**
     * @param maxArticleBytes the most bytes of UTF-8 an article's text may have ({@code ingest.max.article.bytes})
     * @param dates           how a JSON line's {@code publishedAt} in words is read ({@code ingest.date.order})
     * @param clock           when an article is read, and what "a year ahead" is measured from
     */
    public ArticleFactory(long maxArticleBytes, Dates dates, Clock clock) {
        this.maxArticleBytes = maxArticleBytes;
        this.dates = dates;
        this.clock = clock;
    }

    /** The most bytes an article's text, or a JSON line, may have. */
    long maxArticleBytes() {
        return maxArticleBytes;
    }

    /**
     * The article of an extracted text, identified by its URL when known, else by the file it is when it was read
     * from one, else by its content.
     *
     * @param url         where it was fetched from, or its page's canonical URL, or null
     * @param publishedAt the page's own date, which wins over the dateline's; an implausible one is dropped, as a
     *                    page's metadata or a dateline is a hint, not a reason to refuse the page
     * @param language    the page's declared language, or null
     * @param file        the file that is this one article, or null
     */
    public Input article(String source, TextExtractor.Extracted extracted, String url, String publishedAt, String language,
                         Path file) {
        if (extracted.body().isBlank()) {
            return new Input.Rejected(source, "no article text");
        }
        int bytes = extracted.body().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxArticleBytes) {
            return new Input.Rejected(source, "article text is " + bytes + " bytes, over the limit of " + maxArticleBytes
                    + " (ingest.max.article.bytes)");
        }
        if (publishedAt != null && publishedAtProblem(publishedAt) != null) {
            publishedAt = null;
        }
        String id = url != null ? ArticleIds.forUrl(url)
                : file != null ? ArticleIds.forFile(file)
                : ArticleIds.forContent(extracted.title(), extracted.body());
        try {
            // one construction: each copy would check every field and scan the body again
            return new Input.Article(source, new RawArticle(id, source, url, extracted.title(), extracted.body(),
                    extracted.dateline(), publishedAt != null ? publishedAt : extracted.publishedAt(), language, null, 1,
                    clock.instant()));
        } catch (IllegalArgumentException e) {
            return new Input.Rejected(source, e.getMessage());
        }
    }

    /**
     * The article of a parsed JSON line: its own id, else one from its URL, else from its content (a JSON file or
     * stream may hold several articles, so its path names none of them). A {@code publishedAt} in words is read as a
     * date; an implausible one refuses the line, as the line says it is the article's date.
     */
    Input article(String source, JsonLine line) {
        String publishedAt = line.publishedAt();
        if (publishedAt != null && !publishedAt.isBlank()) {
            var date = dates.parse(publishedAt);
            if (date.isPresent()) {
                publishedAt = date.get().toString();
            }
        }
        String tooEarlyOrLate = publishedAtProblem(publishedAt);
        if (tooEarlyOrLate != null) {
            return new Input.Rejected(source, "publishedAt: " + tooEarlyOrLate);
        }
        String title = line.title() == null ? "" : line.title();
        String id = line.id() != null ? line.id()
                : line.url() != null && !line.url().isBlank() ? ArticleIds.forUrl(line.url())
                : ArticleIds.forContent(title, line.body());
        try {
            String publisher = JsonLine.publisherHost(line.source());
            return new Input.Article(source, new RawArticle(id, source, line.url(), title, line.body(), line.dateline(),
                    publishedAt, null, null, 1, clock.instant(), publisher));
        } catch (IllegalArgumentException e) {
            return new Input.Rejected(source, e.getMessage());
        }
    }

    /**
     * Why an ISO publication date is not a plausible one, or null: before {@link RawArticle#MIN_PUBLISHED_YEAR}, or
     * more than a year after today by this factory's clock (a typo, or a date meant to pin an article to the top of
     * every list sorted by date). Text that is not an ISO date is left to the record, which says so.
     */
    String publishedAtProblem(String publishedAt) {
        if (publishedAt == null || publishedAt.isBlank()) {
            return null;
        }
        LocalDate date = isoLocalDate(publishedAt.strip());
        if (date == null) {
            return null;
        }
        LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(1);
        if (date.getYear() < RawArticle.MIN_PUBLISHED_YEAR) {
            return "must not be before " + RawArticle.MIN_PUBLISHED_YEAR + ", got \"" + publishedAt + "\"";
        }
        if (date.isAfter(latest)) {
            return "must not be more than a year ahead (after " + latest + "), got \"" + publishedAt + "\"";
        }
        return null;
    }

    private static LocalDate isoLocalDate(String text) {
        for (Function<String, LocalDate> form : ISO_FORMS) {
            try {
                return form.apply(text);
            } catch (DateTimeException notThisForm) {
                // the next form
            }
        }
        return null;
    }
}

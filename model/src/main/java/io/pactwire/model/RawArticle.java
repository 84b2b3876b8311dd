package io.pactwire.model;

import java.time.Instant;

/**
 * An article as ingested: the value of {@code news.raw}, keyed by {@link #id()}.
 *
 * @param id          stable article id (also the record key): at most {@link #MAX_ID_CHARS} characters of printable
 *                    text, no leading or trailing whitespace, and no control (Cc), format (Cf, e.g. bidi overrides)
 *                    or line and paragraph separator (Zl, Zp) character
 * @param sourceUri   where it was read from: a {@code file:} URI, an http(s) URL, or {@code stdin:line/N}
 * @param url         canonical URL of the article when known
 * @param title       the headline; empty when the source has none
 * @param body        the main text, without page chrome; never blank. No text field holds a control character
 *                    other than whitespace, an unpaired surrogate or a noncharacter (U+FFFE, U+FFFF)
 * @param dateline    the dateline as printed ("Luxembourg, January 16, 2018"), when there is one
 * @param publishedAt ISO-8601 date or date-time of publication, when known, in the years {@link #MIN_PUBLISHED_YEAR}
 *                    to {@link #MAX_PUBLISHED_YEAR}
 * @param language    ISO 639-1 language code, when known
 * @param contentHash SHA-256 of the normalised title and body ({@link ContentHash}); computed when absent
 * @param revision    1 for the first version of an article, incremented when its content changes; at most
 *                    {@link #MAX_REVISION}
 * @param ingestedAt  when ingest read it
 * @param publisher   the host name of the site that published it ({@code cabinetoffice.gov.lk}), when the input names
 *                    its publisher but no article URL (a JSON line's {@code source}); the tagger reads a government
 *                    publisher's country from it, or from the host of {@link #url()}
 */
public record RawArticle(
        String id,
        String sourceUri,
        String url,
        String title,
        String body,
        String dateline,
        String publishedAt,
        String language,
        String contentHash,
        int revision,
        Instant ingestedAt,
        String publisher) {

    /** Longest article id, in characters: it is the key of every topic the article reaches. */
    public static final int MAX_ID_CHARS = 512;

    /**
     * The years a publication date may be in. Fixed, not relative to today, so that a record read again in a
     * replay is judged as it was at first; news before 1800 is history, and a year past 2999 is a typo or
     * abuse (ingest refuses dates more than a year ahead of its clock besides).
     */
    public static final int MIN_PUBLISHED_YEAR = 1800;
    public static final int MAX_PUBLISHED_YEAR = 2999;

    /**
     * Highest revision. An article is edited a handful of times; a million revisions is an edit every minute
     * for almost two years, more than any honest history, so a higher number is a producer's mistake or
     * abuse. Refused where records are read, it can no longer pin an article (a newer revision wins
     * downstream) nor make {@code revision + 1} overflow anywhere: it is far below {@link Integer#MAX_VALUE}.
     */
    public static final int MAX_REVISION = 1_000_000;

    public RawArticle {
        id = Fields.requireId("id", id, MAX_ID_CHARS);
        sourceUri = Fields.requireText("sourceUri", Fields.blankToNull(sourceUri));
        url = Fields.requireText("url", Fields.blankToNull(url));
        title = Fields.requireText("title", Fields.nullToEmpty(title).strip());
        body = Fields.requireText("body", Fields.requireNonBlank("body", body));
        dateline = Fields.requireText("dateline", Fields.blankToNull(dateline));
        publishedAt = Fields.requireIsoDateInYearsOrNull("publishedAt", publishedAt, MIN_PUBLISHED_YEAR, MAX_PUBLISHED_YEAR);
        language = Fields.requireText("language", Fields.blankToNull(language));
        contentHash = contentHash == null || contentHash.isBlank() ? ContentHash.of(title, body)
                : Fields.requireText("contentHash", contentHash);
        if (revision == 0) {
            revision = 1;
        } else if (revision < 0) {
            throw new InvalidFieldException("revision", "must be positive, got " + revision);
        } else if (revision > MAX_REVISION) {
            throw new InvalidFieldException("revision", "must be at most " + MAX_REVISION + " (RawArticle.MAX_REVISION), got "
                    + revision);
        }
        publisher = Fields.requireText("publisher", Fields.blankToNull(publisher));
    }

    /** An article without a publisher of its own: the site is that of {@code url}, when known. */
    public RawArticle(String id, String sourceUri, String url, String title, String body, String dateline,
                      String publishedAt, String language, String contentHash, int revision, Instant ingestedAt) {
        this(id, sourceUri, url, title, body, dateline, publishedAt, language, contentHash, revision, ingestedAt, null);
    }

    /** The site that published the article, as given: {@link #publisher()} when known, else {@link #url()}, else null. */
    public String site() {
        return publisher != null ? publisher : url;
    }

    /**
     * {@code id} when it is a valid article id ({@link #id()}), for inputs to check their ids where they enter
     * with the same rule as the record.
     *
     * @throws InvalidFieldException naming the field {@code id} and the problem
     */
    public static String requireValidId(String id) {
        return Fields.requireId("id", id, MAX_ID_CHARS);
    }

    /** A first revision with only the required fields set; the rest via the {@code with*} methods. */
    public static RawArticle of(String id, String title, String body) {
        return new RawArticle(id, null, null, title, body, null, null, null, null, 1, null);
    }

    public RawArticle withSourceUri(String value) {
        return new RawArticle(id, value, url, title, body, dateline, publishedAt, language, contentHash, revision, ingestedAt, publisher);
    }

    public RawArticle withUrl(String value) {
        return new RawArticle(id, sourceUri, value, title, body, dateline, publishedAt, language, contentHash, revision, ingestedAt, publisher);
    }

    public RawArticle withDateline(String value) {
        return new RawArticle(id, sourceUri, url, title, body, value, publishedAt, language, contentHash, revision, ingestedAt, publisher);
    }

    public RawArticle withPublishedAt(String value) {
        return new RawArticle(id, sourceUri, url, title, body, dateline, value, language, contentHash, revision, ingestedAt, publisher);
    }

    public RawArticle withLanguage(String value) {
        return new RawArticle(id, sourceUri, url, title, body, dateline, publishedAt, value, contentHash, revision, ingestedAt, publisher);
    }

    public RawArticle withRevision(int value) {
        return new RawArticle(id, sourceUri, url, title, body, dateline, publishedAt, language, contentHash, value, ingestedAt, publisher);
    }

    public RawArticle withPublisher(String value) {
        return new RawArticle(id, sourceUri, url, title, body, dateline, publishedAt, language, contentHash, revision, ingestedAt, value);
    }

    public RawArticle withIngestedAt(Instant value) {
        return new RawArticle(id, sourceUri, url, title, body, dateline, publishedAt, language, contentHash, revision, value, publisher);
    }
}

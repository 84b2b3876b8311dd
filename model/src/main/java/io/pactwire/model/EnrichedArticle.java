package io.pactwire.model;

import java.time.Instant;
import java.util.List;

/**
 * An article with the countries and agreements it reports: the value of {@code news.enriched} and of
 * {@code news.articles}, keyed by {@link #id()}. It carries no body: the text stays in {@code news.raw}
 * under the same key, and evidence spans quote what they point at.
 *
 * @param id          the article id (the record key)
 * @param sourceUri   where the article was read from
 * @param url         canonical URL when known
 * @param title       the headline
 * @param dateline    the dateline as printed, when there is one
 * @param publishedAt ISO-8601 date or date-time of publication, when known
 * @param language    ISO 639-1 language code, when known
 * @param contentHash the raw article's content hash this result was computed from
 * @param revision    the raw article's revision this result was computed from
 * @param countries   countries mentioned, most mentioned first
 * @param agreements  agreements reported
 * @param versions    versions of the tagger and its data that produced this result
 * @param enrichedAt  when the enricher produced it
 */
public record EnrichedArticle(
        String id,
        String sourceUri,
        String url,
        String title,
        String dateline,
        String publishedAt,
        String language,
        String contentHash,
        int revision,
        List<CountryTag> countries,
        List<AgreementTag> agreements,
        Versions versions,
        Instant enrichedAt) {

    public EnrichedArticle {
        id = Fields.requireNonBlank("id", id);
        sourceUri = Fields.blankToNull(sourceUri);
        url = Fields.blankToNull(url);
        title = Fields.nullToEmpty(title);
        dateline = Fields.blankToNull(dateline);
        publishedAt = Fields.requireIsoDateOrNull("publishedAt", publishedAt);
        language = Fields.blankToNull(language);
        contentHash = Fields.requireNonBlank("contentHash", contentHash);
        if (revision < 1) {
            throw new InvalidFieldException("revision", "must be at least 1, got " + revision);
        }
        countries = Fields.copyOrEmpty("countries", countries);
        agreements = Fields.copyOrEmpty("agreements", agreements);
        Fields.requireNonNull("versions", versions);
    }

    /** The result of tagging {@code raw}: its metadata with the given tags. */
    public static EnrichedArticle of(RawArticle raw, List<CountryTag> countries, List<AgreementTag> agreements,
                                     Versions versions, Instant enrichedAt) {
        return new EnrichedArticle(raw.id(), raw.sourceUri(), raw.url(), raw.title(), raw.dateline(),
                raw.publishedAt(), raw.language(), raw.contentHash(), raw.revision(),
                countries, agreements, versions, enrichedAt);
    }
}

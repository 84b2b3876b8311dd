package io.pactwire.model;

import java.time.Instant;
import java.util.List;

/**
 * One agreement an article reports, as a row of an event database: the value of {@code news.agreements},
 * keyed by {@link #agreementId()}. A re-tag that no longer finds the agreement writes a tombstone.
 *
 * @param agreementId  stable id: article id, type and parties ({@link AgreementIds})
 * @param type         what kind of agreement
 * @param status       where it stands
 * @param parties      the sides, when named
 * @param date         ISO-8601 date of the event, when known
 * @param articleId    the article that reports it
 * @param articleTitle that article's title
 * @param articleUrl   that article's URL, when known
 * @param publishedAt  when that article was published, when known
 * @param evidence     the spans of the article that report it
 * @param versions     versions of the tagger and its data that found it
 * @param detectedAt   when the enricher found it
 */
public record AgreementRecord(
        String agreementId,
        AgreementType type,
        AgreementStatus status,
        List<Party> parties,
        String date,
        String articleId,
        String articleTitle,
        String articleUrl,
        String publishedAt,
        List<Evidence> evidence,
        Versions versions,
        Instant detectedAt) {

    public AgreementRecord {
        agreementId = Fields.requireNonBlank("agreementId", agreementId);
        Fields.requireNonNull("type", type);
        status = status == null ? AgreementStatus.UNKNOWN : status;
        parties = Fields.copyOrEmpty("parties", parties);
        date = Fields.requireIsoDateOrNull("date", date);
        articleId = Fields.requireNonBlank("articleId", articleId);
        articleTitle = Fields.nullToEmpty(articleTitle);
        articleUrl = Fields.blankToNull(articleUrl);
        publishedAt = Fields.requireIsoDateOrNull("publishedAt", publishedAt);
        evidence = Fields.copyOrEmpty("evidence", evidence);
        Fields.requireNonNull("versions", versions);
    }

    /** The agreements of an enrichment result, one record each, keyed by their ids. */
    public static List<AgreementRecord> of(EnrichedArticle article) {
        return article.agreements().stream()
                .map(tag -> new AgreementRecord(AgreementIds.of(article.id(), tag.type(), tag.parties()), tag.type(),
                        tag.status(), tag.parties(), tag.date(), article.id(), article.title(), article.url(),
                        article.publishedAt(), tag.evidence(), article.versions(), article.enrichedAt()))
                .toList();
    }
}

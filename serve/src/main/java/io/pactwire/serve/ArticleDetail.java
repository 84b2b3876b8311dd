package io.pactwire.serve;

import io.pactwire.model.AgreementRecord;
import io.pactwire.model.EnrichedArticle;

import java.util.List;

/**
 * One article as {@code GET /api/articles/{id}} answers: the result of {@code news.articles}, the records of
 * {@code news.agreements} it reported, and its text from {@code news.raw}, in which the evidence spans
 * ({@code field}, {@code start}, {@code end}) point.
 *
 * @param article    the article's latest result
 * @param agreements its agreements, by id
 * @param text       its text, null (left out of the JSON) when {@code news.raw} no longer holds it
 */
public record ArticleDetail(EnrichedArticle article, List<AgreementRecord> agreements, Text text) {

    public ArticleDetail {
        agreements = List.copyOf(agreements);
    }

    /**
     * The text of {@code news.raw}.
     *
     * @param contentHash the content hash of this text: the evidence points into it when it equals the article's
     */
    public record Text(String title, String dateline, String body, String contentHash) {
    }
}

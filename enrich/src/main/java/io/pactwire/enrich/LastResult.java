package io.pactwire.enrich;

import io.pactwire.model.Versions;

import java.util.List;
import java.util.Objects;

/**
 * What the enricher remembers of the last result per article (the value of its {@code last-results}
 * store): enough to skip an unchanged article and to retract agreements a re-tag no longer finds.
 *
 * @param contentHash  content hash of the raw article last tagged
 * @param versions     versions that tagged it
 * @param agreementIds ids of the agreements written for it to {@code news.agreements}
 */
public record LastResult(String contentHash, Versions versions, List<String> agreementIds) {

    public LastResult {
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(versions, "versions");
        agreementIds = agreementIds == null ? List.of() : List.copyOf(agreementIds);
    }

    /** True when tagging an article with this content hash and these versions would give this result again. */
    boolean sameInput(String otherContentHash, Versions otherVersions) {
        return contentHash.equals(otherContentHash) && versions.equals(otherVersions);
    }
}

package io.pactwire.store;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Versions;

import java.time.Instant;
import java.util.Comparator;

/**
 * What the store knows of the result it holds for an article, and the order in which results replace
 * each other: a newer content revision first, then newer tagger versions, then (only to break ties
 * deterministically) the content hash and the time of enrichment. The stored result is always the
 * greatest one seen, whatever order the results arrive in.
 *
 * @param revision    the raw article's content revision
 * @param versions    the versions that tagged it
 * @param contentHash the raw article's content hash
 * @param enrichedAt  when it was enriched, or null
 */
public record StoredResult(int revision, Versions versions, String contentHash, Instant enrichedAt) {

    static final Comparator<StoredResult> ORDER = Comparator.comparingInt(StoredResult::revision)
            .thenComparing(StoredResult::versions, VersionOrder.VERSIONS)
            .thenComparing(StoredResult::contentHash)
            .thenComparing(StoredResult::enrichedAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    public static StoredResult of(EnrichedArticle article) {
        return new StoredResult(article.revision(), article.versions(), article.contentHash(), article.enrichedAt());
    }

    /** What to do with an incoming result, given the one stored (null when none). */
    public enum Decision {
        /** Newer than what is stored (or nothing is): write it. */
        STORE,
        /** Older than what is stored: skip it and count it. */
        SKIP_STALE,
        /** The same result again: nothing to write. */
        SKIP_DUPLICATE
    }

    public static Decision decide(StoredResult stored, StoredResult incoming) {
        if (stored == null) {
            return Decision.STORE;
        }
        int order = ORDER.compare(incoming, stored);
        return order > 0 ? Decision.STORE : order < 0 ? Decision.SKIP_STALE : Decision.SKIP_DUPLICATE;
    }
}

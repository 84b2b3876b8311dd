package io.pactwire.connect;

import io.pactwire.ingest.KnownArticles;
import io.pactwire.model.RawArticle;

import java.util.Map;
import java.util.Optional;

/**
 * What the source offsets say: one source partition per article id, {@code {"article": ID}}, whose offset is the
 * content hash and revision last written for it, {@code {"hash": H, "revision": N}}. That is what ingest learns
 * from {@code news.raw} ({@link KnownArticles.Known}), kept by Connect instead: a feed's items and a folder's files
 * are each an article, so a restarted or rebalanced task, or another task that reads the same article, finds
 * what was written for it, writes it again only when its content changed, at the next revision, and misses
 * nothing whose offset was not committed. With exactly-once source support the offsets are committed in the
 * transaction of the records they describe.
 *
 * <p>A rejected input has a partition of its own, {@code {"rejected": SOURCE}} with the reason as offset, for the
 * dead-letter record that reports it: Connect needs a partition for every record, and the rejections then show
 * in the connector's offsets.
 */
final class ArticleOffsets {
    static final String ARTICLE = "article";
    static final String HASH = "hash";
    static final String REVISION = "revision";
    static final String REJECTED = "rejected";
    static final String REASON = "reason";

    private ArticleOffsets() {
    }

    static Map<String, String> partition(String articleId) {
        return Map.of(ARTICLE, articleId);
    }

    static Map<String, Object> offset(RawArticle article) {
        return Map.of(HASH, article.contentHash(), REVISION, article.revision());
    }

    static Map<String, String> rejectedPartition(String source) {
        return Map.of(REJECTED, source);
    }

    static Map<String, Object> rejectedOffset(String reason) {
        return Map.of(REASON, reason);
    }

    /**
     * The hash and revision an offset holds; empty for no offset. A revision arrives as a Long from the JSON of
     * the offsets topic and as an Integer from memory.
     *
     * @throws IllegalArgumentException for an offset of another shape (written by hand through the REST API)
     */
    static Optional<KnownArticles.Known> known(Map<String, ?> offset) {
        if (offset == null) {
            return Optional.empty();
        }
        Object hash = offset.get(HASH);
        Object revision = offset.get(REVISION);
        if (!(hash instanceof String h) || h.isEmpty() || !(revision instanceof Number n) || n.longValue() < 1
                || n.longValue() > RawArticle.MAX_REVISION) {
            throw new IllegalArgumentException("an article's offset must be {\"" + HASH + "\": content hash, \"" + REVISION
                    + "\": 1 to " + RawArticle.MAX_REVISION + "}, not " + offset);
        }
        return Optional.of(new KnownArticles.Known(h, n.intValue()));
    }
}

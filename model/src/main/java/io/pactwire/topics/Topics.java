package io.pactwire.topics;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

import java.util.List;
import java.util.Map;

/**
 * The topics of Pactwire. See {@code docs/topics.md} for their contracts.
 *
 * <pre>
 * ingest ─► news.raw ─► enrich ─► news.enriched ─► store ─► news.articles
 *                          └─► news.dlq
 * </pre>
 */
public final class Topics {
    private static final Serde<String> STRING = org.apache.kafka.common.serialization.Serdes.String();
    private static final Serde<byte[]> BYTES = org.apache.kafka.common.serialization.Serdes.ByteArray();

    /**
     * Every article as ingested, keyed by article id. Compacted with no time-based deletion, so a replay
     * from the beginning always sees the latest revision of every article.
     */
    public static final TopicDescriptor<String, RawArticle> RAW = new TopicDescriptor<>(
            "news.raw", STRING, Serdes.RAW_ARTICLE, CleanupPolicy.COMPACT,
            settings -> Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));

    /** Every enrichment result, keyed by article id, in the order produced. Deleted after the retention. */
    public static final TopicDescriptor<String, EnrichedArticle> ENRICHED = new TopicDescriptor<>(
            "news.enriched", STRING, Serdes.ENRICHED_ARTICLE, CleanupPolicy.DELETE,
            settings -> Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.enrichedRetention().toMillis())));

    /** The latest enrichment result per article: the current view that downstream consumers read. */
    public static final TopicDescriptor<String, EnrichedArticle> ARTICLES = new TopicDescriptor<>(
            "news.articles", STRING, Serdes.ENRICHED_ARTICLE, CleanupPolicy.COMPACT,
            settings -> Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));

    /**
     * Records that could not be processed: the original key and value bytes, with headers naming the
     * reason and where they came from ({@link DeadLetterHeaders}).
     */
    public static final TopicDescriptor<byte[], byte[]> DEAD_LETTERS = new TopicDescriptor<>(
            "news.dlq", BYTES, BYTES, CleanupPolicy.DELETE,
            settings -> Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.deadLetterRetention().toMillis())));

    private Topics() {
    }

    /** All topics, in the order data flows through them. */
    public static List<TopicDescriptor<?, ?>> all() {
        return List.of(RAW, ENRICHED, ARTICLES, DEAD_LETTERS);
    }
}

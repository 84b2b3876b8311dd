package io.pactwire.topics;

import io.pactwire.model.AgreementRecord;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The topics of Pactwire. See {@code docs/topics.md} for their contracts.
 *
 * <pre>
 * ingest ─► news.raw ─► enrich ─► news.enriched ─► store ─► news.articles
 *                          ├─► news.agreements
 *                          └─► news.dlq
 * </pre>
 */
public final class Topics {
    private static final Serde<String> STRING = org.apache.kafka.common.serialization.Serdes.String();
    private static final Serde<byte[]> BYTES = org.apache.kafka.common.serialization.Serdes.ByteArray();

    /** Largest raw record the topic takes; the enricher dead-letters bodies over enrich.max.body.chars. */
    static final int RAW_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** Dead letters carry the original record, which may be as large as a raw record, plus headers. */
    static final int DEAD_LETTER_MAX_MESSAGE_BYTES = 2 * RAW_MAX_MESSAGE_BYTES;

    /**
     * Every article as ingested, keyed by article id. Compacted with no time-based deletion, so a replay
     * from the beginning always sees the latest revision of every article. Takes records up to 16 MiB, so
     * that an oversized article reaches the enricher and is dead-lettered with its reason.
     */
    public static final TopicDescriptor<String, RawArticle> RAW = new TopicDescriptor<>(
            "news.raw", STRING, Serdes.RAW_ARTICLE, CleanupPolicy.COMPACT,
            settings -> Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RAW_MAX_MESSAGE_BYTES)));

    /** Every enrichment result, keyed by article id, in the order produced. Deleted after the retention. */
    public static final TopicDescriptor<String, EnrichedArticle> ENRICHED = new TopicDescriptor<>(
            "news.enriched", STRING, Serdes.ENRICHED_ARTICLE, CleanupPolicy.DELETE,
            settings -> Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.enrichedRetention().toMillis())));

    /** The latest enrichment result per article: the current view that downstream consumers read. */
    public static final TopicDescriptor<String, EnrichedArticle> ARTICLES = new TopicDescriptor<>(
            "news.articles", STRING, Serdes.ENRICHED_ARTICLE, CleanupPolicy.COMPACT,
            settings -> Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));

    /**
     * One record per agreement an article reports, keyed by a stable agreement id (article id, type and
     * parties): a table of agreements. A re-tag that no longer finds an agreement writes a tombstone.
     */
    public static final TopicDescriptor<String, AgreementRecord> AGREEMENTS = new TopicDescriptor<>(
            "news.agreements", STRING, Serdes.AGREEMENT_RECORD, CleanupPolicy.COMPACT,
            settings -> Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));

    /**
     * Records that could not be processed: the original key and value bytes, with headers naming the
     * reason and where they came from ({@link DeadLetterHeaders}).
     */
    public static final TopicDescriptor<byte[], byte[]> DEAD_LETTERS = new TopicDescriptor<>(
            "news.dlq", BYTES, BYTES, CleanupPolicy.DELETE,
            settings -> Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.deadLetterRetention().toMillis()),
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(DEAD_LETTER_MAX_MESSAGE_BYTES)));

    /**
     * Pactwire's services, by the topics they write and read. A service provisions the topics it writes; a
     * topic it only reads belongs to the service that writes it, so a service that finds such a topic missing
     * creates it with a warning naming its owner, and a service never touches a topic it neither writes nor
     * reads (a topic deleted under its owner is not silently recreated by an unrelated start).
     */
    public enum Service {
        INGEST, ENRICH, STORE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Topics() {
    }

    /** All topics, in the order data flows through them. */
    public static List<TopicDescriptor<?, ?>> all() {
        return List.of(RAW, ENRICHED, ARTICLES, AGREEMENTS, DEAD_LETTERS);
    }

    /** The topics {@code service} writes: its own, which it provisions. */
    public static List<TopicDescriptor<?, ?>> writtenBy(Service service) {
        return switch (service) {
            case INGEST -> List.of(RAW);
            case ENRICH -> List.of(ENRICHED, AGREEMENTS, DEAD_LETTERS);
            case STORE -> List.of(ARTICLES, DEAD_LETTERS);
        };
    }

    /** The topics {@code service} reads; those it does not write belong to another service. */
    public static List<TopicDescriptor<?, ?>> readBy(Service service) {
        return switch (service) {
            case INGEST, ENRICH -> List.of(RAW);
            case STORE -> List.of(ENRICHED, ARTICLES);
        };
    }

    /** The topics {@code service} works with, written or read, each once, in the order data flows. */
    public static List<TopicDescriptor<?, ?>> usedBy(Service service) {
        return all().stream().filter(t -> writtenBy(service).contains(t) || readBy(service).contains(t)).toList();
    }

    /** The services that write {@code topic}: its owners. */
    public static List<Service> writersOf(TopicDescriptor<?, ?> topic) {
        return Arrays.stream(Service.values()).filter(s -> writtenBy(s).contains(topic)).toList();
    }
}

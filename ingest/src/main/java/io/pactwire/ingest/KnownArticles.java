package io.pactwire.ingest;

import io.pactwire.runtime.LogFields;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.model.Json;
import io.pactwire.model.RawArticle;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content hash and revision of every article already in {@code news.raw}, so that ingest publishes
 * only what is new or changed, and numbers a changed article's revisions.
 *
 * <p>The compacted topic itself is the record: at start ingest reads it from the beginning to its end
 * offsets (keeping only id, hash and revision), then keeps the map current as it publishes. Nothing is
 * kept on the ingest machine, so a restart, a second machine or a fresh container sees exactly what
 * consumers see, and a lost or stale local file can never make ingest republish a whole archive or
 * number revisions twice. The cost is one read of the compacted topic at start: after compaction about
 * one record per article. Two ingest processes racing on the same changed article may both publish it
 * with the same revision number; the last one wins in compaction, and consumers key on the id.
 *
 * <p>A record whose revision is over {@link RawArticle#MAX_REVISION} (only another producer can write one)
 * is not trusted: it is logged with its topic-partition and offset, and while it is the article's latest
 * record {@link #overLimit} names it, so that ingest rejects that article rather than number a revision
 * after a number it cannot trust (retracting the article clears it).
 */
public final class KnownArticles {
    private static final Logger log = LoggerFactory.getLogger(KnownArticles.class);

    /** What {@code news.raw} holds for one article. */
    public record Known(String contentHash, int revision) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /** Articles whose latest record has a revision over the limit: what that record is and where. */
    private final Map<String, String> overLimit = new ConcurrentHashMap<>();

    /** An empty record: every article is new. */
    public static KnownArticles none() {
        return new KnownArticles();
    }

    /** Reads {@code topic} (news.raw under the pipeline's prefix) to its end with a consumer built from {@code properties}. */
    public static KnownArticles load(Map<String, Object> properties, String topic, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return load(consumer, topic, timeout);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("Could not read " + topic + " from " + properties.get("bootstrap.servers")
                    + " within " + timeout.toMillis() + " ms (ingest.known.articles.timeout.ms): " + e.getMessage(), e);
        }
    }

    static KnownArticles load(Consumer<byte[], byte[]> consumer, String topic, Duration timeout) {
        KnownArticles articles = new KnownArticles();
        Instant deadline = Instant.now().plus(timeout);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        int records = 0;
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), timeout) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Could not read " + topic + " to its end within " + timeout
                        + " (ingest.known.articles.timeout.ms)");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                records++;
                articles.remember(record);
            }
        }
        log.info("Read {} records of {}: {} articles known", records, topic, articles.known.size());
        return articles;
    }

    private void remember(ConsumerRecord<byte[], byte[]> record) {
        String key = record.key() == null ? null : Topics.RAW.keySerde().deserializer().deserialize(record.topic(), record.key());
        if (key == null) {
            return;
        }
        if (record.value() == null) {
            known.remove(key); // tombstone: the article was retracted
            overLimit.remove(key);
            return;
        }
        Known found = fromHeaders(record);
        if (found == null) {
            try {
                // written by another producer than ingest, or before ingest wrote the headers
                RawArticle article = Topics.RAW.valueSerde().deserializer().deserialize(record.topic(), record.value());
                found = new Known(article.contentHash(), article.revision());
            } catch (SerializationException e) {
                BigInteger revision = revisionIn(record.value());
                if (revision != null && revision.compareTo(BigInteger.valueOf(RawArticle.MAX_REVISION)) > 0) {
                    overTheLimit(key, record, revision.toString());
                } else {
                    LogFields.record(log.atWarn(), record.topic(), record.partition(), record.offset())
                            .addKeyValue(LogFields.REASON, e.getMessage())
                            .log("Unreadable record in {} at {}: {}", record.topic(), where(record), e.getMessage());
                }
                return;
            }
        }
        if (found.revision() > RawArticle.MAX_REVISION) {
            overTheLimit(key, record, Integer.toString(found.revision()));
            return;
        }
        overLimit.remove(key);
        known.merge(key, found, (old, now) -> now.revision() >= old.revision() ? now : old);
    }

    private void overTheLimit(String key, ConsumerRecord<byte[], byte[]> record, String revision) {
        String what = "revision " + revision + " at " + where(record);
        LogFields.record(log.atWarn(), record.topic(), record.partition(), record.offset())
                .addKeyValue(LogFields.ARTICLE_ID, key).addKeyValue(LogFields.REASON, "revision " + revision + " over the limit")
                .log("Unreadable record in {} for article {}: {}, over the limit of {} (RawArticle.MAX_REVISION); not trusted,"
                + " and the article is rejected until it is retracted", record.topic(), key, what, RawArticle.MAX_REVISION);
        overLimit.put(key, what);
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** The number a value that the serde refused gives as its revision, or null when it gives none. */
    private static BigInteger revisionIn(byte[] value) {
        try {
            JsonNode revision = Json.mapper().readTree(value).path("revision");
            return revision.isIntegralNumber() ? revision.bigIntegerValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The content hash and revision ingest wrote in the headers, or null when a header is missing or malformed. */
    private static Known fromHeaders(ConsumerRecord<byte[], byte[]> record) {
        Header hash = record.headers().lastHeader(ArticlePublisher.CONTENT_HASH_HEADER);
        Header revision = record.headers().lastHeader(ArticlePublisher.REVISION_HEADER);
        if (hash == null || revision == null || hash.value() == null || revision.value() == null) {
            return null;
        }
        try {
            // over the limit but within an int: remember() refuses it; beyond an int: the value decides
            int number = Integer.parseInt(new String(revision.value(), StandardCharsets.US_ASCII));
            return number > 0 && hash.value().length > 0 ? new Known(new String(hash.value(), StandardCharsets.US_ASCII), number) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What is known of {@code id}. */
    public Optional<Known> get(String id) {
        return Optional.ofNullable(known.get(id));
    }

    /**
     * The latest record of {@code id} when its revision is over {@link RawArticle#MAX_REVISION}: which revision
     * it claims and where it is ({@code news.raw-0@12}).
     */
    public Optional<String> overLimit(String id) {
        return Optional.ofNullable(overLimit.get(id));
    }

    /** Records that {@code id} now has this content at this revision. */
    public void put(String id, Known value) {
        known.put(id, value);
    }

    /** Forgets a revision that was not published after all, restoring the one before. */
    public void restore(String id, Known attempted, Optional<Known> before) {
        known.computeIfPresent(id, (k, current) -> current.equals(attempted) ? before.orElse(null) : current);
    }

    public int size() {
        return known.size();
    }
}

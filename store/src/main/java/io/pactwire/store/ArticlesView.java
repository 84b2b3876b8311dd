package io.pactwire.store;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.runtime.TopicReader;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The current view of {@code news.articles}, for a person or a test looking at it (the {@code articles}
 * command, the demo): reads the compacted topic from the beginning, outside any consumer group and with
 * {@code read_committed}, keeping the latest result per article (a tombstone removes it). What a downstream
 * consumer sees. It holds the whole view in memory: the services keep theirs in local indexes.
 */
public final class ArticlesView implements AutoCloseable {
    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicReader reader;
    private final List<TopicPartition> partitions;
    private final Map<String, EnrichedArticle> latest = new LinkedHashMap<>();

    /** One change to the view: an article stored or updated, or retracted ({@code article} null). */
    public record Change(String id, EnrichedArticle article) {
    }

    /** A view of {@code topic}: news.articles under the pipeline's prefix. */
    public ArticlesView(Map<String, Object> readerProperties, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(readerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.reader = new TopicReader(consumer, "the view's timeout");
        this.partitions = reader.partitions(topic, Duration.ofSeconds(30));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has arrived, waiting at most {@code timeout} for something new; returns the changes. */
    public List<Change> poll(Duration timeout) {
        List<Change> changes = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            changes.add(apply(record));
        }
        return changes;
    }

    private Change apply(ConsumerRecord<byte[], byte[]> record) {
        String id = Topics.ARTICLES.keySerde().deserializer().deserialize(topic, record.key());
        EnrichedArticle article = Topics.ARTICLES.valueSerde().deserializer().deserialize(topic, record.value());
        if (article == null) {
            latest.remove(id);
        } else {
            latest.put(id, article);
        }
        return new Change(id, article);
    }

    /**
     * Reads everything committed so far (to the last stable offset of every partition) and returns the view.
     *
     * @throws org.apache.kafka.common.errors.TimeoutException when that takes longer than {@code timeout}
     */
    public Map<String, EnrichedArticle> readToEnd(Duration timeout) {
        Map<TopicPartition, Long> from = new LinkedHashMap<>();
        for (TopicPartition partition : partitions) {
            from.put(partition, consumer.position(partition, timeout));
        }
        reader.read(from, timeout, this::apply);
        return current();
    }

    /** Reads until {@code done} holds for the view, or the timeout passes; empty on timeout. */
    public Optional<Map<String, EnrichedArticle>> awaitView(Predicate<Map<String, EnrichedArticle>> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.test(current())) {
            if (Instant.now().isAfter(deadline)) {
                return Optional.empty();
            }
            poll(Duration.ofMillis(200));
        }
        return Optional.of(current());
    }

    /** The latest result per article id, in the order ids were first seen. */
    public Map<String, EnrichedArticle> current() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(latest));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}

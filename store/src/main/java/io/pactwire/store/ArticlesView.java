package io.pactwire.store;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

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
 * The current view of {@code news.articles}: reads the compacted topic from the beginning, outside any
 * consumer group and with {@code read_committed}, keeping the latest result per article (a tombstone
 * removes it). What a downstream consumer sees.
 */
public final class ArticlesView implements AutoCloseable {
    private final String topic;
    private final KafkaConsumer<String, EnrichedArticle> consumer;
    private final List<TopicPartition> partitions;
    private final Map<String, EnrichedArticle> latest = new LinkedHashMap<>();

    /** One change to the view: an article stored or updated, or retracted ({@code article} null). */
    public record Change(String id, EnrichedArticle article) {
    }

    /** A view of {@code topic}: news.articles under the pipeline's prefix. */
    public ArticlesView(Map<String, Object> readerProperties, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(readerProperties, Topics.ARTICLES.keySerde().deserializer(),
                Topics.ARTICLES.valueSerde().deserializer());
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has arrived, waiting at most {@code timeout} for something new; returns the changes. */
    public List<Change> poll(Duration timeout) {
        List<Change> changes = new ArrayList<>();
        for (ConsumerRecord<String, EnrichedArticle> record : consumer.poll(timeout)) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
            changes.add(new Change(record.key(), record.value()));
        }
        return changes;
    }

    /** Reads everything committed so far (to the last stable offset of every partition) and returns the view. */
    public Map<String, EnrichedArticle> readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        Instant deadline = Instant.now().plus(timeout);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new org.apache.kafka.common.errors.TimeoutException("Could not read " + topic
                        + " to its end within " + timeout);
            }
            poll(Duration.ofMillis(200));
        }
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

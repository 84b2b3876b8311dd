package io.pactwire.store;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Serdes;
import io.pactwire.topics.PipelineTopics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Loads what {@code news.articles} holds for the articles of some {@code news.enriched} partitions: the
 * store's memory of what it has stored, so that it never overwrites a newer result with an older one.
 * An article's partition is the one Kafka's default partitioner gives its key; when both topics have as
 * many partitions (the normal case) only the same-numbered partitions of {@code news.articles} are read.
 */
class CurrentView {
    private static final Logger log = LoggerFactory.getLogger(CurrentView.class);

    private final PipelineTopics topics;
    private final Supplier<Consumer<byte[], byte[]>> readers;
    private final Duration timeout;

    CurrentView(Map<String, Object> readerProperties, PipelineTopics topics, Duration timeout) {
        this(() -> new KafkaConsumer<>(readerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer()), topics,
                timeout);
    }

    CurrentView(Supplier<Consumer<byte[], byte[]>> readers, PipelineTopics topics, Duration timeout) {
        this.readers = readers;
        this.topics = topics;
        this.timeout = timeout;
    }

    /** The stored result of every article of the given news.enriched partitions, by article id. */
    Map<String, StoredResult> load(Collection<TopicPartition> enrichedPartitions) {
        Map<String, StoredResult> view = new HashMap<>();
        if (enrichedPartitions.isEmpty()) {
            return view;
        }
        Set<Integer> wanted = enrichedPartitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        Instant started = Instant.now();
        try (Consumer<byte[], byte[]> reader = readers.get()) {
            int enrichedCount = reader.partitionsFor(topics.enriched().name(), timeout).size();
            List<TopicPartition> all = reader.partitionsFor(topics.articles().name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            boolean coPartitioned = all.size() == enrichedCount;
            List<TopicPartition> articlePartitions = all.stream()
                    .filter(p -> !coPartitioned || wanted.contains(p.partition()))
                    .toList();
            reader.assign(articlePartitions);
            reader.seekToBeginning(articlePartitions);
            Map<TopicPartition, Long> end = reader.endOffsets(articlePartitions, timeout);
            while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey(), timeout) < e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.key() == null || !wanted.contains(partitionFor(record.key(), enrichedCount))) {
                        continue;
                    }
                    String id = new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
                    if (record.value() == null) {
                        view.remove(id);
                        continue;
                    }
                    try {
                        EnrichedArticle article = Serdes.ENRICHED_ARTICLE.deserialize(record.topic(), record.value());
                        view.put(id, StoredResult.of(article));
                    } catch (SerializationException e) {
                        log.warn("Ignoring an unreadable record in {}-{}@{}: {}", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                    }
                }
            }
        }
        log.info("Loaded {} stored results for partitions {} of {} in {} ms", view.size(), wanted,
                topics.enriched().name(), Duration.between(started, Instant.now()).toMillis());
        return view;
    }

    /** The partition Kafka's default partitioner gives a key among {@code partitions}. */
    static int partitionFor(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }
}

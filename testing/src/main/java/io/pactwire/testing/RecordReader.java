package io.pactwire.testing;

import io.pactwire.runtime.TopicReader;
import io.pactwire.testkit.KafkaTestCluster;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a topic from the beginning, outside any consumer group, with {@code read_committed}: what a
 * downstream consumer would see. For assertions in tests; to the end with {@link TopicReader}, as the services read.
 */
public final class RecordReader<K, V> {
    private final KafkaTestCluster cluster;
    private final String topic;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;

    public RecordReader(KafkaTestCluster cluster, String topic, Deserializer<K> keys, Deserializer<V> values) {
        this.cluster = cluster;
        this.topic = topic;
        this.keyDeserializer = keys;
        this.valueDeserializer = values;
    }

    /**
     * Reads until {@code done} holds for everything read so far, and returns it.
     *
     * @throws AssertionError when it does not hold within {@code timeout}; the message shows what was read
     */
    public List<ConsumerRecord<K, V>> readUntil(Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = consumer()) {
            Instant deadline = Instant.now().plus(timeout);
            while (!done.test(records)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Condition not met on " + topic + " within " + timeout + "; read "
                            + records.size() + " records with keys " + records.stream().map(r -> readable(r.key())).toList());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Reads everything committed up to now (the last stable offset of every partition), with {@link TopicReader}. */
    public List<ConsumerRecord<K, V>> readToEnd(Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             TopicReader reader = new TopicReader(consumer, "the test's " + timeout.toSeconds() + " s")) {
            reader.readFromBeginning(partitions(consumer), timeout, record -> records.add(typed(record)));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new AssertionError("Could not read " + topic + " to its end within " + timeout, e);
        }
        return records;
    }

    private ConsumerRecord<K, V> typed(ConsumerRecord<byte[], byte[]> record) {
        K key = keyDeserializer.deserialize(record.topic(), record.headers(), record.key());
        V value = valueDeserializer.deserialize(record.topic(), record.headers(), record.value());
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), key, value,
                record.headers(), record.leaderEpoch());
    }

    private static String readable(Object key) {
        return key instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(key);
    }

    /** The last value of every key, in the order keys were first seen; tombstones remove keys. */
    public static <K, V> Map<K, V> latestByKey(List<ConsumerRecord<K, V>> records) {
        Map<K, V> latest = new LinkedHashMap<>();
        for (ConsumerRecord<K, V> record : records) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
        return latest;
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    /**
     * The topic's partitions. A topic just deleted and created again can show no partitions for a moment: wait
     * until it has some, rather than read none.
     */
    private List<TopicPartition> partitions(Consumer<?, ?> consumer) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList(), found -> !found.isEmpty());
    }

    private KafkaConsumer<K, V> consumer() {
        KafkaConsumer<K, V> consumer = new KafkaConsumer<>(properties(), keyDeserializer, valueDeserializer);
        List<TopicPartition> partitions;
        try {
            partitions = partitions(consumer);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}

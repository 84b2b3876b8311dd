package io.pactwire.enrich;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaClientSupplier;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka's clients, with one difference: each producer learns the partitions of {@code news.dlq} as soon
 * as it is created, and keeps them. A result the broker refuses as too large is reported in the
 * producer's callback, on its network thread, and the production exception handler's dead letter is
 * sent from there; if {@code news.dlq} were not yet in the producer's metadata, that send would wait for
 * metadata that only the same network thread can fetch, and fail after {@code max.block.ms}.
 */
final class DeadLetterReadyClientSupplier implements KafkaClientSupplier {
    /** Keep the dead-letter topic's metadata however long no dead letter is written. */
    static final long METADATA_MAX_IDLE_MS = Duration.ofDays(365).toMillis();

    private final String deadLetterTopic;

    DeadLetterReadyClientSupplier(String deadLetterTopic) {
        this.deadLetterTopic = deadLetterTopic;
    }

    @Override
    public Admin getAdmin(Map<String, Object> config) {
        return Admin.create(config);
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        Map<String, Object> withIdle = new HashMap<>(config);
        withIdle.putIfAbsent(ProducerConfig.METADATA_MAX_IDLE_CONFIG, METADATA_MAX_IDLE_MS);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(withIdle, new ByteArraySerializer(), new ByteArraySerializer());
        producer.partitionsFor(deadLetterTopic);
        return producer;
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
        return getConsumer(config);
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
        return getConsumer(config);
    }
}

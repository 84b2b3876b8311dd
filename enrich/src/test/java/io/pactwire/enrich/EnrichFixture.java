package io.pactwire.enrich;

import io.pactwire.config.ConfigInput;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the enricher's integration tests share: topics, raw input, configs and readers. */
final class EnrichFixture {
    private final KafkaTestCluster cluster;

    EnrichFixture(KafkaTestCluster cluster) {
        this.cluster = cluster;
    }

    void createTopics() throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }

    EnrichConfig config(Path stateDir, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                EnrichConfig.STATE_DIR, stateDir.toString()));
        settings.putAll(extra);
        return new EnrichConfig(ConfigInput.of(settings));
    }

    /** Publishes raw records as given, bytes and all; fails if the broker refuses one. */
    void publish(List<byte[][]> keyValues) throws Exception {
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sends = new java.util.ArrayList<>();
            for (byte[][] kv : keyValues) {
                sends.add(producer.send(new ProducerRecord<>(Topics.RAW.name(), kv[0], kv[1])));
            }
            for (java.util.concurrent.Future<?> send : sends) {
                send.get();
            }
        }
    }

    static byte[][] record(String key, byte[] value) {
        return new byte[][] {key == null ? null : key.getBytes(StandardCharsets.UTF_8), value};
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] article(RawArticle article) {
        return Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), article);
    }

    RecordReader<String, EnrichedArticle> enriched() {
        return new RecordReader<>(cluster, Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer());
    }

    RecordReader<byte[], byte[]> deadLetters() {
        return new RecordReader<>(cluster, Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The sum of the app's metrics called {@code name} in the enricher's group (over its tasks, for a task's). */
    static double metric(EnricherApp app, String name) {
        return app.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(EnricherApp.METRICS_GROUP) && e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    /** The tasks (partitions of news.raw) the app enriches now: each has its own {@code enriched-total}. */
    static long activeTasks(EnricherApp app) {
        return app.metrics().keySet().stream()
                .filter(name -> name.group().equals(EnricherApp.METRICS_GROUP) && name.name().equals("enriched-total"))
                .count();
    }

    static String key(ConsumerRecord<byte[], ?> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }
}

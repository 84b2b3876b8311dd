package io.pactwire.store;

import io.pactwire.config.ConfigInput;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.model.Versions;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The store on a real broker: what it commits when news.enriched is written in transactions. */
@KafkaTest
class ArticleStoreIT {
    private static final String GROUP = "pactwire-store-it";

    /**
     * With one batch per fetch, the commit marker that ends each transaction arrives in a fetch of its own,
     * which the consumer skips and returns no record for. The store must still commit the position past it:
     * a caught-up store has no lag, and whoever waits for its committed offsets to reach the end of
     * news.enriched (a deployment's lag alert, the pipeline benchmark) does not wait for ever.
     */
    @Test
    void aCaughtUpStoreHasCommittedTheEndOfNewsEnrichedPastTheLastCommitMarkers(KafkaTestCluster cluster)
            throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
            int articles = 30;
            try (KafkaProducer<byte[], byte[]> enricher = transactionalProducer(cluster)) {
                enricher.initTransactions();
                for (int transaction = 0; transaction < 3; transaction++) {
                    enricher.beginTransaction();
                    for (int i = 0; i < articles / 3; i++) {
                        String id = "article-" + transaction + "-" + i;
                        enricher.send(new ProducerRecord<>(Topics.ENRICHED.name(), id.getBytes(StandardCharsets.UTF_8),
                                Serdes.ENRICHED_ARTICLE.serialize(Topics.ENRICHED.name(), result(id))));
                    }
                    enricher.commitTransaction();
                }
            }
            Map<TopicPartition, Long> end = endOffsets(admin); // of the partitions written to
            assertThat(end.values().stream().mapToLong(Long::longValue).sum())
                    .as("the results and a commit marker per transaction and partition written to")
                    .isGreaterThan(articles);

            StoreConfig config = new StoreConfig(ConfigInput.of(Map.of(
                    "bootstrap.servers", cluster.bootstrapServers(),
                    StoreConfig.GROUP_ID, GROUP,
                    StoreConfig.TRANSACTIONAL_ID, "pactwire-store-it",
                    ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "1",
                    ConsumerConfig.FETCH_MAX_BYTES_CONFIG, "1")));
            try (ArticleStore store = new ArticleStore(config)) {
                store.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> store.storedCount() == articles);
                // the end is read again each time: commitTransaction returns before the coordinator has written
                // the last commit markers, so the end read above may lack them
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(committed(admin)).as("offsets committed by the store").isEqualTo(endOffsets(admin)));
                assertThat(store.healthy(Duration.ofSeconds(30))).isTrue();
            }
        }
    }

    private static EnrichedArticle result(String id) {
        RawArticle raw = new RawArticle(id, null, null, "Title of " + id, "Body of " + id, null, null, null, null, 1, null);
        return EnrichedArticle.of(raw, List.of(), List.of(), new Versions("t-1", "g-1", "r-1"), Instant.now());
    }

    private static KafkaProducer<byte[], byte[]> transactionalProducer(KafkaTestCluster cluster) {
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "store-it-enricher");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        int partitions = admin.describeTopics(List.of(Topics.ENRICHED.name())).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(Topics.ENRICHED.name()).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(Topics.ENRICHED.name(), p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .filter(e -> e.getValue().offset() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<TopicPartition, Long> committed(Admin admin) throws Exception {
        return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}

package io.pactwire.store;

import io.pactwire.config.ConfigInput;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.model.Versions;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store's memory of news.articles in its state folder: a restart reads only what changed, and the
 * stale-result protection holds across a restart and after the partitions moved to another instance with a
 * state folder of its own, and back.
 */
@KafkaTest
class StoreStateIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Versions V1 = new Versions("t-1", "g-1", "r-1");

    @TempDir
    Path stateA;
    @TempDir
    Path stateB;

    @Test
    void staleResultsAreSkippedAcrossRestartsAndAfterThePartitionsMovedToAnotherInstanceAndBack(KafkaTestCluster cluster)
            throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        try (KafkaProducer<byte[], byte[]> enricher = enricher(cluster)) {
            enricher.initTransactions();
            enricher.beginTransaction();
            send(enricher, "x", 2);
            for (int i = 0; i < 20; i++) {
                send(enricher, "other-" + i, 1);
            }
            enricher.commitTransaction();

            Running a = start(cluster, stateA, "store-a");
            await().atMost(WAIT).until(() -> a.store.storedCount() == 21);
            assertThat(a.store.counters().stateRecordsRead()).as("a first start: news.articles is empty").isZero();
            a.stop();

            Running restarted = start(cluster, stateA, "store-a");
            inTransaction(enricher, "x", 1);
            await().atMost(WAIT).until(() -> restarted.store.counters().skippedStale() == 1);
            assertThat(restarted.store.counters().stateRecordsRead()).as("restart after 21 results").isZero();
            restarted.stop();

            Running b = start(cluster, stateB, "store-b");
            inTransaction(enricher, "x", 3);
            await().atMost(WAIT).until(() -> b.store.storedCount() == 1);
            assertThat(b.store.counters().stateRecordsRead()).as("a new instance reads news.articles from the beginning")
                    .isEqualTo(21);
            b.stop();

            Running back = start(cluster, stateA, "store-a");
            inTransaction(enricher, "x", 2);
            await().atMost(WAIT).until(() -> back.store.counters().skippedStale() + back.store.counters().skippedDuplicate()
                    + back.store.storedCount() == 1);
            assertThat(back.store.counters().skippedStale()).as("revision 3, written by the other instance, is stored").isEqualTo(1);
            assertThat(back.store.counters().stateRecordsRead()).as("only what the other instance wrote").isEqualTo(1);
            back.stop();
        }
        try (ArticlesView view = new ArticlesView(readerProperties(cluster), Topics.ARTICLES.name())) {
            Map<String, EnrichedArticle> articles = view.readToEnd(WAIT);
            assertThat(articles).hasSize(21);
            assertThat(articles.get("x").revision()).isEqualTo(3);
        }
    }

    private record Running(ArticleStore store) {
        void stop() {
            store.close();
        }
    }

    private static Running start(KafkaTestCluster cluster, Path state, String transactionalId) {
        ArticleStore store = new ArticleStore(new StoreConfig(ConfigInput.of(Map.of(
                "bootstrap.servers", cluster.bootstrapServers(),
                StoreConfig.GROUP_ID, "store-state-it",
                StoreConfig.TRANSACTIONAL_ID, transactionalId,
                StoreConfig.STATE_DIR, state.toString()))));
        store.start();
        return new Running(store);
    }

    private static Map<String, Object> readerProperties(KafkaTestCluster cluster) {
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put("isolation.level", "read_committed");
        return props;
    }

    private static void inTransaction(KafkaProducer<byte[], byte[]> enricher, String id, int revision) {
        enricher.beginTransaction();
        send(enricher, id, revision);
        enricher.commitTransaction();
    }

    private static void send(KafkaProducer<byte[], byte[]> enricher, String id, int revision) {
        RawArticle raw = new RawArticle(id, null, null, "Title of " + id, "Body of " + id + " at revision " + revision, null,
                null, null, null, revision, null);
        EnrichedArticle result = EnrichedArticle.of(raw, List.of(), List.of(), V1, Instant.parse("2026-12-05T00:00:00Z"));
        enricher.send(new ProducerRecord<>(Topics.ENRICHED.name(), id.getBytes(StandardCharsets.UTF_8),
                Serdes.ENRICHED_ARTICLE.serialize(Topics.ENRICHED.name(), result)));
    }

    private static KafkaProducer<byte[], byte[]> enricher(KafkaTestCluster cluster) {
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "store-state-it-enricher");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}

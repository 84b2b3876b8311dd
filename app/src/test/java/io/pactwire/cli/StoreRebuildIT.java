package io.pactwire.cli;

import io.pactwire.config.ConfigInput;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testing.Conservation;
import io.pactwire.testkit.KafkaClusters;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code replay --rebuild-store} on a broker with Kafka's default {@code auto.create.topics.enable=true}, while a
 * downstream consumer follows news.articles with {@code allow.auto.create.topics=true} (as docs/consumers.md's
 * Java example does). A rebuild that deleted the topic left a gap in which that consumer recreated it with the
 * broker's defaults (one partition, {@code cleanup.policy=delete}); the rebuild keeps the topic instead, with its
 * partitions and configs, and the follower sees the retractions, then every article again.
 */
class StoreRebuildIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int ARTICLE_PARTITIONS = 6;
    private static final int ARTICLES = 30;

    private KafkaTestCluster cluster;
    private Path state;
    private ConfigInput input;
    private EnricherApp enricher;
    private ArticleStore store;

    @BeforeEach
    void startAClusterThatAutoCreatesTopics() throws Exception {
        cluster = KafkaClusters.startEmbedded(Map.of("auto.create.topics.enable", "true"));
        state = Files.createTempDirectory("store-rebuild-it-");
        input = ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers(), EnrichConfig.STATE_DIR, state.toString(),
                StoreConfig.TRANSACTIONAL_ID, "store-rebuild-it", EnrichConfig.THREADS, "1"));
    }

    @AfterEach
    void stopEverything() throws Exception {
        stopStore();
        if (enricher != null) {
            enricher.close();
        }
        cluster.close();
        Utils.delete(state.toFile());
    }

    @Test
    void aRebuildKeepsTheTopicItsPartitionsAndConfigsWhileAnAutoCreatingFollowerReadsIt() throws Exception {
        try (Admin admin = cluster.admin()) {
            // news.articles made by an operator with more partitions than the command's settings would give it
            new TopicProvisioner(admin, TopicSettings.defaults().withPartitions(ARTICLE_PARTITIONS), WAIT)
                    .ensure(List.of(Topics.ARTICLES));
            new TopicProvisioner(admin, TopicSettings.defaults(), WAIT).ensure(Topics.all());
        }
        Uuid articlesId = describeArticles().topicId();
        enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard());
        enricher.start();
        assertThat(enricher.awaitRunning(WAIT)).isTrue();
        startStore();
        Set<String> ids;
        try (ArticleFlow flow = new ArticleFlow(cluster, "rebuild", ARTICLES).start(10, Duration.ofMillis(100))) {
            flow.finishPublishing();
            ids = flow.articles().keySet();
            Conservation.of(cluster).await(WAIT);
        }
        stopStore();

        try (Follower follower = Follower.start(cluster)) {
            await("the follower has read every article").atMost(WAIT).until(() -> follower.view().containsAll(ids));

            CliRun dryRun = CliRun.run(cluster.bootstrapServers(), "replay", "--rebuild-store", "--dry-run");
            assertThat(dryRun.exit()).as(dryRun.toString()).isZero();
            assertThat(dryRun.out()).contains("(" + ARTICLE_PARTITIONS + " partitions;")
                    .contains("a tombstone for each of the " + ARTICLES + " articles").contains("Dry run: nothing changed.");
            assertThat(follower.tombstoned()).isEmpty();

            CliRun rebuild = CliRun.run(cluster.bootstrapServers(), "replay", "--rebuild-store");
            assertThat(rebuild.exit()).as(rebuild.toString()).isZero();
            assertThat(rebuild.out()).contains("Done: " + ARTICLES + " tombstones written");
            await("a tombstone for every article").atMost(WAIT).until(() -> follower.tombstoned().containsAll(ids));
            assertThat(follower.view()).isEmpty();
            assertTheTopicIsTheOneItWas(articlesId);

            startStore();
            Conservation.of(cluster).await(WAIT);
            await("every article again at the follower").atMost(WAIT).until(() -> follower.view().equals(ids));
            assertThat(follower.failures()).as("what the follower's polls threw").isEmpty();
        }
        assertTheTopicIsTheOneItWas(articlesId);
    }

    private void assertTheTopicIsTheOneItWas(Uuid id) throws Exception {
        TopicDescription articles = describeArticles();
        assertThat(articles.topicId()).as("news.articles's topic id (never deleted)").isEqualTo(id);
        assertThat(articles.partitions()).as("partitions of news.articles").hasSize(ARTICLE_PARTITIONS);
        try (Admin admin = cluster.admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES.name());
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }

    private TopicDescription describeArticles() throws Exception {
        try (Admin admin = cluster.admin()) {
            return admin.describeTopics(List.of(Topics.ARTICLES.name())).allTopicNames().get().get(Topics.ARTICLES.name());
        }
    }

    private void startStore() {
        store = new ArticleStore(new StoreConfig(input));
        store.start();
    }

    private void stopStore() throws InterruptedException {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /**
     * A downstream consumer as docs/consumers.md shows it: its own group, {@code read_committed}, from the
     * beginning, and the Java client's default {@code allow.auto.create.topics=true}; it keeps the current
     * view by key.
     */
    private static final class Follower implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Set<String> view = ConcurrentHashMap.newKeySet();
        private final Set<String> tombstoned = ConcurrentHashMap.newKeySet();
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private final Thread loop;

        private Follower(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
            this.loop = new Thread(this::follow, "follower");
        }

        static Follower start(KafkaTestCluster cluster) {
            Map<String, Object> props = new HashMap<>(cluster.clientProperties());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "my-service");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true);
            props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500); // looks for the topic often, as a gap would need
            Follower follower = new Follower(new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer()));
            follower.loop.start();
            return follower;
        }

        private void follow() {
            consumer.subscribe(List.of(Topics.ARTICLES.name()));
            try {
                while (true) {
                    try {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                            if (record.value() == null) {
                                view.remove(record.key());
                                tombstoned.add(record.key());
                            } else {
                                view.add(record.key());
                            }
                        }
                    } catch (WakeupException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            } catch (WakeupException e) {
                // closed
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }

        Set<String> view() {
            return Set.copyOf(view);
        }

        Set<String> tombstoned() {
            return Set.copyOf(tombstoned);
        }

        List<Throwable> failures() {
            return List.copyOf(failures);
        }

        @Override
        public void close() throws InterruptedException {
            consumer.wakeup();
            loop.join(30_000);
        }
    }
}

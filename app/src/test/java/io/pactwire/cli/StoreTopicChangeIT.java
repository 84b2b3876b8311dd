package io.pactwire.cli;

import io.pactwire.config.ConfigInput;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.tagger.Tagger;
import io.pactwire.testing.Conservation;
import io.pactwire.testkit.KafkaClusters;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * news.articles deleted while the store runs, on a broker with Kafka's default {@code auto.create.topics.enable=true}
 * (the store's own producer then creates the topic again, with the broker's defaults, as it writes). The store
 * stops with one ERROR naming the topic and the remedy, exit code 1, and commits nothing into the new topic; it
 * refuses to start again over the lost articles; after {@code replay --rebuild-store} it writes every article back.
 */
class StoreTopicChangeIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> STORE_SETTINGS = List.of("store.transactional.id=store-topic-change-it");

    private KafkaTestCluster cluster;
    private Path dir;
    private EnricherApp enricher;

    @BeforeEach
    void startAClusterThatAutoCreatesTopics() throws Exception {
        cluster = KafkaClusters.startEmbedded(Map.of("auto.create.topics.enable", "true"));
        dir = Files.createTempDirectory("store-topic-change-it-");
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (enricher != null) {
            enricher.close();
        }
        cluster.close();
        Utils.delete(dir.toFile());
    }

    @Test
    void theStoreStopsWhenNewsArticlesIsDeletedUnderItAndCommitsNothingIntoTheTopicCreatedAgain() throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), WAIT).ensure(Topics.all());
        }
        enricher = new EnricherApp(new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                EnrichConfig.STATE_DIR, dir.resolve("enrich").toString(), EnrichConfig.THREADS, "1"))), Tagger.standard());
        enricher.start();
        assertThat(enricher.awaitRunning(WAIT)).isTrue();

        try (ArticleFlow flow = new ArticleFlow(cluster, "flow", 150).start(3, Duration.ofMillis(100));
             ServiceJvm store = ServiceJvm.start("store", "store", cluster.bootstrapServers(), dir, STORE_SETTINGS)) {
            store.awaitHealthy(WAIT);
            await("some articles stored").atMost(WAIT)
                    .until(() -> Conservation.of(cluster).snapshot(WAIT).articles().size() >= 20);
            try (Admin admin = cluster.admin()) {
                admin.deleteTopics(List.of(Topics.ARTICLES.name())).all().get();
            }

            assertThat(store.awaitExit(WAIT)).as(store.tail(40)).isEqualTo(1);
            List<String> errors = store.output().lines().filter(line -> line.contains(" ERROR ")).toList();
            assertThat(errors).as(store.tail(40)).singleElement().satisfies(error -> assertThat(error)
                    .contains("topic news.articles was deleted").contains("pactwire replay --rebuild-store"));
            assertThat(committedArticles()).as("records a read_committed consumer sees in the news.articles created again")
                    .isEmpty();

            try (ServiceJvm restarted = ServiceJvm.start("store", "store-restarted", cluster.bootstrapServers(), dir,
                    STORE_SETTINGS)) {
                assertThat(restarted.awaitExit(WAIT)).as("a store started over the lost articles: " + restarted.tail(40))
                        .isEqualTo(1);
                assertThat(restarted.output()).contains("news.articles");
            }
            assertThat(committedArticles()).isEmpty();

            flow.finishPublishing();
        }
        // The operator's recovery: the topic a client auto-created breaks its contract (cleanup.policy=delete);
        // delete it, and let the rebuild create it as the contract says.
        deleteArticlesIfAutoCreated();
        CliRun rebuild = CliRun.run(cluster.bootstrapServers(), "replay", "--rebuild-store");
        assertThat(rebuild.exit()).as(rebuild.toString()).isZero();
        assertThat(rebuild.out()).contains("does not exist and will be created");
        assertThat(cleanupPolicyOfArticles()).isEqualTo("compact");

        try (ServiceJvm store = ServiceJvm.start("store", "store-rebuilt", cluster.bootstrapServers(), dir, STORE_SETTINGS)) {
            store.awaitHealthy(WAIT);
            Conservation.of(cluster).await(WAIT);
        }
    }

    /** What a read_committed consumer sees in news.articles now; nothing when the topic does not exist. */
    private List<?> committedArticles() throws Exception {
        if (!articlesExists()) {
            return List.of(); // read it only if it exists: a reader would create it on this broker
        }
        return new RecordReader<String, EnrichedArticle>(cluster, Topics.ARTICLES.name(), Topics.ARTICLES.keySerde().deserializer(),
                Topics.ARTICLES.valueSerde().deserializer()).readToEnd(WAIT);
    }

    private boolean articlesExists() throws Exception {
        try (Admin admin = cluster.admin()) {
            return admin.listTopics().names().get().contains(Topics.ARTICLES.name());
        }
    }

    private void deleteArticlesIfAutoCreated() throws Exception {
        if (articlesExists()) {
            try (Admin admin = cluster.admin()) {
                admin.deleteTopics(List.of(Topics.ARTICLES.name())).all().get();
            }
            await("the auto-created news.articles deleted").atMost(WAIT).until(() -> !articlesExists());
        }
    }

    private String cleanupPolicyOfArticles() throws Exception {
        try (Admin admin = cluster.admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ARTICLES.name());
            return admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        }
    }
}

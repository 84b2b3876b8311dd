package io.pactwire.cli;

import io.pactwire.config.ConfigInput;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testing.Conservation;
import io.pactwire.testkit.KafkaClusters;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enricher's local state belongs to one cluster and to one incarnation of its topics: moved to a fresh
 * cluster, or kept while the topics are deleted and created again, it must not make the enricher skip
 * articles as unchanged that the new topics never held; and topics that vanish under a running enricher
 * stop it with the reason. Each case ends with the conservation law on the cluster as it is then.
 */
@KafkaTest
class EnricherStateIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void everyArticleIsStoredOnEachOfThreeFreshClustersWithOneStateDirectory(@TempDir Path state) throws Exception {
        for (int round = 1; round <= 3; round++) {
            try (KafkaTestCluster fresh = KafkaClusters.startEmbedded()) {
                Set<String> ids = runPipelineOverSamples(fresh, state);
                Conservation.Snapshot snapshot = Conservation.of(fresh).await(WAIT);
                assertThat(snapshot.articles()).as("round %d", round).isEqualTo(ids).hasSize(3);
                assertThat(snapshot.deadLettered()).as("round %d", round).isEmpty();
            }
        }
    }

    @Test
    void stateOfTopicsDeletedAndCreatedAgainIsDiscarded(KafkaTestCluster cluster, @TempDir Path state) throws Exception {
        deleteEveryTopicAndGroup(cluster); // whatever another test of the class left
        Set<String> first = runPipelineOverSamples(cluster, state);
        assertThat(Conservation.of(cluster).await(WAIT).articles()).isEqualTo(first);

        deleteEveryTopicAndGroup(cluster);

        Set<String> second = runPipelineOverSamples(cluster, state);
        assertThat(second).isEqualTo(first);
        Conservation.Snapshot snapshot = Conservation.of(cluster).await(WAIT);
        assertThat(snapshot.articles()).isEqualTo(second).hasSize(3);
        assertThat(snapshot.deadLettered()).isEmpty();
    }

    @Test
    void twoEnrichersOnOneHostShareOneStateFolderWithNoSettingOfTheirOwn(KafkaTestCluster cluster, @TempDir Path state)
            throws Exception {
        deleteEveryTopicAndGroup(cluster);
        provision(cluster);
        ConfigInput input = input(cluster, state);
        try (EnricherApp first = new EnricherApp(new EnrichConfig(input), Tagger.standard());
             EnricherApp second = new EnricherApp(new EnrichConfig(input), Tagger.standard());
             ArticleStore store = new ArticleStore(new StoreConfig(input))) {
            first.start();
            second.start();
            assertThat(first.awaitRunning(WAIT)).isTrue();
            assertThat(second.awaitRunning(WAIT)).isTrue();
            store.start();
            IngestReport report = new IngestService(new IngestConfig(input), Clock.systemUTC()).ingest(List.of(Path.of("../samples")));
            Set<String> ids = report.published().stream().map(IngestReport.Published::id).collect(Collectors.toSet());
            Conservation.Snapshot snapshot = Conservation.of(cluster).await(WAIT);
            assertThat(snapshot.articles()).isEqualTo(ids).hasSize(3);
            assertThat(first.state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(second.state()).isEqualTo(KafkaStreams.State.RUNNING);
            store.close();
        }
    }

    @Test
    void aTopicDeletedUnderARunningEnricherStopsItWithTheReason(KafkaTestCluster cluster, @TempDir Path state) throws Exception {
        deleteEveryTopicAndGroup(cluster);
        provision(cluster);
        ConfigInput input = input(cluster, state);
        EnricherApp enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard());
        try {
            enricher.start();
            assertThat(enricher.awaitRunning(WAIT)).isTrue();
            // the watch starts once the enricher runs and has recorded its topics
            try (Admin admin = cluster.admin()) {
                admin.deleteTopics(List.of(Topics.DEAD_LETTERS.name())).all().get(30, TimeUnit.SECONDS);
            }
            Awaitility.await("the enricher stops").atMost(WAIT)
                    .until(() -> enricher.state() == KafkaStreams.State.NOT_RUNNING);
            assertThat(enricher.awaitStopped()).hasValueSatisfying(failure ->
                    assertThat(failure.what()).contains("topic " + Topics.DEAD_LETTERS.name() + " was deleted"));
        } finally {
            enricher.close();
        }

        // after the operator creates the topic again, a new enricher runs the pipeline to the end
        Set<String> ids = runPipelineOverSamples(cluster, state);
        Conservation.Snapshot snapshot = Conservation.of(cluster).await(WAIT);
        assertThat(snapshot.articles()).isEqualTo(ids).hasSize(3);
    }

    /** Provisions the topics, runs enricher and store over the samples until all are stored, and stops them. */
    private static Set<String> runPipelineOverSamples(KafkaTestCluster cluster, Path state) throws Exception {
        provision(cluster);
        ConfigInput input = input(cluster, state);
        try (EnricherApp enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard());
             ArticleStore store = new ArticleStore(new StoreConfig(input))) {
            enricher.start();
            assertThat(enricher.awaitRunning(WAIT)).isTrue();
            store.start();
            IngestReport report = new IngestService(new IngestConfig(input), Clock.systemUTC()).ingest(List.of(Path.of("../samples")));
            assertThat(report.published()).hasSize(3);
            Set<String> ids = report.published().stream().map(IngestReport.Published::id).collect(Collectors.toSet());
            Awaitility.await("every sample stored").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> Conservation.of(cluster).snapshot(WAIT).articles().containsAll(ids));
            store.close();
            return ids;
        }
    }

    private static ConfigInput input(KafkaTestCluster cluster, Path state) {
        return ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers(), EnrichConfig.STATE_DIR, state.toString(),
                StoreConfig.TRANSACTIONAL_ID, "store-state-it"));
    }

    private static void provision(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }

    /** What an operator does who recreates the topics: every topic (the changelog too) and group is gone. */
    private static void deleteEveryTopicAndGroup(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            Set<String> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).collect(Collectors.toSet());
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
            }
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> !t.startsWith("_")).collect(Collectors.toSet());
            if (topics.isEmpty()) {
                return;
            }
            admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            Awaitility.await("topics deleted").atMost(WAIT).until(() ->
                    admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().noneMatch(topics::contains));
        }
    }
}

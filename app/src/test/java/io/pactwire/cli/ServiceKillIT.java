package io.pactwire.cli;

import io.pactwire.testing.Conservation;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The enricher and the store each run as a JVM of their own and are killed with SIGKILL mid-stream while
 * articles keep arriving, then started again: every article ends in news.articles exactly once with the
 * tagger's result for its input, and no result is committed twice. Both tests share one broker and the
 * services' default group and transactional ids; each uses articles of its own.
 */
@KafkaTest
class ServiceKillIT {
    private static final int ARTICLES = 3_000;
    /** 3,000 articles in about 6 s: results are still arriving when a service is killed. */
    private static final int PER_TICK = 50;
    private static final Duration TICK = Duration.ofMillis(100);
    /** Kill once this many results are committed downstream: some, far from all. */
    private static final long KILL_AFTER = 300;
    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * A member killed without leaving holds its partitions until its session times out; the broker's
     * minimum (6 s) instead of the 45 s default keeps the test short. Nothing else is tuned.
     */
    private static final List<String> SETTINGS = List.of("session.timeout.ms=6000", "heartbeat.interval.ms=2000");

    private final KafkaTestCluster cluster;
    private final List<ServiceJvm> services = new ArrayList<>();

    ServiceKillIT(KafkaTestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    static void createTopics(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }

    @AfterEach
    void stopServices() throws InterruptedException {
        for (ServiceJvm service : services) {
            service.close();
        }
    }

    @Test
    void aKilledEnricherRestartsWithoutLosingOrDoublingAResult(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        List<String> enrichSettings = withSettings("enrich.state.dir=" + dir.resolve("enrich-state"));
        ServiceJvm enricher = start("enrich", "enrich-1", dir, enrichSettings);
        start("store", "store-1", dir, SETTINGS);
        awaitHealthy();

        try (ArticleFlow flow = new ArticleFlow(cluster, "kill-enrich", ARTICLES).start(PER_TICK, TICK)) {
            long before = ArticleFlow.committedOffsets(cluster, Topics.ENRICHED.name());
            explained(() -> await("results committed on news.enriched").atMost(WAIT)
                    .until(() -> ArticleFlow.committedOffsets(cluster, Topics.ENRICHED.name()) - before >= KILL_AFTER));
            enricher.kill();
            int sentAtKill = flow.sent();
            long visibleAtKill = flow.visibleResults(cluster);
            System.out.printf("enricher killed: %d of %d articles sent, %d results visible%n", sentAtKill, ARTICLES,
                    visibleAtKill);
            assertThat(visibleAtKill).as("results visible when the enricher was killed").isBetween(1L, ARTICLES - 1L);

            start("enrich", "enrich-2", dir, enrichSettings);
            explained(() -> {
                flow.finishPublishing();
                flow.verify(cluster, WAIT);
                Conservation.of(cluster).await(WAIT);
            });
        }
        System.out.printf("enricher kill test: %d articles in %.1f s%n", ARTICLES, (System.nanoTime() - started) / 1e9);
    }

    @Test
    void aKilledStoreRestartsWithoutLosingOrDoublingAnArticle(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();
        start("enrich", "enrich-1", dir, withSettings("enrich.state.dir=" + dir.resolve("enrich-state")));
        ServiceJvm store = start("store", "store-1", dir, SETTINGS);
        awaitHealthy();

        try (ArticleFlow flow = new ArticleFlow(cluster, "kill-store", ARTICLES).start(PER_TICK, TICK)) {
            long before = ArticleFlow.committedOffsets(cluster, Topics.ARTICLES.name());
            explained(() -> await("articles committed on news.articles").atMost(WAIT)
                    .until(() -> ArticleFlow.committedOffsets(cluster, Topics.ARTICLES.name()) - before >= KILL_AFTER));
            store.kill();
            int sentAtKill = flow.sent();
            long storedAtKill = ArticleFlow.committedOffsets(cluster, Topics.ARTICLES.name()) - before;
            System.out.printf("store killed: %d of %d articles sent, about %d records committed on news.articles%n",
                    sentAtKill, ARTICLES, storedAtKill);
            assertThat(storedAtKill).as("records on news.articles when the store was killed").isLessThan(ARTICLES);

            start("store", "store-2", dir, SETTINGS);
            explained(() -> {
                flow.finishPublishing();
                flow.verify(cluster, WAIT);
                Conservation.of(cluster).await(WAIT);
            });
        }
        System.out.printf("store kill test: %d articles in %.1f s%n", ARTICLES, (System.nanoTime() - started) / 1e9);
    }

    private static List<String> withSettings(String... more) {
        List<String> all = new ArrayList<>(SETTINGS);
        all.addAll(List.of(more));
        return all;
    }

    private ServiceJvm start(String service, String name, Path dir, List<String> settings) throws Exception {
        ServiceJvm jvm = ServiceJvm.start(service, name, cluster.bootstrapServers(), dir, settings);
        services.add(jvm);
        return jvm;
    }

    private void awaitHealthy() {
        services.forEach(s -> s.awaitHealthy(WAIT));
    }

    /** Runs {@code check}; a failure carries what every service printed. */
    private void explained(Explained.Check check) throws Exception {
        Explained.run(check, () -> services.stream().map(s -> s.tail(40)).collect(Collectors.joining("\n")));
    }
}

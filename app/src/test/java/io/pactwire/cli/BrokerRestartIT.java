package io.pactwire.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pactwire.config.ConfigInput;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testing.Conservation;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker stopped mid-run and started again on the same port and data while articles flow: the same
 * enricher and store instances carry on by themselves, nothing is lost or doubled, and their logs say
 * that Kafka went away and came back.
 */
@KafkaTest
class BrokerRestartIT {
    private static final int ARTICLES = 2_000;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String LOST = "heard nothing from Kafka";
    private static final String RESTORED = "hears from Kafka again";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger pactwire = (Logger) LoggerFactory.getLogger("io.pactwire");
    private Level levelBefore;

    @BeforeEach
    void captureLogs() {
        // INFO whatever ran before in this JVM (the demo command quiets io.pactwire to WARN)
        levelBefore = pactwire.getLevel();
        pactwire.setLevel(Level.INFO);
        logs.start();
        pactwire.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        pactwire.detachAppender(logs);
        pactwire.setLevel(levelBefore);
    }

    @Test
    void theServicesRideOutABrokerRestartWithoutLossOrDuplicates(KafkaTestCluster cluster, @TempDir Path state)
            throws Exception {
        long started = System.nanoTime();
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        ConfigInput input = ConfigInput.of(Map.of(
                "bootstrap.servers", cluster.bootstrapServers(),
                EnrichConfig.STATE_DIR, state.toString(),
                StoreConfig.TRANSACTIONAL_ID, "pactwire-store-restart-it"));
        try (EnricherApp enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard());
             ArticleStore store = new ArticleStore(new StoreConfig(input));
             ArticleFlow flow = new ArticleFlow(cluster, "restart", ARTICLES)) {
            enricher.start();
            assertThat(enricher.awaitRunning(WAIT)).isTrue();
            store.start();

            flow.start(50, Duration.ofMillis(100));
            explained(() -> await("articles stored before the broker stops").atMost(WAIT)
                    .until(() -> ArticleFlow.committedOffsets(cluster, Topics.ARTICLES.name()) >= 200));

            long storedAtStop = ArticleFlow.committedOffsets(cluster, Topics.ARTICLES.name());
            cluster.stopBrokers();
            System.out.printf("broker stopped: %d of %d articles sent, about %d stored%n", flow.sent(), ARTICLES, storedAtStop);
            // the broker stays down until both services have noticed: their clients retry all the while
            explained(() -> await("both services report the lost connection").atMost(WAIT)
                    .until(() -> logged(EnricherApp.class, Level.WARN, LOST) && logged(ArticleStore.class, Level.WARN, LOST)));
            cluster.startBrokers();
            System.out.printf("broker started again: %d of %d articles sent%n", flow.sent(), ARTICLES);
            explained(() -> await("both services report the connection back").atMost(WAIT)
                    .until(() -> logged(EnricherApp.class, Level.INFO, RESTORED) && logged(ArticleStore.class, Level.INFO, RESTORED)));

            explained(() -> {
                flow.finishPublishing();
                flow.verify(cluster, WAIT);
                Conservation.of(cluster).await(WAIT);
            });
            assertThat(enricher.awaitRunning(Duration.ofSeconds(30))).as("the enricher is running").isTrue();
            assertThat(EnricherMetrics.value(enricher, "thread-replacements-total")).as("stream threads replaced after a failure").isZero();
            assertThat(store.healthy(Duration.ofSeconds(10))).isTrue();
            assertThat(store.health().isAlive()).isTrue();
            assertThat(storedAtStop).as("articles stored when the broker stopped").isLessThan(ARTICLES);
            lines().stream().filter(l -> l.contains(LOST) || l.contains(RESTORED)).forEach(System.out::println);
        }
        System.out.printf("broker restart test: %d articles in %.1f s%n", ARTICLES, (System.nanoTime() - started) / 1e9);
    }

    private boolean logged(Class<?> service, Level level, String text) {
        return events().stream().anyMatch(e -> e.getLoggerName().equals(service.getName()) && e.getLevel() == level
                && e.getFormattedMessage().contains(text));
    }

    private List<ILoggingEvent> events() {
        synchronized (logs) {
            return new ArrayList<>(logs.list);
        }
    }

    private List<String> lines() {
        return events().stream().map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage()).toList();
    }

    /** Runs {@code check}; a failure carries what the services logged. */
    private void explained(Explained.Check check) throws Exception {
        Explained.run(check, () -> String.join("\n", lines()));
    }
}

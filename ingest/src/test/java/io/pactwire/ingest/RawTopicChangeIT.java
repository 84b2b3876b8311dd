package io.pactwire.ingest;

import io.pactwire.config.ConfigInput;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * news.raw deleted and created again under a watching ingest (issue 16): what the run knows of the topic
 * (which articles it holds, unchanged) describes a topic that is gone, so it must not go on skipping those
 * articles as unchanged. It stops with the reason; the next run publishes every input into the new topic.
 */
@KafkaTest
class RawTopicChangeIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aWatchStopsWhenNewsRawIsCreatedAgainAndTheNextRunPublishesEverythingIntoIt(KafkaTestCluster cluster,
                                                                                     @TempDir Path folder) throws Exception {
        provision(cluster);
        Path story = Files.writeString(folder.resolve("story.txt"), "Ministry signs space accord\n\nThe ministry signed"
                + " an accord with Japan on the exploration of space resources.");
        IngestService watching = service(cluster);
        List<IngestReport.Published> published = new CopyOnWriteArrayList<>();
        CompletableFuture<IngestReport> run = CompletableFuture.supplyAsync(() -> watching.run(new IngestService.Sources(
                List.of(folder.toString()), List.of(), null, true, Duration.ofMillis(100)), new Progress() {
            @Override
            public void published(IngestReport.Published p) {
                published.add(p);
            }
        }));
        await().atMost(WAIT).until(() -> published.size() == 1);

        try (Admin admin = cluster.admin()) {
            admin.deleteTopics(List.of(Topics.RAW.name())).all().get(30, TimeUnit.SECONDS);
            await("news.raw deleted").atMost(WAIT).until(() -> !admin.listTopics().names().get().contains(Topics.RAW.name()));
        }
        provision(cluster);

        IngestReport report = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(report.published()).hasSize(1);
        assertThat(watching.stoppedBecauseTopicChanged()).hasValueSatisfying(reason ->
                assertThat(reason).contains("topic " + Topics.RAW.name() + " was deleted"));

        IngestReport again = service(cluster).run(IngestService.Sources.once(List.of(folder.toString())), Progress.NONE);
        assertThat(again.published()).extracting(IngestReport.Published::id).containsExactly(ArticleIds.forFile(story));
        assertThat(new RecordReader<>(cluster, Topics.RAW.name(), new StringDeserializer(), new ByteArrayDeserializer())
                .readToEnd(Duration.ofSeconds(30))).extracting(r -> r.key()).containsExactly(ArticleIds.forFile(story));
    }

    private static IngestService service(KafkaTestCluster cluster) {
        return new IngestService(new IngestConfig(ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                IngestConfig.WATCH_SETTLE_MS, "0"))), Clock.systemUTC());
    }

    private static void provision(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }
}

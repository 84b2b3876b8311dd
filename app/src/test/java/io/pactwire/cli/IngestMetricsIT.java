package io.pactwire.cli;

import io.pactwire.config.ClusterConfig;
import io.pactwire.config.ConfigInput;
import io.pactwire.config.PactwireConfig;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.ingest.Progress;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A watching ingest's {@code /health/ready} and {@code /metrics} over HTTP, on a broker of its own (what it
 * publishes stays out of {@link MetricsIT}'s count of news.raw).
 */
@KafkaTest
class IngestMetricsIT {

    @org.junit.jupiter.api.BeforeEach
    void topics(KafkaTestCluster cluster) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = cluster.admin()) {
            new io.pactwire.runtime.TopicProvisioner(admin, io.pactwire.topics.TopicSettings.defaults(), Duration.ofSeconds(30))
                    .ensure(List.of(io.pactwire.topics.Topics.RAW));
        }
    }

    @Test
    void watchingIngestIsReadyOnceItKnowsNewsRawAndServesItsProducersMetrics(KafkaTestCluster cluster,
                                                                            @TempDir Path inbox, @TempDir Path work) throws Exception {
        // two articles another ingest (with a state folder of its own) published before this one starts
        Path earlier = java.nio.file.Files.createDirectories(work.resolve("earlier"));
        for (String sample : samples().subList(1, 3)) {
            java.nio.file.Files.copy(Path.of("../samples").toAbsolutePath().resolve(sample), earlier.resolve(sample));
        }
        IngestReport before = new IngestService(new IngestConfig(ConfigInput.of(Map.of(
                PactwireConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers(),
                IngestConfig.STATE_DIR, work.resolve("other-state").toString()))), Clock.systemUTC())
                .run(IngestService.Sources.once(List.of(earlier.toString())), Progress.NONE);
        assertThat(before.published()).hasSize(2);

        ConfigInput input = ConfigInput.of(Map.of(
                PactwireConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers(),
                PactwireConfig.METRICS_PORT, "0",
                PactwireConfig.METRICS_HOST, "127.0.0.1",
                IngestConfig.STATE_DIR, work.resolve("state").toString()));
        IngestService service = new IngestService(new IngestConfig(input), Clock.systemUTC());
        try (MetricsServer metrics = MetricsServer.start(new ClusterConfig(input))) {
            Progress progress = ServiceMeters.ingest(metrics, service, Progress.NONE);
            ServiceRunner.reportHealth(metrics, service);
            HttpResponse<String> starting = MetricsIT.get(metrics.port(), MetricsServer.READY);
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.body()).isEqualTo("not ready: ingest is starting\n");

            java.util.concurrent.CompletableFuture<IngestReport> run = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> service.run(new IngestService.Sources(List.of(inbox.toString()), List.of(), null, true, null), progress));
            await("ready").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(MetricsIT.get(metrics.port(), MetricsServer.READY).statusCode()).isEqualTo(200));
            // its local state caught up on what news.raw held: the two articles published before it started
            assertThat(MetricsIT.sample(MetricsIT.get(metrics.port(), MetricsServer.METRICS).body(),
                    "pactwire_ingest_state_records_read_total")).isEqualTo(2);
            java.nio.file.Files.copy(Path.of("../samples").toAbsolutePath().resolve(samples().get(0)), inbox.resolve("one.txt"));
            await("published and counted").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(MetricsIT.sample(MetricsIT.get(metrics.port(), MetricsServer.METRICS).body(), "pactwire_ingest_published_total"))
                            .isEqualTo(1));
            String scraped = MetricsIT.get(metrics.port(), MetricsServer.METRICS).body();
            // the producer's own metrics, through Micrometer's Kafka client binder
            assertThat(MetricsIT.sample(scraped, "kafka_producer_record_send_total")).isEqualTo(1);

            service.stop();
            assertThat(run.get(60, java.util.concurrent.TimeUnit.SECONDS).published()).hasSize(1);
            HttpResponse<String> after = MetricsIT.get(metrics.port(), MetricsServer.READY);
            assertThat(after.statusCode()).isEqualTo(503);
            assertThat(after.body()).isEqualTo("not ready: ingest has finished\n");
        }
    }

    private static List<String> samples() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("../samples"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        }
    }
}

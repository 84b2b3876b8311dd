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
                                                                            @TempDir Path inbox) throws Exception {
        ConfigInput input = ConfigInput.of(Map.of(
                PactwireConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers(),
                PactwireConfig.METRICS_PORT, "0",
                PactwireConfig.METRICS_HOST, "127.0.0.1"));
        IngestService service = new IngestService(new IngestConfig(input), Clock.systemUTC());
        try (MetricsServer metrics = MetricsServer.start(new ClusterConfig(input))) {
            Progress progress = ServiceMeters.ingest(metrics, service, Progress.NONE);
            ServiceRunner.reportHealth(metrics, service);
            HttpResponse<String> before = MetricsIT.get(metrics.port(), MetricsServer.READY);
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(before.body()).isEqualTo("not ready: ingest is starting\n");

            java.util.concurrent.CompletableFuture<IngestReport> run = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> service.run(new IngestService.Sources(List.of(inbox.toString()), List.of(), null, true, null), progress));
            await("ready").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(MetricsIT.get(metrics.port(), MetricsServer.READY).statusCode()).isEqualTo(200));
            java.nio.file.Files.copy(Path.of("../samples").toAbsolutePath().resolve(firstSample()), inbox.resolve("one.txt"));
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

    private static String firstSample() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("../samples"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
    }
}

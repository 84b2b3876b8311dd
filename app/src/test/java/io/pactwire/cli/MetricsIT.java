package io.pactwire.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pactwire.config.ClusterConfig;
import io.pactwire.config.ConfigInput;
import io.pactwire.config.PactwireConfig;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.ingest.Progress;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.runtime.LogFields;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The services' {@code /metrics} and {@code /health/ready}, scraped over HTTP while the pipeline runs on a real
 * broker: the counters add up to the conservation law, records in = results + dead letters.
 */
@KafkaTest
class MetricsIT {
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void topics(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }

    @Test
    void countersScrapedDuringARunAddUpToRecordsInEqualsResultsPlusDeadLetters(KafkaTestCluster cluster,
                                                                              @TempDir Path state) throws Exception {
        ConfigInput input = input(cluster, state, "pactwire-enrich-metrics");
        ListAppender<ILoggingEvent> enrichLog = new ListAppender<>();
        enrichLog.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        enrichLog.start();
        Logger enrichLogger = (Logger) LoggerFactory.getLogger("io.pactwire.enrich");
        enrichLogger.addAppender(enrichLog);
        try (MetricsServer metrics = MetricsServer.start(new ClusterConfig(input));
             EnricherApp enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard());
             ArticleStore store = new ArticleStore(new StoreConfig(input))) {
            ServiceMeters.enrich(metrics, enricher);
            ServiceRunner.reportHealth(metrics, enricher);
            ServiceMeters.store(metrics, store);
            ServiceRunner.reportHealth(metrics, store);
            enricher.start();
            store.start();

            IngestReport report = new IngestService(new IngestConfig(input), Clock.systemUTC())
                    .run(IngestService.Sources.once(List.of("../samples")), ServiceMeters.ingest(metrics, Progress.NONE));
            assertThat(report.published()).hasSize(3);
            // and one record no enricher can read: a poison pill, dead-lettered
            RecordMetadata poison;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.clientProperties(),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                poison = producer.send(new ProducerRecord<>(Topics.RAW.name(), "poison".getBytes(StandardCharsets.UTF_8),
                        "{not json".getBytes(StandardCharsets.UTF_8))).get();
            }
            long recordsIn = 4;

            await("every record of news.raw counted as enriched or dead-lettered, and stored")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                        String scraped = get(metrics.port(), MetricsServer.METRICS).body();
                        assertThat(sample(scraped, "pactwire_enrich_enriched_total")
                                + sample(scraped, "pactwire_enrich_dead_lettered_total")).isEqualTo(recordsIn);
                        assertThat(sample(scraped, "pactwire_store_stored_total")).isEqualTo(3);
                    });
            String scraped = get(metrics.port(), MetricsServer.METRICS).body();
            long articles = new RecordReader<>(cluster, Topics.ARTICLES.name(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readToEnd(Duration.ofSeconds(30)).size();
            long deadLetters = new RecordReader<>(cluster, Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readToEnd(Duration.ofSeconds(30)).size();

            assertThat(sample(scraped, "pactwire_ingest_published_total")).isEqualTo(3);
            assertThat(sample(scraped, "pactwire_enrich_enriched_total")).isEqualTo(3);
            assertThat(sample(scraped, "pactwire_enrich_dead_lettered_total")).isEqualTo(1).isEqualTo(deadLetters);
            assertThat(sample(scraped, "pactwire_store_stored_total")).isEqualTo(articles);
            assertThat(sample(scraped, "pactwire_store_dead_lettered_total")).isZero();
            // the conservation law: records in = stored + dead-lettered
            assertThat(sample(scraped, "pactwire_store_stored_total") + sample(scraped, "pactwire_enrich_dead_lettered_total")
                    + sample(scraped, "pactwire_store_dead_lettered_total")).isEqualTo(recordsIn);
            assertThat(sample(scraped, "pactwire_enrich_tagging_seconds_count")).isEqualTo(3);
            assertThat(sample(scraped, "pactwire_enrich_tagging_seconds_sum")).isPositive();
            // the Kafka clients' and Streams' own metrics, through Micrometer's binders
            assertThat(scraped).contains("kafka_consumer_fetch_manager_records_lag_max", "kafka_stream_thread_commit_latency_avg",
                    "jvm_memory_used_bytes");
            assertThat(get(metrics.port(), MetricsServer.READY).statusCode()).isEqualTo(200);

            // the enricher's dead-letter log event carries where the record was and why, as key-value pairs
            Map<String, String> fields = new java.util.HashMap<>();
            List.copyOf(enrichLog.list).stream().filter(e -> e.getFormattedMessage().startsWith("Dead letter from"))
                    .findFirst().orElseThrow().getKeyValuePairs().forEach(pair -> fields.put(pair.key, String.valueOf(pair.value)));
            assertThat(fields).containsEntry(LogFields.ARTICLE_ID, "poison").containsEntry(LogFields.TOPIC, Topics.RAW.name())
                    .containsEntry(LogFields.PARTITION, String.valueOf(poison.partition()))
                    .containsEntry(LogFields.OFFSET, String.valueOf(poison.offset()))
                    .containsKey(LogFields.REASON);
        } finally {
            enrichLogger.detachAppender(enrichLog);
        }
    }

    @Test
    void readyOnlyOnceTheEnricherRuns(KafkaTestCluster cluster, @TempDir Path state) throws Exception {
        ConfigInput input = input(cluster, state, "pactwire-enrich-ready");
        try (MetricsServer metrics = MetricsServer.start(new ClusterConfig(input));
             EnricherApp enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard())) {
            ServiceMeters.enrich(metrics, enricher);
            ServiceRunner.reportHealth(metrics, enricher);
            assertThat(get(metrics.port(), MetricsServer.LIVE).statusCode()).isEqualTo(200);
            HttpResponse<String> before = get(metrics.port(), MetricsServer.READY);
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(before.body()).isEqualTo("not ready: enricher is CREATED\n");

            enricher.start();
            assertThat(enricher.awaitRunning(Duration.ofSeconds(60))).isTrue();
            await("ready").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> after = get(metrics.port(), MetricsServer.READY);
                assertThat(after.statusCode()).isEqualTo(200);
                assertThat(after.body()).isEqualTo("ready\n");
            });

            enricher.close(Duration.ofSeconds(30));
            HttpResponse<String> stopped = get(metrics.port(), MetricsServer.READY);
            assertThat(stopped.statusCode()).isEqualTo(503);
            assertThat(stopped.body()).startsWith("not ready: enricher is NOT_RUNNING");
            assertThat(get(metrics.port(), MetricsServer.LIVE).statusCode()).isEqualTo(200);
        }
    }

    private static ConfigInput input(KafkaTestCluster cluster, Path state, String applicationId) {
        return ConfigInput.of(Map.of(
                PactwireConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers(),
                PactwireConfig.METRICS_PORT, "0",
                PactwireConfig.METRICS_HOST, "127.0.0.1",
                EnrichConfig.APPLICATION_ID, applicationId,
                EnrichConfig.STATE_DIR, state.toString(),
                StoreConfig.TRANSACTIONAL_ID, "pactwire-store-metrics-it"));
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of every series of one metric in a Prometheus text exposition; 0 when it has none. */
    static double sample(String exposition, String name) {
        return exposition.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}

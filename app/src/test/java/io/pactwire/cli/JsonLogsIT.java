package io.pactwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PACTWIRE_LOG_FORMAT=json (or -Dpactwire.log.format=json): every line a service logs is one JSON object, and
 * the dead-letter and rejection events carry their fields (article id, source, topic, partition, offset,
 * reason) as key-value pairs. The services run as processes of their own, as in production.
 */
@KafkaTest
class JsonLogsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void topics(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }

    @Test
    void theStoresDeadLetterIsAJsonEventWithArticleIdTopicPartitionOffsetAndReason(KafkaTestCluster cluster,
                                                                                    @TempDir Path dir) throws Exception {
        Path log = dir.resolve("store.log");
        Process store = start(List.of("-Dpactwire.log.format=json"), Map.of(), log, "store",
                "--bootstrap-servers", cluster.bootstrapServers(), "--set", "store.transactional.id=pactwire-store-json");
        try {
            RecordMetadata poison;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(cluster.clientProperties(),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                poison = producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), "bad-id".getBytes(StandardCharsets.UTF_8),
                        "{not json".getBytes(StandardCharsets.UTF_8))).get();
            }
            await("the store's dead letter logged").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.readString(log).contains("Dead letter from"));
            List<JsonNode> events = events(log);
            JsonNode deadLetter = events.stream().filter(e -> e.path("formattedMessage").asText().startsWith("Dead letter from"))
                    .findFirst().orElseThrow();
            assertThat(deadLetter.path("level").asText()).isEqualTo("WARN");
            assertThat(deadLetter.path("loggerName").asText()).isEqualTo("io.pactwire.store.ArticleStore");
            assertThat(deadLetter.path("timestamp").asLong()).isPositive();
            Map<String, String> fields = fields(deadLetter);
            assertThat(fields).containsEntry("articleId", "bad-id")
                    .containsEntry("topic", Topics.ENRICHED.name())
                    .containsEntry("partition", String.valueOf(poison.partition()))
                    .containsEntry("offset", String.valueOf(poison.offset()))
                    .containsKey("reason");
            assertThat(fields.get("reason")).isNotBlank();
        } finally {
            store.destroy();
            assertThat(store.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        // its last line too, written while it stopped
        assertThat(events(log)).anySatisfy(e -> assertThat(e.path("formattedMessage").asText()).startsWith("Store stopped"));
    }

    @Test
    void aRejectedInputIsAJsonEventWithSourceAndReason(KafkaTestCluster cluster, @TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path log = dir.resolve("ingest.log");
        Process ingest = start(List.of(), Map.of("PACTWIRE_LOG_FORMAT", "json"), log, "ingest",
                "--bootstrap-servers", cluster.bootstrapServers(), empty.toString());
        assertThat(ingest.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(ingest.exitValue()).as(Files.readString(log)).isEqualTo(1);
        // stdout (the summary) is apart: the log is stderr only
        JsonNode rejected = events(log).stream().filter(e -> e.path("formattedMessage").asText().startsWith("rejected "))
                .findFirst().orElseThrow();
        assertThat(rejected.path("level").asText()).isEqualTo("WARN");
        assertThat(fields(rejected)).containsEntry("source", empty.toUri().toString()).containsEntry("reason", "no article text");
    }

    @Test
    void aLogFormatThatIsNotOneIsAUsageError(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("version.log");
        Process version = start(List.of(), Map.of("PACTWIRE_LOG_FORMAT", "yaml"), log, "--version");
        assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(version.exitValue()).isEqualTo(Pactwire.EXIT_USAGE);
        assertThat(Files.readString(log)).isEqualTo(
                "pactwire: PACTWIRE_LOG_FORMAT is 'yaml': the log format is text (the default) or json\n");
    }

    /** Each line a JSON object (parsing fails the test otherwise). */
    private static List<JsonNode> events(Path log) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            events.add(event);
        }
        return events;
    }

    /** The event's key-value pairs: logback's JsonEncoder writes them as a list of one-entry objects. */
    private static Map<String, String> fields(JsonNode event) {
        Map<String, String> fields = new HashMap<>();
        event.path("kvpList").forEach(pair -> pair.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText())));
        return fields;
    }

    /** {@code pactwire ARGS} as a JVM of its own, with the jar's logback.xml; stderr (the log) to {@code log}, stdout discarded. */
    private static Process start(List<String> jvmOptions, Map<String, String> environment, Path log, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC"));
        // the shipped logging configuration, not the test kit's logback-test.xml that the classpath also has
        command.add("-Dlogback.configurationFile=" + Path.of("target/classes/logback.xml").toAbsolutePath());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Pactwire.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(key -> key.startsWith("PACTWIRE_") || key.startsWith("KAFKA_"));
        builder.environment().putAll(environment);
        return builder.start();
    }
}

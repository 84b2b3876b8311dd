package io.pactwire.config;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PactwireConfigTest {

    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pactwire.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\ntopics.partitions=2\ntopics.dlq.retention.ms=1000\n");
        ConfigInput input = ConfigInput.load(Optional.of(file),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "PACTWIRE_TOPICS_PARTITIONS", "4", "HOME", "/root"),
                Map.of("topics.partitions", "8"));
        ClusterConfig config = new ClusterConfig(input);
        assertThat(config.bootstrapServers()).isEqualTo("env:9092");
        assertThat(config.getInt("topics.partitions")).isEqualTo(8);
        assertThat(config.getLong("topics.dlq.retention.ms")).isEqualTo(1000L);
    }

    @Test
    void reportsEveryProblemTogetherNamingKeysAndEnvironmentVariables() {
        ConfigInput input = new ConfigInput(Map.of(),
                Map.of("PACTWIRE_TOPICS_PARTITONS", "3"),
                Map.of("topics.partitions", "zero", "topics.replication.factor", "0"));
        assertThatThrownBy(() -> new ClusterConfig(input))
                .isInstanceOf(ConfigValidationException.class)
                .satisfies(e -> assertThat(((ConfigValidationException) e).problems())
                        .hasSize(4)
                        .anySatisfy(p -> assertThat(p).startsWith("bootstrap.servers (env KAFKA_BOOTSTRAP_SERVERS): "))
                        .anySatisfy(p -> assertThat(p).startsWith("topics.partitions (env PACTWIRE_TOPICS_PARTITIONS): "))
                        .anySatisfy(p -> assertThat(p).startsWith("topics.replication.factor (env PACTWIRE_TOPICS_REPLICATION_FACTOR): "))
                        .anySatisfy(p -> assertThat(p).isEqualTo(
                                "PACTWIRE_TOPICS_PARTITONS: not a setting of topics (no key topics.partitons)")))
                .hasMessageStartingWith("Invalid topics settings (4 problems):");
    }

    @Test
    void passesKafkaClientSettingsThroughAndKeepsItsOwnKeysOut() {
        ConfigInput input = new ConfigInput(Map.of("security.protocol", "SASL_SSL"),
                Map.of("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "KAFKA_HEAP_OPTS", "-Xmx1g"),
                Map.of("bootstrap.servers", "a:9092,b:9092"));
        ClusterConfig config = new ClusterConfig(input);
        assertThat(config.kafkaPassThrough())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKeys("heap.opts", "topics.partitions", "bootstrap.servers");
        assertThat(config.adminProperties())
                .containsEntry("bootstrap.servers", "a:9092,b:9092")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void metricsAreOffUnlessAPortIsSetAndTheEnvironmentSetsIt() {
        assertThat(new ClusterConfig(ConfigInput.of(Map.of("bootstrap.servers", "a:9092"))).metricsPort()).isEmpty();
        ClusterConfig config = new ClusterConfig(new ConfigInput(Map.of(),
                Map.of("PACTWIRE_METRICS_PORT", "9404", "PACTWIRE_METRICS_HOST", "127.0.0.1"), Map.of("bootstrap.servers", "a:9092")));
        assertThat(config.metricsPort()).contains(9404);
        assertThat(config.metricsHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> new ClusterConfig(ConfigInput.of(Map.of("bootstrap.servers", "a:9092", "metrics.port", "70000"))))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("metrics.port (env PACTWIRE_METRICS_PORT)");
    }

    @Test
    void aMissingConfigFileIsAnErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> ConfigInput.load(Optional.of(missing), Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void mapsEnvironmentVariableNamesToKeys() {
        assertThat(ConfigSources.keyForEnvVar("PACTWIRE_ENRICH_THREADS")).isEqualTo("enrich.threads");
        assertThat(ConfigSources.keyForEnvVar("KAFKA_SASL_JAAS_CONFIG")).isEqualTo("sasl.jaas.config");
        assertThat(ConfigSources.keyForEnvVar("JAVA_HOME")).isNull();
        assertThat(ConfigSources.envVarFor("store.group.id")).isEqualTo("PACTWIRE_STORE_GROUP_ID");
    }

    @Test
    void aProblemReportNeverCarriesThePasswordOfAPassThroughSetting() {
        ConfigInput input = new ConfigInput(
                Map.of("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"u\" password=\"file-s3cret\";", "ssl.truststore.password", "file-s3cret"),
                Map.of("KAFKA_SASL_JAAS_CONFIG", "x password=\"env-s3cret\";", "PACTWIRE_SSL_KEY_PASSWORD", "env-s3cret"),
                Map.of("topics.partitions", "zero"));
        assertThatThrownBy(() -> new ClusterConfig(input))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("PACTWIRE_SSL_KEY_PASSWORD")
                .hasMessageNotContaining("s3cret");
    }
}

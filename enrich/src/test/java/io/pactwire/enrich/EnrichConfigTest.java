package io.pactwire.enrich;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.ConfigValidationException;
import io.pactwire.config.PactwireConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrichConfigTest {

    @Test
    void defaultsToExactlyOnceWithDeadLettersAndExplicitNaming() {
        Map<String, Object> props = new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", "k:9092"))).streamsProperties();
        assertThat(props)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "pactwire-enrich")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "news.dlq")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Deserialization.class)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class)
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry("bootstrap.servers", "k:9092");
    }

    @Test
    void commitsEvery50MsUnderExactlyOnceAndRetriesTransactionalRequestsSoonUnlessTheUserSaysOtherwise() {
        String retryBackoff = StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG);
        assertThat(new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", "k:9092"))).streamsProperties())
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 50)
                .containsEntry(retryBackoff, PactwireConfig.TRANSACTIONAL_RETRY_BACKOFF_MS);
        // at-least-once results are visible as soon as written: Streams' own default interval (30 s) stays
        assertThat(new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", "k:9092",
                EnrichConfig.PROCESSING_GUARANTEE, StreamsConfig.AT_LEAST_ONCE))).streamsProperties())
                .doesNotContainKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        // an unprefixed setting of the user's must not lose to a prefixed default, which Streams would prefer
        assertThat(new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", "k:9092", "retry.backoff.ms", "250",
                "commit.interval.ms", "1000"))).streamsProperties())
                .containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "250")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000")
                .doesNotContainKey(retryBackoff);
        assertThat(new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", "k:9092", retryBackoff, "300")))
                .streamsProperties()).containsEntry(retryBackoff, "300");
    }

    @Test
    void theProducersDefaultsGiveWayToTheUsersSettingsPrefixedOrNot() {
        String batchSize = StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG);
        assertThat(new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", "k:9092"))).streamsProperties())
                .containsEntry(batchSize, 256 * 1024)
                .containsEntry(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        assertThat(new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", "k:9092", "batch.size", "16384",
                "compression.type", "zstd"))).streamsProperties())
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "16384")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                .doesNotContainKeys(batchSize, StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertThat(new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", "k:9092", batchSize, "65536")))
                .streamsProperties()).containsEntry(batchSize, "65536");
    }

    @Test
    void passesStreamsAndClientSettingsThroughFromFileAndEnvironment() {
        ConfigInput input = new ConfigInput(Map.of("commit.interval.ms", "250"),
                Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "PACTWIRE_ENRICH_THREADS", "4", "KAFKA_BOOTSTRAP_SERVERS", "k:9092"),
                Map.of());
        Map<String, Object> props = new EnrichConfig(input).streamsProperties();
        assertThat(props)
                .containsEntry("commit.interval.ms", "250")
                .containsEntry("security.protocol", "SSL")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 4);
    }

    @Test
    void refusesStreamsSettingsThatContradictItsOwnKeys() {
        ConfigInput input = ConfigInput.of(Map.of("bootstrap.servers", "k:9092", "application.id", "other",
                "enrich.processing.guarantee", "exactly_once"));
        assertThatThrownBy(() -> new EnrichConfig(input))
                .isInstanceOf(ConfigValidationException.class)
                .satisfies(e -> assertThat(((ConfigValidationException) e).problems()).singleElement().asString()
                        .startsWith("enrich.processing.guarantee (env PACTWIRE_ENRICH_PROCESSING_GUARANTEE): Invalid value exactly_once"));
        ConfigInput conflicting = ConfigInput.of(Map.of("bootstrap.servers", "k:9092", "application.id", "other"));
        assertThatThrownBy(() -> new EnrichConfig(conflicting))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("application.id is decided by enrich.application.id (env PACTWIRE_ENRICH_APPLICATION_ID)");
    }
}

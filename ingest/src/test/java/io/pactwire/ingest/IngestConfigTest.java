package io.pactwire.ingest;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.ConfigValidationException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestConfigTest {
    private static IngestConfig config(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("bootstrap.servers", "localhost:9092");
        return new IngestConfig(ConfigInput.of(all));
    }

    @Test
    void theProducerIsIdempotentWithAcksAllAndBatchesCompressedTextRecords() {
        Map<String, Object> props = config(Map.of("acks", "1", "enable.idempotence", "false", "linger.ms", "50"))
                .producerProperties();
        assertThat(props).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "50")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "pactwire-ingest");
    }

    @Test
    void fetchSettingsAndLimitsComeFromTheIngestKeys() {
        IngestConfig config = config(Map.of("ingest.http.timeout.ms", "1500", "ingest.http.max.redirects", "2",
                "ingest.allow.private.hosts", "true", "ingest.max.page.bytes", "4096", "ingest.date.order", "MDY"));
        assertThat(config.fetchSettings()).isEqualTo(new Fetcher.Settings(Duration.ofSeconds(10), Duration.ofMillis(1500), 2, 4096,
                true, "Pactwire-ingest/0.1"));
        assertThat(config.dates().order()).isEqualTo(Dates.Order.MONTH_DAY_YEAR);
        assertThat(config(Map.of()).fetchSettings().allowPrivateHosts()).isFalse();
        assertThat(config(Map.of()).maxArticleBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void aWatchedFileSettlesForTwoSecondsUnlessSetOtherwise() {
        assertThat(config(Map.of()).watchSettle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config(Map.of(IngestConfig.WATCH_SETTLE_MS, "0")).watchSettle()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> config(Map.of(IngestConfig.WATCH_SETTLE_MS, "-1")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining(IngestConfig.WATCH_SETTLE_MS);
    }

    @Test
    void invalidValuesAreReportedTogether() {
        assertThatThrownBy(() -> config(Map.of("ingest.date.order", "YMD", "ingest.http.max.redirects", "-1",
                "ingest.http.user.agent", "")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("ingest.date.order")
                .hasMessageContaining("must be DMY (day-month-year) or MDY (month-day-year)")
                .hasMessageContaining("ingest.http.max.redirects")
                .hasMessageContaining("ingest.http.user.agent");
    }
}

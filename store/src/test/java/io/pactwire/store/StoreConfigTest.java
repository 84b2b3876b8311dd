package io.pactwire.store;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.HostName;
import io.pactwire.config.PactwireConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoreConfigTest {

    @Test
    void theTransactionalProducerRetriesSoonUnlessTheUserSaysOtherwise() {
        assertThat(new StoreConfig(ConfigInput.of(Map.of("bootstrap.servers", "k:9092"))).producerProperties())
                .containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, PactwireConfig.TRANSACTIONAL_RETRY_BACKOFF_MS)
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "pactwire-store-" + HostName.get());
        assertThat(new StoreConfig(ConfigInput.of(Map.of("bootstrap.servers", "k:9092", "retry.backoff.ms", "250")))
                .producerProperties()).containsEntry(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "250");
    }
}

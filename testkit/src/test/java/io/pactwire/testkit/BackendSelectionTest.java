package io.pactwire.testkit;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackendSelectionTest {

    private static Properties props(String... keyValues) {
        Properties props = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void embeddedByDefault() {
        assertThat(BackendSelection.choose(Backend.AUTO, props(), Map.of())).isEqualTo(Backend.EMBEDDED);
        assertThat(BackendSelection.choose(Backend.AUTO, props("pactwire.test.kafka", ""), Map.of())).isEqualTo(Backend.EMBEDDED);
    }

    @Test
    void externalWhenBootstrapServersAreGiven() {
        assertThat(BackendSelection.choose(Backend.AUTO, props("pactwire.test.bootstrap.servers", "k:9092"), Map.of()))
                .isEqualTo(Backend.EXTERNAL);
        assertThat(BackendSelection.choose(Backend.AUTO, props(), Map.of("PACTWIRE_TEST_BOOTSTRAP_SERVERS", "k:9092")))
                .isEqualTo(Backend.EXTERNAL);
    }

    @Test
    void aNamedBackendWinsAndTheAnnotationWinsOverAll() {
        assertThat(BackendSelection.choose(Backend.AUTO, props("pactwire.test.kafka", "Testcontainers",
                "pactwire.test.bootstrap.servers", "k:9092"), Map.of())).isEqualTo(Backend.TESTCONTAINERS);
        assertThat(BackendSelection.choose(Backend.AUTO, props(), Map.of("PACTWIRE_TEST_KAFKA", "external")))
                .isEqualTo(Backend.EXTERNAL);
        assertThat(BackendSelection.choose(Backend.EMBEDDED, props("pactwire.test.kafka", "external"), Map.of()))
                .isEqualTo(Backend.EMBEDDED);
    }

    @Test
    void anUnknownBackendNameIsAClearError() {
        assertThatThrownBy(() -> BackendSelection.choose(Backend.AUTO, props("pactwire.test.kafka", "docker"), Map.of()))
                .hasMessageContaining("pactwire.test.kafka=docker is not a backend");
    }

    @Test
    void externalWithoutBootstrapServersIsAClearError() {
        assertThatThrownBy(() -> ExternalKafkaCluster.open(null))
                .hasMessageContaining("pactwire.test.bootstrap.servers");
    }
}

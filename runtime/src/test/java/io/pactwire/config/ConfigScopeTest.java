package io.pactwire.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys an offline command uses out of a service's definition: no cluster asked for, the user's values read. */
class ConfigScopeTest {
    private static final List<String> SCOPE = List.of(PactwireConfig.TOPICS_PARTITIONS, PactwireConfig.STARTUP_TIMEOUT_MS);

    @Test
    void needsNoBootstrapServersAndGivesTheDeclaredDefaults() {
        ConfigScope scope = ConfigScope.of("cluster", PactwireConfig.commonDefinition(), SCOPE, ConfigInput.of(Map.of()));
        assertThat(scope.getInt(PactwireConfig.TOPICS_PARTITIONS)).isEqualTo(3);
        assertThat(scope.getLong(PactwireConfig.STARTUP_TIMEOUT_MS)).isEqualTo(15_000L);
    }

    @Test
    void readsTheFileTheEnvironmentAndFlagsWithTheServicesPrecedence(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("service.properties");
        Files.writeString(file, "bootstrap.servers=broker:9092\nsecurity.protocol=SSL\ntopics.partitions=2\n"
                + "startup.timeout.ms=1000\n");
        ConfigInput input = ConfigInput.load(Optional.of(file),
                Map.of("PACTWIRE_STARTUP_TIMEOUT_MS", "2000", "PACTWIRE_TOPICS_PREFIX", "staging.", "KAFKA_ACKS", "1"),
                Map.of(PactwireConfig.TOPICS_PARTITIONS, "8"));
        ConfigScope scope = ConfigScope.of("cluster", PactwireConfig.commonDefinition(), SCOPE, input);
        assertThat(scope.getInt(PactwireConfig.TOPICS_PARTITIONS)).isEqualTo(8);
        assertThat(scope.getLong(PactwireConfig.STARTUP_TIMEOUT_MS)).isEqualTo(2000L);
    }

    @Test
    void reportsEveryProblemInScopeAndEveryFlagThatNamesNoKeyOfTheService() {
        ConfigInput input = new ConfigInput(Map.of("topics.replication.factor", "0"), Map.of("PACTWIRE_STARTUP_TIMEOUT_MS", "soon"),
                Map.of(PactwireConfig.TOPICS_PARTITIONS, "0", "topics.partitons", "3", PactwireConfig.TOPICS_PREFIX, "a b"));
        assertThatThrownBy(() -> ConfigScope.of("cluster", PactwireConfig.commonDefinition(), SCOPE, input))
                .isInstanceOf(ConfigValidationException.class)
                .satisfies(e -> assertThat(((ConfigValidationException) e).problems()).containsExactlyInAnyOrder(
                        "topics.partitons: not a setting of cluster",
                        "topics.partitions (env PACTWIRE_TOPICS_PARTITIONS): Invalid value 0 for configuration topics.partitions:"
                                + " Value must be at least 1",
                        "startup.timeout.ms (env PACTWIRE_STARTUP_TIMEOUT_MS): Invalid value soon for configuration"
                                + " startup.timeout.ms: Not a number of type LONG"));
    }

    @Test
    void aKeyOutsideTheScopeIsNotReadable() {
        ConfigScope scope = ConfigScope.of("cluster", PactwireConfig.commonDefinition(), SCOPE, ConfigInput.of(Map.of()));
        assertThatThrownBy(() -> scope.getString(PactwireConfig.TOPICS_PREFIX)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topics.prefix");
        assertThatThrownBy(() -> ConfigScope.of("cluster", PactwireConfig.commonDefinition(), List.of("no.such.key"),
                ConfigInput.of(Map.of()))).isInstanceOf(IllegalArgumentException.class);
    }
}

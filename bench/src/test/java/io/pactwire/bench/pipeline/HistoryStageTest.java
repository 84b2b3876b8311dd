package io.pactwire.bench.pipeline;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.PactwireConfig;
import io.pactwire.enrich.EnrichConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each service's state folder under the stage's work folder, given by the key the service has for it. */
class HistoryStageTest {
    private static final Path DIR = Path.of("/work/bench/history-1000");

    @Test
    void theEnrichersStateFolderIsGivenByItsKey() {
        EnrichConfig enrich = new EnrichConfig(ConfigInput.of(Map.of(PactwireConfig.BOOTSTRAP_SERVERS, "localhost:9092")));
        assertThat(HistoryStage.stateSettings(DIR, "enrich", enrich))
                .containsExactly("--set", "enrich.state.dir=" + DIR.resolve("enrich-state"));
    }

    @Test
    void aServiceWithAStateKeyGetsItsFolderAndOneWithoutGetsNoFlag() {
        ConfigDef withState = PactwireConfig.commonDefinition()
                .define("store.state.dir", ConfigDef.Type.STRING, "/var/lib/x", ConfigDef.Importance.LOW, "state");
        assertThat(HistoryStage.stateSettings(DIR, "store", new TestConfig("store", withState)))
                .containsExactly("--set", "store.state.dir=" + DIR.resolve("store-state"));
        assertThat(HistoryStage.stateSettings(DIR, "ingest", new TestConfig("ingest", PactwireConfig.commonDefinition())))
                .as("a service that keeps no local state: its default folder is under XDG_STATE_HOME, set by the stage")
                .isEmpty();
    }

    /** A service's config with the keys given. */
    private static final class TestConfig extends PactwireConfig {
        TestConfig(String service, ConfigDef definition) {
            super(service, definition, Set.of(), ConfigInput.of(Map.of(BOOTSTRAP_SERVERS, "localhost:9092")));
        }
    }
}

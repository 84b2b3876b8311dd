package io.pactwire.enrich;

import io.pactwire.runtime.Incarnations;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStateTest {
    private static final String APP = "pactwire-enrich";
    private static final Incarnations FIRST = new Incarnations("cluster-a", Map.of("news.raw", Uuid.fromString("AAAAAAAAAAAAAAAAAAAAAQ")));
    private static final Incarnations RECREATED = new Incarnations("cluster-a", Map.of("news.raw", Uuid.fromString("AAAAAAAAAAAAAAAAAAAAAg")));

    @Test
    void eachRunningEnricherTakesItsOwnSlotAndARestartTakesItsSlotAgain(@TempDir Path base) {
        try (LocalState first = LocalState.open(base, "cluster-a", APP);
             LocalState second = LocalState.open(base, "cluster-a", APP)) {
            assertThat(first.streamsStateDir()).isEqualTo(base.resolve("cluster-a").resolve("instance-0"));
            assertThat(second.streamsStateDir()).isEqualTo(base.resolve("cluster-a").resolve("instance-1"));
        }
        try (LocalState again = LocalState.open(base, "cluster-a", APP)) {
            assertThat(again.streamsStateDir()).isEqualTo(base.resolve("cluster-a").resolve("instance-0"));
        }
    }

    @Test
    void keepsAFolderPerCluster(@TempDir Path base) {
        try (LocalState a = LocalState.open(base, "cluster-a", APP); LocalState b = LocalState.open(base, "cluster/b", APP)) {
            assertThat(a.streamsStateDir()).isEqualTo(base.resolve("cluster-a").resolve("instance-0"));
            assertThat(b.streamsStateDir()).isEqualTo(base.resolve("cluster_b").resolve("instance-0"));
        }
    }

    @Test
    void keepsStateBuiltFromTheSameTopics(@TempDir Path base) throws Exception {
        try (LocalState state = LocalState.open(base, "cluster-a", APP)) {
            Path store = storeFile(state);
            state.record(FIRST);
            assertThat(state.discardUnless(FIRST)).isEmpty();
            assertThat(store).exists();
        }
    }

    @Test
    void discardsStateBuiltFromATopicThatWasCreatedAgain(@TempDir Path base) throws Exception {
        try (LocalState state = LocalState.open(base, "cluster-a", APP)) {
            Path store = storeFile(state);
            state.record(FIRST);
            assertThat(state.discardUnless(RECREATED)).hasValueSatisfying(reason ->
                    assertThat(reason).contains("topic news.raw was deleted and created again"));
            assertThat(store).doesNotExist();
            assertThat(state.recorded()).isEmpty();
        }
    }

    @Test
    void discardsStateWithoutARecordBecauseItCannotBeChecked(@TempDir Path base) throws Exception {
        try (LocalState state = LocalState.open(base, "cluster-a", APP)) {
            Path store = storeFile(state);
            assertThat(state.discardUnless(FIRST)).hasValueSatisfying(reason -> assertThat(reason).contains("no readable record"));
            assertThat(store).doesNotExist();
        }
    }

    @Test
    void discardsStateWithAnUnreadableRecord(@TempDir Path base) throws Exception {
        try (LocalState state = LocalState.open(base, "cluster-a", APP)) {
            Path store = storeFile(state);
            Files.writeString(state.streamsStateDir().resolve(APP + ".incarnations"), "topic.news.raw=garbage\n");
            assertThat(state.discardUnless(FIRST)).isPresent();
            assertThat(store).doesNotExist();
        }
    }

    @Test
    void anEmptyStateNeedsNoCheck(@TempDir Path base) {
        try (LocalState state = LocalState.open(base, "cluster-a", APP)) {
            assertThat(state.discardUnless(FIRST)).isEmpty();
        }
    }

    @Test
    void theDefaultFolderIsPerUserOutsideTheTemporaryDirectory() {
        assertThat(EnrichConfig.defaultStateDir(Map.of("XDG_STATE_HOME", "/var/state")))
                .isEqualTo(Path.of("/var/state", "pactwire", "enrich").toString());
        assertThat(EnrichConfig.defaultStateDir(Map.of("XDG_STATE_HOME", "relative")))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local", "state", "pactwire", "enrich").toString());
        assertThat(EnrichConfig.defaultStateDir(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".local", "state", "pactwire", "enrich").toString())
                .doesNotStartWith(System.getProperty("java.io.tmpdir"));
    }

    /** A file standing for the store's files that Kafka Streams keeps in the application's folder. */
    private static Path storeFile(LocalState state) throws Exception {
        Path store = state.streamsStateDir().resolve(APP).resolve("0_0").resolve("rocksdb").resolve("last-results");
        Files.createDirectories(store);
        return Files.writeString(store.resolve("000001.sst"), "state");
    }
}

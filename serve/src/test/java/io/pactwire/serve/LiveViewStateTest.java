package io.pactwire.serve;

import io.pactwire.runtime.Incarnations;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** serve's local state belongs to the cluster and topics it was read from. */
class LiveViewStateTest {
    private static final Uuid RAW = Uuid.randomUuid();
    private static final Uuid ARTICLES = Uuid.randomUuid();
    private static final Uuid AGREEMENTS = Uuid.randomUuid();
    private static final Incarnations BUILT_FROM = new Incarnations("cluster-a", Map.of(
            Topics.RAW.name(), RAW, Topics.ARTICLES.name(), ARTICLES, Topics.AGREEMENTS.name(), AGREEMENTS));

    @Test
    void keepsAStateBuiltFromTheTopicsTheClusterHoldsNow(@TempDir Path dir) throws Exception {
        LiveView.discardUnlessBuiltFrom(dir, "pactwire-serve", BUILT_FROM);
        Path store = storeFile(dir);
        LiveView.discardUnlessBuiltFrom(dir, "pactwire-serve", BUILT_FROM);
        assertThat(store).exists();
    }

    @Test
    void discardsAStateBuiltFromATopicSinceCreatedAgain(@TempDir Path dir) throws Exception {
        LiveView.discardUnlessBuiltFrom(dir, "pactwire-serve", BUILT_FROM);
        Path store = storeFile(dir);
        Incarnations recreated = new Incarnations("cluster-a", Map.of(
                Topics.RAW.name(), RAW, Topics.ARTICLES.name(), Uuid.randomUuid(), Topics.AGREEMENTS.name(), AGREEMENTS));
        LiveView.discardUnlessBuiltFrom(dir, "pactwire-serve", recreated);
        assertThat(store).doesNotExist();
        assertThat(dir.resolve("pactwire-serve")).doesNotExist();
        // and the record now names the topic as it is, so the next start keeps what is read from it
        Path again = storeFile(dir);
        LiveView.discardUnlessBuiltFrom(dir, "pactwire-serve", recreated);
        assertThat(again).exists();
    }

    @Test
    void discardsAStateWithoutARecordOfWhereItCameFrom(@TempDir Path dir) throws Exception {
        Path store = storeFile(dir);
        LiveView.discardUnlessBuiltFrom(dir, "pactwire-serve", BUILT_FROM);
        assertThat(store).doesNotExist();
        assertThat(dir.resolve("pactwire-serve.incarnations")).exists();
    }

    /** A file where Kafka Streams keeps a global store. */
    private static Path storeFile(Path dir) throws Exception {
        Path store = dir.resolve("pactwire-serve/global/rocksdb/serve-articles/000001.sst");
        Files.createDirectories(store.getParent());
        Files.writeString(store, "state");
        return store;
    }
}

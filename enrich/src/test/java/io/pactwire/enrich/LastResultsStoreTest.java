package io.pactwire.enrich;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.BatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.CommitCallback;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LastResultsStoreTest {
    @TempDir
    Path stateDir;

    private final List<KeyValueStore<Bytes, byte[]>> opened = new ArrayList<>();
    private StateRestoreCallback restore;

    @AfterEach
    void closeStores() {
        opened.forEach(StateStore::close);
    }

    /** A context over {@code stateDir} that keeps the restore callback the store registers. */
    private StateStoreContext context(Map<String, Object> settings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "last-results-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
        props.putAll(settings);
        StateStoreContext mock = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile()).getStateStoreContext();
        return new StateStoreContext() {
            @Override
            public String applicationId() {
                return mock.applicationId();
            }

            @Override
            public TaskId taskId() {
                return mock.taskId();
            }

            @Override
            public Optional<RecordMetadata> recordMetadata() {
                return mock.recordMetadata();
            }

            @Override
            public Serde<?> keySerde() {
                return mock.keySerde();
            }

            @Override
            public Serde<?> valueSerde() {
                return mock.valueSerde();
            }

            @Override
            public File stateDir() {
                return mock.stateDir();
            }

            @Override
            public StreamsMetrics metrics() {
                return mock.metrics();
            }

            @Override
            public void register(StateStore store, StateRestoreCallback callback) {
                restore = callback;
            }

            @Override
            public void register(StateStore store, StateRestoreCallback callback, CommitCallback onCommit) {
                restore = callback;
            }

            @Override
            public Map<String, Object> appConfigs() {
                return mock.appConfigs();
            }

            @Override
            public Map<String, Object> appConfigsWithPrefix(String prefix) {
                return mock.appConfigsWithPrefix(prefix);
            }
        };
    }

    private KeyValueStore<Bytes, byte[]> open(Map<String, Object> settings) {
        KeyValueStore<Bytes, byte[]> store = LastResultsStore.supplier("last-results").get();
        store.init(context(settings), store);
        opened.add(store);
        return store;
    }

    private static Bytes key(String key) {
        return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] value(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Test
    void readsWhatItWroteAndNothingElseFromMemoryAndFromFiles() {
        KeyValueStore<Bytes, byte[]> store = open(Map.of());
        for (int i = 0; i < 1000; i++) {
            store.put(key("article-" + i), value("result-" + i));
        }
        store.put(key("article-7"), value("result-7b"));
        store.put(key("article-8"), null);
        assertThat(store.delete(key("article-9"))).asString(StandardCharsets.UTF_8).isEqualTo("result-9");
        assertThat(store.delete(key("never-written"))).isNull();

        for (boolean flushed : new boolean[] {false, true}) {
            assertThat(text(store.get(key("article-0")))).as("flushed: %s", flushed).isEqualTo("result-0");
            assertThat(text(store.get(key("article-999")))).isEqualTo("result-999");
            assertThat(text(store.get(key("article-7")))).isEqualTo("result-7b");
            assertThat(store.get(key("article-8"))).isNull();
            assertThat(store.get(key("article-9"))).isNull();
            assertThat(store.get(key("article-1000"))).isNull();
            assertThat(store.get(key("article-"))).isNull();
            store.flush();
        }
        assertThat(store.putIfAbsent(key("article-1"), value("other"))).asString(StandardCharsets.UTF_8).isEqualTo("result-1");
        assertThat(text(store.get(key("article-1")))).isEqualTo("result-1");
        assertThat(store.putIfAbsent(key("article-8"), value("result-8b"))).isNull();
        assertThat(text(store.get(key("article-8")))).isEqualTo("result-8b");
        assertThat(store.approximateNumEntries()).isPositive();
    }

    @Test
    void keepsWhatItFlushedAcrossAReopen() {
        KeyValueStore<Bytes, byte[]> store = open(Map.of());
        store.putAll(List.of(KeyValue.pair(key("a"), value("1")), KeyValue.pair(key("b"), value("2")),
                KeyValue.pair(key("c"), value("3"))));
        store.putAll(List.of(KeyValue.pair(key("b"), null)));
        store.flush();
        store.close();
        assertThat(store.isOpen()).isFalse();
        assertThatThrownBy(() -> store.get(key("a"))).isInstanceOf(InvalidStateStoreException.class)
                .hasMessageContaining("last-results");

        KeyValueStore<Bytes, byte[]> again = open(Map.of());
        assertThat(text(again.get(key("a")))).isEqualTo("1");
        assertThat(again.get(key("b"))).isNull();
        assertThat(text(again.get(key("c")))).isEqualTo("3");
        assertThat(stateDir.resolve(LastResultsStore.PARENT_DIR).resolve("last-results")).isDirectory();
    }

    @Test
    void keepsWritesInMemoryUntilABatchIsFullAndWritesThemAtFlushCloseOrBeforeAnIteration() {
        KeyValueStore<Bytes, byte[]> store = open(Map.of());
        int below = LastResultsStore.PENDING_WRITES - 1;
        for (int i = 0; i < below; i++) {
            store.put(key("pending-" + i), value("result-" + i));
        }
        store.put(key("pending-0"), null);
        assertThat(store.get(key("pending-0"))).isNull();
        assertThat(text(store.get(key("pending-1")))).isEqualTo("result-1");
        assertThat(keys(store.range(key("pending-1"), key("pending-10")))).containsExactly("pending-1", "pending-10");
        for (int i = below; i < 3 * LastResultsStore.PENDING_WRITES; i++) {
            store.put(key("pending-" + i), value("result-" + i));
        }
        store.put(key("last"), value("unflushed"));
        store.close();

        KeyValueStore<Bytes, byte[]> again = open(Map.of());
        assertThat(again.get(key("pending-0"))).isNull();
        assertThat(text(again.get(key("pending-" + (3 * LastResultsStore.PENDING_WRITES - 1)))))
                .isEqualTo("result-" + (3 * LastResultsStore.PENDING_WRITES - 1));
        assertThat(text(again.get(key("last")))).isEqualTo("unflushed");
        assertThat(keys(again.all())).hasSize(3 * LastResultsStore.PENDING_WRITES);
    }

    @Test
    void restoresTheChangelogInBatchesWhereANullValueDeletes() {
        KeyValueStore<Bytes, byte[]> store = open(Map.of());
        store.put(key("gone"), value("old"));
        assertThat(restore).isInstanceOf(BatchingStateRestoreCallback.class);
        ((BatchingStateRestoreCallback) restore).restoreAll(List.of(
                KeyValue.pair(value("a"), value("1")), KeyValue.pair(value("gone"), null), KeyValue.pair(value("a"), value("2"))));
        assertThat(text(store.get(key("a")))).isEqualTo("2");
        assertThat(store.get(key("gone"))).isNull();
    }

    @Test
    void opensTheFolderOfStreamsOwnStoreOfEarlierReleasesAndDropsTheOffsetsItKeptThere() throws Exception {
        KeyValueStore<Bytes, byte[]> streams = Stores.persistentKeyValueStore("last-results").get();
        streams.init(new MockProcessorContext<>(props(), new TaskId(0, 0), stateDir.toFile()).getStateStoreContext(), streams);
        streams.put(key("a"), value("1"));
        streams.put(key("b"), value("2"));
        streams.flush();
        streams.close();
        Path folder = stateDir.resolve(LastResultsStore.PARENT_DIR).resolve("last-results");
        assertThat(families(folder)).as("Kafka Streams' own store keeps its offsets in a column family").hasSize(2);

        KeyValueStore<Bytes, byte[]> store = open(Map.of());
        assertThat(text(store.get(key("a")))).isEqualTo("1");
        assertThat(text(store.get(key("b")))).isEqualTo("2");
        assertThat(store.get(key("c"))).isNull();
        store.close();
        assertThat(families(folder)).containsExactly("default");
    }

    private static List<String> families(Path folder) throws Exception {
        try (Options options = new Options()) {
            return RocksDB.listColumnFamilies(options, folder.toString()).stream()
                    .map(name -> new String(name, StandardCharsets.UTF_8)).toList();
        }
    }

    private static Properties props() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "last-results-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
        return props;
    }

    @Test
    void iteratesInKeyOrderWithinInclusiveBoundsAndClosesOpenIteratorsWithTheStore() {
        KeyValueStore<Bytes, byte[]> store = open(Map.of());
        for (String k : new String[] {"d", "a", "c", "e", "b"}) {
            store.put(key(k), value(k.toUpperCase()));
        }
        assertThat(keys(store.all())).containsExactly("a", "b", "c", "d", "e");
        assertThat(keys(store.range(key("b"), key("d")))).containsExactly("b", "c", "d");
        assertThat(keys(store.range(key("bb"), null))).containsExactly("c", "d", "e");
        assertThat(keys(store.range(null, key("b")))).containsExactly("a", "b");
        assertThat(keys(store.range(key("d"), key("b")))).isEmpty();
        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            assertThat(all.peekNextKey()).isEqualTo(key("a"));
            assertThat(text(all.next().value)).isEqualTo("A");
            store.close();
            assertThatThrownBy(all::hasNext).isInstanceOf(InvalidStateStoreException.class);
        }
    }

    private static List<String> keys(KeyValueIterator<Bytes, byte[]> iterator) {
        List<String> keys = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(entry -> keys.add(new String(entry.key.get(), StandardCharsets.UTF_8)));
        }
        return keys;
    }

    /** Records what Streams' config setter hook was called with. */
    public static final class RecordingSetter implements RocksDBConfigSetter {
        static final List<String> CALLS = new ArrayList<>();

        @Override
        public void setConfig(String storeName, Options options, Map<String, Object> configs) {
            CALLS.add("set " + storeName + " " + options.writeBufferSize());
            options.setWriteBufferSize(1024 * 1024);
        }

        @Override
        public void close(String storeName, Options options) {
            CALLS.add("close " + storeName + " " + options.writeBufferSize());
        }
    }

    @Test
    void letsTheUsersRocksDbConfigSetterHaveTheLastWordAsStreamsDoes() {
        RecordingSetter.CALLS.clear();
        KeyValueStore<Bytes, byte[]> store = open(Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RecordingSetter.class));
        store.put(key("a"), value("1"));
        store.close();
        assertThat(RecordingSetter.CALLS).containsExactly("set last-results " + 4 * 1024 * 1024,
                "close last-results " + 1024 * 1024);
    }
}

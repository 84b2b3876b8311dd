package io.pactwire.enrich;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.BatchingStateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Holder;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The enricher's last-results store: a persistent key-value store in RocksDB, in the task's state folder
 * ({@code <task>/rocksdb/<name>}, where Kafka Streams' own store keeps it), logged to its changelog and restored
 * from it by Streams like any persistent store, its changelog offset checkpointed by Streams in a file.
 *
 * <p>Why not Streams' own RocksDB store: the enricher asks the store for every article, and most articles are
 * new, so most look-ups miss. Streams' store answers a miss with RocksDB's {@code get}, which RocksJava reports
 * by throwing and catching a C++ exception in its native code, and keeps no Bloom filter in the last level
 * ({@code optimize_filters_for_hits}), which holds most keys. This store asks RocksDB's {@code keyMayExist} first,
 * which answers from the memtables (with a Bloom filter of their own) and the filters of every level, and
 * returns the value when it found it in memory; only a key that may exist elsewhere costs a {@code get}. And it
 * writes in batches: a write waits in memory (read from there) until {@value #PENDING_WRITES} are pending, or
 * until Streams flushes the store before it checkpoints, and they go to RocksDB in one write. JMH
 * ({@code LastResultsStoreBenchmark}): a miss 3.3x faster than in Streams' store, a hit 0.81x; in the pipeline
 * benchmark the enricher went from 0.65-0.79 of its bound to 0.76-1.03 (docs/performance.md).
 *
 * <p>The options are Streams' defaults for its store (a 50 MB block cache, 4 KB blocks, three write buffers,
 * universal compaction, no compression, no write-ahead log: the changelog is the log) with the filters above
 * and 4 MB write buffers instead of 16 (with 16 the enricher ran at 0.68 of its bound, against 0.76-1.03 in
 * three runs with 4: the memtables share the caches with the tagger's dictionaries), then whatever a
 * {@code rocksdb.config.setter} of the user's sets, called as Streams calls it for its own stores. The store
 * answers no interactive queries, so it tracks no position.
 *
 * <p>Releases before this store kept the last results in Streams' own store, in the same folder and format, with
 * its changelog offsets in a column family of their own ({@code offsets}, since Kafka 4.3). The first start drops
 * that column family, with one INFO line; finding no checkpoint of its own, Streams then restores the store from
 * its changelog once (under exactly-once it first wipes the task's state, as for any store without one).
 */
public final class LastResultsStore implements KeyValueStore<Bytes, byte[]> {
    /** The store's folder in the task's, the one Kafka Streams' own RocksDB stores use. */
    static final String PARENT_DIR = "rocksdb";
    private static final Logger log = LoggerFactory.getLogger(LastResultsStore.class);
    private static final long BLOCK_CACHE_BYTES = 50L * 1024 * 1024;
    private static final long BLOCK_BYTES = 4096;
    private static final long WRITE_BUFFER_BYTES = 4L * 1024 * 1024;
    private static final int WRITE_BUFFERS = 3;
    /** The share of a memtable's size given to its Bloom filter of whole keys. */
    private static final double MEMTABLE_FILTER_RATIO = 0.1;
    /** Writes kept in memory before they go to RocksDB in one batch: at most this many (about 250 KB of last results). */
    static final int PENDING_WRITES = 1000;

    private final String name;
    private final Set<RocksKeyValueIterator> openIterators = new HashSet<>();
    /** Writes not yet in RocksDB, read before it; a null value deletes the key. */
    private final Map<Bytes, byte[]> pending = new HashMap<>();
    /** Empty: the store answers no interactive queries, so it tracks no position. */
    private final Position position = Position.emptyPosition();
    private File dir;
    private Options options;
    private LRUCache cache;
    private BloomFilter filter;
    private WriteOptions writeOptions;
    private FlushOptions flushOptions;
    private RocksDBConfigSetter configSetter;
    private RocksDB db;
    private volatile boolean open;

    LastResultsStore(String name) {
        this.name = name;
    }

    /** The supplier Streams builds the store with; its metrics scope is that of Streams' RocksDB stores. */
    public static KeyValueBytesStoreSupplier supplier(String name) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new LastResultsStore(name);
            }

            @Override
            public String metricsScope() {
                return "rocksdb";
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        RocksDB.loadLibrary();
        dir = new File(new File(context.stateDir(), PARENT_DIR), name);
        options = new Options();
        cache = new LRUCache(BLOCK_CACHE_BYTES);
        filter = new BloomFilter();
        BlockBasedTableConfig table = new BlockBasedTableConfig();
        table.setBlockCache(cache);
        table.setBlockSize(BLOCK_BYTES);
        table.setFilterPolicy(filter);
        options.setTableFormatConfig(table);
        options.setMemtablePrefixBloomSizeRatio(MEMTABLE_FILTER_RATIO);
        options.setMemtableWholeKeyFiltering(true);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setMaxWriteBufferNumber(WRITE_BUFFERS);
        options.setCompactionStyle(CompactionStyle.UNIVERSAL);
        options.setCompressionType(CompressionType.NO_COMPRESSION);
        options.setCreateIfMissing(true);
        options.setErrorIfExists(false);
        options.setInfoLogLevel(InfoLogLevel.ERROR_LEVEL);
        options.setIncreaseParallelism(Math.max(Runtime.getRuntime().availableProcessors(), 2));
        Object setter = context.appConfigs().get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG);
        if (setter != null) {
            // Streams has parsed the setting into a class
            configSetter = (RocksDBConfigSetter) Utils.newInstance((Class<?>) setter);
            configSetter.setConfig(name, options, context.appConfigs());
        }
        writeOptions = new WriteOptions().setDisableWAL(true);
        flushOptions = new FlushOptions().setWaitForFlush(true);
        try {
            Files.createDirectories(dir.toPath());
            dropStreamsOffsets();
            db = RocksDB.open(options, dir.getAbsolutePath());
        } catch (IOException | RocksDBException e) {
            closeOptions();
            throw new ProcessorStateException("Cannot open the state store " + name + " in " + dir + ": " + e.getMessage(), e);
        }
        open = true;
        context.register(root, (BatchingStateRestoreCallback) this::restoreAll);
    }

    /**
     * Drops the column families other than the default one, if the folder has any: those of Kafka Streams' own
     * store, which kept its changelog offsets in one ({@code offsets}, since Kafka 4.3). This store's offsets are
     * Streams' checkpoint file, so offsets left there could only mislead a store that reads them later.
     */
    private void dropStreamsOffsets() throws RocksDBException {
        if (!new File(dir, "CURRENT").exists()) {
            return;
        }
        List<byte[]> families = RocksDB.listColumnFamilies(options, dir.getAbsolutePath());
        if (families.size() <= 1) {
            return;
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions dbOptions = new DBOptions(options); ColumnFamilyOptions familyOptions = new ColumnFamilyOptions(options)) {
            List<ColumnFamilyDescriptor> descriptors = families.stream()
                    .map(family -> new ColumnFamilyDescriptor(family, familyOptions)).toList();
            try (RocksDB streams = RocksDB.open(dbOptions, dir.getAbsolutePath(), descriptors, handles)) {
                for (ColumnFamilyHandle handle : handles) {
                    if (!Arrays.equals(handle.getName(), RocksDB.DEFAULT_COLUMN_FAMILY)) {
                        streams.dropColumnFamily(handle);
                        log.info("Dropped the column family '{}' of {}, written by Kafka Streams' own store: Streams"
                                + " checkpoints this store's changelog offsets in a file", new String(handle.getName(),
                                StandardCharsets.UTF_8), dir);
                    }
                }
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
        }
    }

    /** Writes what the changelog holds, in one batch per call, the last record of a key winning. */
    private synchronized void restoreAll(Collection<KeyValue<byte[], byte[]>> records) {
        for (KeyValue<byte[], byte[]> record : records) {
            pending.put(Bytes.wrap(record.key), record.value);
        }
        writePending();
    }

    @Override
    public synchronized byte[] get(Bytes key) {
        checkOpen();
        if (pending.containsKey(key)) {
            return pending.get(key);
        }
        byte[] bytes = key.get();
        Holder<byte[]> found = new Holder<>();
        if (!db.keyMayExist(bytes, found)) {
            return null;
        }
        if (found.getValue() != null) {
            return found.getValue(); // in a memtable or a cached block: no second look-up
        }
        try {
            return db.get(bytes);
        } catch (RocksDBException e) {
            throw failed("read", e);
        }
    }

    /** Keeps the write with those pending, and writes them all to RocksDB once there are {@value #PENDING_WRITES}. */
    @Override
    public synchronized void put(Bytes key, byte[] value) {
        checkOpen();
        pending.put(key, value);
        if (pending.size() >= PENDING_WRITES) {
            writePending();
        }
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        for (KeyValue<Bytes, byte[]> entry : entries) {
            put(entry.key, entry.value);
        }
    }

    /** Writes the pending writes to RocksDB in one batch: a null value deletes the key. */
    private void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<Bytes, byte[]> entry : pending.entrySet()) {
                if (entry.getValue() == null) {
                    batch.delete(entry.getKey().get());
                } else {
                    batch.put(entry.getKey().get(), entry.getValue());
                }
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw failed("write", e);
        }
        pending.clear();
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        byte[] current = get(key);
        if (current != null) {
            put(key, null);
        }
        return current;
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        checkOpen();
        writePending();
        return iterator(from, to); // from after to: the first key from on is after to, so there is none
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> all() {
        checkOpen();
        writePending();
        return iterator(null, null);
    }

    private KeyValueIterator<Bytes, byte[]> iterator(Bytes from, Bytes to) {
        RocksKeyValueIterator iterator = new RocksKeyValueIterator(db.newIterator(), from, to);
        openIterators.add(iterator);
        return iterator;
    }

    @Override
    public synchronized long approximateNumEntries() {
        checkOpen();
        writePending();
        try {
            return db.getLongProperty("rocksdb.estimate-num-keys");
        } catch (RocksDBException e) {
            throw failed("count", e);
        }
    }

    /** Writes the memtables to disk: the changelog offset Streams checkpoints after this is covered by files. */
    @Override
    public synchronized void flush() {
        if (db == null) {
            return;
        }
        writePending();
        try {
            db.flush(flushOptions);
        } catch (RocksDBException e) {
            throw failed("flush", e);
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Position getPosition() {
        return position;
    }

    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        try {
            writePending();
        } finally {
            open = false;
            new ArrayList<>(openIterators).forEach(RocksKeyValueIterator::close);
            db.close();
            db = null;
            closeOptions();
        }
    }

    private void closeOptions() {
        if (configSetter != null) {
            configSetter.close(name, options);
            configSetter = null;
        }
        for (AutoCloseable resource : new AutoCloseable[] {writeOptions, flushOptions, options, cache, filter}) {
            if (resource != null) {
                Utils.closeQuietly(resource, name + " store resource");
            }
        }
    }

    private void checkOpen() {
        if (!open) {
            throw new InvalidStateStoreException("The state store " + name + " is not open");
        }
    }

    private ProcessorStateException failed(String what, RocksDBException e) {
        return new ProcessorStateException("Cannot " + what + " the state store " + name + " in " + dir + ": "
                + e.getMessage(), e);
    }

    /** Keys from {@code from} to {@code to}, both included (null: no bound), in RocksDB's (byte) order. */
    private final class RocksKeyValueIterator implements KeyValueIterator<Bytes, byte[]> {
        private final RocksIterator rocks;
        private final byte[] to;
        private boolean closed;

        RocksKeyValueIterator(RocksIterator rocks, Bytes from, Bytes to) {
            this.rocks = rocks;
            this.to = to == null ? null : to.get();
            if (from == null) {
                rocks.seekToFirst();
            } else {
                rocks.seek(from.get());
            }
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                throw new InvalidStateStoreException("The iterator over " + name + " is closed");
            }
            return rocks.isValid() && (to == null || Bytes.BYTES_LEXICO_COMPARATOR.compare(rocks.key(), to) <= 0);
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<Bytes, byte[]> entry = KeyValue.pair(Bytes.wrap(rocks.key()), rocks.value());
            rocks.next();
            return entry;
        }

        @Override
        public Bytes peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return Bytes.wrap(rocks.key());
        }

        @Override
        public void close() {
            synchronized (LastResultsStore.this) {
                if (!closed) {
                    closed = true;
                    openIterators.remove(this);
                    rocks.close();
                }
            }
        }
    }
}

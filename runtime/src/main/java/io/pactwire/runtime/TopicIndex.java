package io.pactwire.runtime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Bytes;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A persistent index of one compacted topic: for every key, a small value that a {@link Codec} derives from
 * the key's records, kept off the heap in RocksDB under a service's state folder, with a checkpoint (the next
 * offset to read, per partition) written in the same atomic write batch as the data it covers. A restart
 * {@link #catchUp reads} only what the topic gained since the checkpoint: O(what changed), and a heap that does
 * not grow with the number of keys.
 *
 * <p>Layout: {@code <state dir>/<cluster id>/<topic>@<topic id>/}, a RocksDB folder. The index belongs to
 * one cluster and one incarnation of its topic: against another cluster it is built from the beginning in
 * that cluster's folder (with one INFO line; the other cluster's is left alone), and when the topic was
 * created again (a new topic id) the old folder is dropped with one WARN line and the index is rebuilt. A
 * checkpoint below a partition's log start offset (records deleted before they were read) or above its end
 * offset (a topic truncated under the index) drops the index too. A partition added later is read from its
 * beginning. Deleting the folder only costs a rebuild.
 *
 * <p>Own writes: a service that writes the topic itself may {@link #stage} what it sends (the in-flight
 * overlay, consulted before the index, bounded by what is in flight), and {@link #applyAcknowledged apply}
 * a write to the index once Kafka acknowledged it, never before. Neither moves the checkpoint: only reading
 * does, so after a crash the next start reads from the last checkpoint and replays the topic's records over
 * any newer own write, ending at each key's last record in the log. A {@link #close clean close} catches up
 * first, so the next start reads nothing that this run wrote.
 *
 * <p>One process, one folder: a second open of a folder while it is open fails with an error naming it.
 * Lookups and staging are safe from any thread; catching up, applying and closing are serialized.
 */
public final class TopicIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TopicIndex.class);

    private static final byte META = 0;
    private static final byte DATA = 1;
    private static final String CHECKPOINT = "checkpoint.";
    private static final byte[] COUNT = meta("count");
    private static final byte[] CLUSTER_ID = meta("cluster.id");
    private static final byte[] TOPIC_ID = meta("topic.id");
    /** A key staged as deleted (a tombstone in flight). */
    private static final Bytes ABSENT = Bytes.wrap(new byte[0]);

    static {
        RocksDB.loadLibrary();
    }

    /**
     * What the index keeps for a record's key, given what it keeps now: a value, {@code null} to drop the key
     * (a tombstone), or {@code current} itself (the same array, or null when the index has nothing) to leave
     * it as it is (a record the index has no use for).
     */
    @FunctionalInterface
    public interface Codec {
        byte[] apply(ConsumerRecord<byte[], byte[]> record, byte[] current);
    }

    /**
     * Where an index lives and how long a catch-up may take.
     *
     * @param stateDir    the service's state folder
     * @param stateDirKey the config key that sets it, named in errors
     * @param timeout     the deadline of one catch-up
     * @param timeoutKey  the config key that sets it, named when it expires
     */
    public record Settings(Path stateDir, String stateDirKey, Duration timeout, String timeoutKey) {
    }

    private final String topic;
    private final Path folder;
    private final boolean temporary;
    private final Settings settings;
    private final TopicReader reader;
    private final Codec codec;
    private final ConcurrentHashMap<Bytes, Bytes> overlay = new ConcurrentHashMap<>();
    /** Partitions caught up in this run: those a clean close catches up again. */
    private final Set<Integer> caughtUp = new TreeSet<>();
    private RocksDB db;
    private List<AutoCloseable> resources = List.of();
    private long count;
    private volatile long lastRead;
    private volatile long totalRead;
    private boolean closed;

    private TopicIndex(String topic, Path folder, boolean temporary, Settings settings, TopicReader reader, Codec codec) {
        this.topic = topic;
        this.folder = folder;
        this.temporary = temporary;
        this.settings = settings;
        this.reader = reader;
        this.codec = codec;
    }

    /**
     * Opens the index of {@code topic} on the cluster the clients connect to: reads the cluster's id and the
     * topic's with an admin client, and reads the topic with a consumer of its own (read_committed, no group).
     *
     * @throws IllegalStateException when the topic does not exist or the folder is in use
     */
    public static TopicIndex open(Settings settings, String topic, Map<String, Object> readerProperties,
                                  Map<String, Object> adminProperties, Codec codec) {
        Incarnations incarnations;
        Admin admin = Admin.create(adminProperties);
        try {
            incarnations = Incarnations.read(admin, List.of(topic), settings.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the id of " + topic, e);
        } catch (KafkaException e) {
            throw new KafkaException("Could not read " + topic + " within " + settings.timeout().toMillis() + " ms ("
                    + settings.timeoutKey() + "): " + e.getMessage(), e);
        } finally {
            admin.close(Duration.ZERO); // nothing left to wait for: a call still pending is one that failed
        }
        Uuid topicId = incarnations.topicIds().get(topic);
        if (topicId == null) {
            throw new IllegalStateException("Topic " + topic + " does not exist on cluster " + incarnations.clusterId());
        }
        Map<String, Object> reading = new HashMap<>(readerProperties);
        reading.put("isolation.level", "read_committed");
        return open(settings, topic, incarnations.clusterId(), topicId, TopicReader.open(reading, settings.timeoutKey()), codec);
    }

    /**
     * Opens the index of {@code topic} as it is on cluster {@code clusterId} with id {@code topicId}, read with
     * {@code reader} (which the index closes). Drops the folders of the same topic name that belong to another
     * cluster or another incarnation of the topic.
     */
    public static TopicIndex open(Settings settings, String topic, String clusterId, Uuid topicId, TopicReader reader,
                                  Codec codec) {
        Path folder = settings.stateDir().resolve(clusterId).resolve(topic + "@" + topicId);
        dropOtherIncarnations(settings.stateDir(), topic, clusterId, topicId);
        TopicIndex index = new TopicIndex(topic, folder, false, settings, reader, codec);
        index.openDb(clusterId, topicId.toString());
        return index;
    }

    /**
     * An index in a fresh temporary folder, deleted when it is closed: for a one-off command that must not
     * share a running service's folder. It starts empty and reads the whole topic at its first catch-up.
     */
    public static TopicIndex temporary(String topic, TopicReader reader, Duration timeout, String timeoutKey, Codec codec) {
        try {
            Path folder = Files.createTempDirectory("pactwire-index-");
            TopicIndex index = new TopicIndex(topic, folder, true, new Settings(folder, "(a temporary folder)", timeout,
                    timeoutKey), reader, codec);
            index.openDb("-", "-");
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the index of " + topic, e);
        }
    }

    /**
     * Drops the folders of other incarnations of {@code topic} on this cluster (the topic was deleted and created
     * again: what they hold describes records that are gone), unless a running process holds one. The folders of
     * other clusters are left alone: one state folder may serve pipelines on several clusters (a demo beside a
     * real one), and the index of this cluster is built in a folder of its own.
     */
    private static void dropOtherIncarnations(Path stateDir, String topic, String clusterId, Uuid topicId) {
        Path cluster = stateDir.resolve(clusterId);
        String prefix = topic + "@";
        if (Files.isDirectory(cluster)) {
            try (Stream<Path> folders = Files.list(cluster)) {
                for (Path old : folders.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                    String oldId = old.getFileName().toString().substring(prefix.length());
                    if (oldId.equals(topicId.toString())) {
                        continue;
                    }
                    if (heldByAnotherProcess(old)) {
                        log.warn("Leaving the local index of {} at {} alone: a running process holds it, although {} was"
                                + " created again (its id was {}, it is {})", topic, old, topic, oldId, topicId);
                        continue;
                    }
                    log.warn("Dropping the local index of {} at {}: {} was created again (its id was {}, it is {}); it is"
                            + " rebuilt from the beginning", topic, old, topic, oldId, topicId);
                    deleteRecursively(old);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot clean the state folder " + cluster, e);
            }
        }
        if (!Files.isDirectory(cluster.resolve(topic + "@" + topicId)) && Files.isDirectory(stateDir)) {
            try (Stream<Path> others = Files.list(stateDir)) {
                List<String> elsewhere = others.filter(c -> !c.equals(cluster) && hasIndexOf(c, prefix))
                        .map(c -> c.getFileName().toString()).sorted().toList();
                if (!elsewhere.isEmpty()) {
                    log.info("The local index of {} under {} was built on other clusters ({}), not on this one ({}): it is"
                            + " built from the beginning for this cluster; the others are left as they are (delete their"
                            + " folders if those clusters are gone)", topic, stateDir, String.join(", ", elsewhere), clusterId);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the state folder " + stateDir, e);
            }
        }
    }

    private static boolean hasIndexOf(Path cluster, String prefix) {
        try (Stream<Path> folders = Files.list(cluster)) {
            return folders.anyMatch(f -> f.getFileName().toString().startsWith(prefix));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether another process holds RocksDB's lock on {@code folder}. */
    private static boolean heldByAnotherProcess(Path folder) {
        Path lock = folder.resolve("LOCK");
        if (!Files.exists(lock)) {
            return false;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void openDb(String clusterId, String topicId) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the state folder " + folder + " (" + settings.stateDirKey() + ")", e);
        }
        LRUCache cache = new LRUCache(8L * 1024 * 1024);
        BloomFilter filter = new BloomFilter(10);
        Options options = new Options()
                .setCreateIfMissing(true)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(8L * 1024 * 1024)
                .setMaxWriteBufferNumber(2)
                .setKeepLogFileNum(2)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(cache)
                        .setFilterPolicy(filter)
                        .setBlockSize(16 * 1024));
        try {
            db = RocksDB.open(options, folder.toString());
        } catch (RocksDBException e) {
            options.close();
            filter.close();
            cache.close();
            String message = String.valueOf(e.getMessage());
            if (message.contains("LOCK") || message.contains("lock")) {
                throw new IllegalStateException("The state folder " + folder + " is in use by another process (or another"
                        + " instance in this one); each instance needs a state folder of its own (" + settings.stateDirKey()
                        + "): " + message, e);
            }
            throw new IllegalStateException("Cannot open the state folder " + folder + " (" + settings.stateDirKey() + "): "
                    + message, e);
        }
        resources = List.of(db, options, filter, cache);
        try {
            byte[] cluster = db.get(CLUSTER_ID);
            if (cluster == null) {
                try (WriteBatch batch = new WriteBatch(); WriteOptions write = new WriteOptions()) {
                    batch.put(CLUSTER_ID, clusterId.getBytes(StandardCharsets.UTF_8));
                    batch.put(TOPIC_ID, topicId.getBytes(StandardCharsets.UTF_8));
                    batch.put(COUNT, longBytes(0));
                    db.write(write, batch);
                }
            } else if (!clusterId.equals(new String(cluster, StandardCharsets.UTF_8))
                    || !topicId.equals(new String(db.get(TOPIC_ID), StandardCharsets.UTF_8))) {
                throw new IllegalStateException("The state folder " + folder + " holds the index of another cluster or topic"
                        + " (cluster " + new String(cluster, StandardCharsets.UTF_8) + "); delete it (" + settings.stateDirKey() + ")");
            }
            count = readLong(db.get(COUNT));
        } catch (RocksDBException e) {
            release();
            throw failure("read", e);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    /** The topic indexed. */
    public String topic() {
        return topic;
    }

    /** The RocksDB folder of this index. */
    public Path folder() {
        return folder;
    }

    /** The partitions of the topic, by number. */
    public synchronized List<Integer> partitions() {
        return reader.partitions(topic, settings.timeout()).stream().map(TopicPartition::partition).toList();
    }

    /** Catches up every partition of the topic; see {@link #catchUp(Collection)}. */
    public synchronized long catchUpAll() {
        return catchUp(partitions());
    }

    /**
     * Reads each of {@code partitions} from its checkpoint (or its beginning) to its current end, applying each
     * record through the codec and advancing the checkpoint in the same write batches. Drops and rebuilds the
     * whole index first when a checkpoint is below its partition's log start offset or above its end.
     *
     * @return how many records it read
     * @throws org.apache.kafka.common.errors.TimeoutException when the end is not reached within the settings' timeout
     */
    public synchronized long catchUp(Collection<Integer> partitions) {
        ensureOpen();
        if (partitions.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        List<TopicPartition> read = partitions.stream().sorted().distinct().map(p -> new TopicPartition(topic, p)).toList();
        Map<TopicPartition, Long> beginning = reader.beginningOffsets(read, settings.timeout());
        Map<TopicPartition, Long> end = reader.endOffsets(read, settings.timeout());
        Map<Integer, Long> checkpoints = checkpoints();
        Optional<String> invalid = invalidCheckpoint(checkpoints, beginning, end);
        if (invalid.isPresent()) {
            log.warn("Dropping the local index of {} at {}: {}; it is rebuilt from the beginning", topic, folder, invalid.get());
            clear();
            checkpoints = Map.of();
        } else if (checkpoints.isEmpty()) {
            log.info("Building the local index of {} at {} from the beginning", topic, folder);
        }
        Map<TopicPartition, Long> from = new LinkedHashMap<>();
        for (TopicPartition partition : read) {
            from.put(partition, checkpoints.getOrDefault(partition.partition(), TopicReader.BEGINNING));
        }
        Applier applier = new Applier(checkpoints);
        TopicReader.Reached reached = reader.read(from, settings.timeout(), applier);
        applier.polled(reached.positions());
        caughtUp.addAll(partitions);
        lastRead = reached.records();
        totalRead += reached.records();
        log.info("Caught up the local index of {} (partitions {}): read {} records in {} ms; {} keys", topic,
                partitions.stream().sorted().distinct().toList(), reached.records(), (System.nanoTime() - started) / 1_000_000, count);
        return reached.records();
    }

    private static Optional<String> invalidCheckpoint(Map<Integer, Long> checkpoints, Map<TopicPartition, Long> beginning,
                                                      Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : beginning.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getKey().partition())).toList()) {
            Long checkpoint = checkpoints.get(partition.getKey().partition());
            if (checkpoint == null) {
                continue;
            }
            long start = partition.getValue();
            long last = end.get(partition.getKey());
            if (checkpoint < start) {
                return Optional.of("its checkpoint of " + partition.getKey() + " is " + checkpoint + ", below the partition's log"
                        + " start offset " + start + " (records were deleted before the index read them)");
            }
            if (checkpoint > last) {
                return Optional.of("its checkpoint of " + partition.getKey() + " is " + checkpoint + ", above the partition's end"
                        + " offset " + last + " (the partition holds less than the index has read)");
            }
        }
        return Optional.empty();
    }

    /** Applies the records of each poll in one write batch, with the positions reached as the checkpoint. */
    private final class Applier implements TopicReader.Handler {
        /** Per key touched since the last batch: what it held before, and what it holds now. */
        private final Map<Bytes, byte[][]> pending = new LinkedHashMap<>();
        private final Map<Integer, Long> written;

        Applier(Map<Integer, Long> checkpoints) {
            this.written = new HashMap<>(checkpoints);
        }

        @Override
        public void record(ConsumerRecord<byte[], byte[]> record) {
            if (record.key() == null) {
                return;
            }
            Bytes key = Bytes.wrap(record.key());
            byte[][] change = pending.get(key);
            byte[] current = change != null ? change[1] : stored(record.key());
            byte[] next = codec.apply(record, current);
            if (next == current) {
                return;
            }
            if (change == null) {
                pending.put(key, new byte[][] {current, next});
            } else {
                change[1] = next;
            }
        }

        @Override
        public void polled(Map<TopicPartition, Long> positions) {
            Map<Integer, Long> moved = new TreeMap<>();
            positions.forEach((partition, offset) -> {
                if (!offset.equals(written.get(partition.partition()))) {
                    moved.put(partition.partition(), offset);
                }
            });
            if (pending.isEmpty() && moved.isEmpty()) {
                return;
            }
            try (WriteBatch batch = new WriteBatch(); WriteOptions write = new WriteOptions()) {
                long delta = 0;
                for (Map.Entry<Bytes, byte[][]> change : pending.entrySet()) {
                    byte[] before = change.getValue()[0];
                    byte[] after = change.getValue()[1];
                    if (after == null) {
                        batch.delete(data(change.getKey().get()));
                    } else {
                        batch.put(data(change.getKey().get()), after);
                    }
                    delta += (after != null ? 1 : 0) - (before != null ? 1 : 0);
                }
                for (Map.Entry<Integer, Long> checkpoint : moved.entrySet()) {
                    batch.put(meta(CHECKPOINT + checkpoint.getKey()), longBytes(checkpoint.getValue()));
                }
                batch.put(COUNT, longBytes(count + delta));
                db.write(write, batch);
                count += delta;
            } catch (RocksDBException e) {
                throw failure("write", e);
            }
            written.putAll(moved);
            // the overlay's own writes that the log now shows are the index's from here on
            pending.forEach((key, change) -> overlay.remove(key, change[1] == null ? ABSENT : Bytes.wrap(change[1])));
            pending.clear();
        }
    }

    /** The next offset to read per partition, for the partitions read so far. */
    public synchronized Map<Integer, Long> checkpoints() {
        ensureOpen();
        Map<Integer, Long> checkpoints = new TreeMap<>();
        byte[] prefix = meta(CHECKPOINT);
        try (RocksIterator it = db.newIterator()) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                String partition = new String(it.key(), prefix.length, it.key().length - prefix.length, StandardCharsets.UTF_8);
                checkpoints.put(Integer.parseInt(partition), readLong(it.value()));
            }
        }
        return checkpoints;
    }

    /** Deletes every key and checkpoint. */
    private void clear() {
        try (WriteBatch batch = new WriteBatch(); WriteOptions write = new WriteOptions()) {
            batch.deleteRange(new byte[] {DATA}, new byte[] {DATA + 1});
            batch.deleteRange(meta(CHECKPOINT), meta("checkpoint/")); // '/' follows '.': every checkpoint key
            batch.put(COUNT, longBytes(0));
            db.write(write, batch);
            count = 0;
        } catch (RocksDBException e) {
            throw failure("clear", e);
        }
        overlay.clear();
    }

    /** What the key has: its staged value while one is in flight, else what the index holds. */
    public Optional<byte[]> get(byte[] key) {
        Bytes staged = overlay.get(Bytes.wrap(key));
        if (staged != null) {
            return staged == ABSENT ? Optional.empty() : Optional.of(staged.get());
        }
        return Optional.ofNullable(stored(key));
    }

    /** What the index holds for the key, without the overlay; null when nothing. */
    public byte[] stored(byte[] key) {
        ensureOpen();
        try {
            return db.get(data(key));
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    /**
     * Stages a write in flight ({@code value} null: a tombstone): {@link #get} answers it until the index reads it
     * back from the topic or it is {@link #restage restaged}.
     */
    public void stage(byte[] key, byte[] value) {
        overlay.put(Bytes.wrap(key), value == null ? ABSENT : Bytes.wrap(value));
    }

    /**
     * If {@code expected} is staged for the key (a write that failed), stages {@code value} instead (null: nothing);
     * when that is what the index holds, the key leaves the overlay.
     *
     * @return whether {@code expected} was staged
     */
    public boolean restage(byte[] key, byte[] expected, byte[] value) {
        Bytes expectedBytes = expected == null ? ABSENT : Bytes.wrap(expected);
        boolean[] found = new boolean[1];
        overlay.computeIfPresent(Bytes.wrap(key), (k, staged) -> {
            if (!staged.equals(expectedBytes)) {
                return staged;
            }
            found[0] = true;
            return Arrays.equals(value, stored(key)) ? null : value == null ? ABSENT : Bytes.wrap(value);
        });
        return found[0];
    }

    /** How many writes are staged. */
    public int staged() {
        return overlay.size();
    }

    /**
     * Applies writes Kafka has acknowledged ({@code null} value: a tombstone) to the index, without moving the
     * checkpoint: a crash before the index reads them back replays the log over them.
     */
    public synchronized void applyAcknowledged(Map<byte[], byte[]> writes) {
        ensureOpen();
        if (writes.isEmpty()) {
            return;
        }
        try (WriteBatch batch = new WriteBatch(); WriteOptions write = new WriteOptions()) {
            long delta = 0;
            Map<Bytes, Boolean> present = new HashMap<>();
            for (Map.Entry<byte[], byte[]> entry : writes.entrySet()) {
                Bytes key = Bytes.wrap(entry.getKey());
                boolean before = present.computeIfAbsent(key, k -> stored(k.get()) != null);
                boolean after = entry.getValue() != null;
                if (after) {
                    batch.put(data(entry.getKey()), entry.getValue());
                } else {
                    batch.delete(data(entry.getKey()));
                }
                present.put(key, after);
                delta += (after ? 1 : 0) - (before ? 1 : 0);
            }
            batch.put(COUNT, longBytes(count + delta));
            db.write(write, batch);
            count += delta;
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    /** How many keys the index holds (without the overlay). */
    public synchronized long size() {
        return count;
    }

    /** How many records the last catch-up read. */
    public long lastCatchUpRecords() {
        return lastRead;
    }

    /** How many records the catch-ups of this index read since it was opened. */
    public long recordsRead() {
        return totalRead;
    }

    private void ensureOpen() {
        if (closed || db == null) {
            throw new IllegalStateException("The index of " + topic + " at " + folder + " is closed");
        }
    }

    /**
     * A clean close: catches up the partitions caught up in this run (reading only what was written since, this
     * run's own writes among it), so that the next start reads nothing of it, then releases the index. A
     * catch-up that fails is logged: the next start reads from the last checkpoint.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (!caughtUp.isEmpty() && !temporary) {
            try {
                catchUp(List.copyOf(caughtUp));
            } catch (RuntimeException e) {
                log.warn("Could not catch the local index of {} up at close ({}); the next start reads {} from the last"
                        + " checkpoint", topic, e.toString(), topic);
            }
        }
        release();
    }

    /**
     * Releases the index without catching up (a service stopping on a failure): the next start reads from the last
     * checkpoint. Safe to call more than once.
     */
    public synchronized void release() {
        if (closed) {
            return;
        }
        closed = true;
        overlay.clear();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Closing the local index of {}: {}", topic, e.toString());
            }
        }
        db = null;
        reader.close();
        if (temporary) {
            deleteRecursively(folder);
        }
    }

    private RuntimeException failure(String what, RocksDBException e) {
        return new KafkaException("Cannot " + what + " the local index of " + topic + " at " + folder + ": " + e.getMessage(), e);
    }

    private static byte[] meta(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[bytes.length + 1];
        key[0] = META;
        System.arraycopy(bytes, 0, key, 1, bytes.length);
        return key;
    }

    private static byte[] data(byte[] key) {
        byte[] bytes = new byte[key.length + 1];
        bytes[0] = DATA;
        System.arraycopy(key, 0, bytes, 1, key.length);
        return bytes;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private static long readLong(byte[] bytes) {
        return bytes == null ? 0 : ByteBuffer.wrap(bytes).getLong();
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> all = new ArrayList<>(walk.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }
}

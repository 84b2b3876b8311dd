package io.pactwire.runtime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index's rules without a broker: the codec, the checkpoint written with the data, what makes it rebuild,
 * the overlay of own writes. (TopicIndexIT runs it against a real broker.)
 */
class TopicIndexTest {
    private static final String TOPIC = "news.raw";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final Uuid TOPIC_ID = Uuid.randomUuid();
    /** Keeps the value as it is; a tombstone drops the key; a value "skip" leaves the key as it was. */
    private static final TopicIndex.Codec CODEC = (record, current) -> record.value() != null
            && "skip".equals(new String(record.value(), StandardCharsets.UTF_8)) ? current : record.value();

    @TempDir
    Path stateDir;

    /** The log of each partition: the records at offsets from the log start offset. */
    private final Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> log = new HashMap<>(Map.of(P0, new ArrayList<>(),
            P1, new ArrayList<>()));
    private final Map<TopicPartition, Long> logStart = new HashMap<>(Map.of(P0, 0L, P1, 0L));

    @Test
    void aRestartReadsOnlyWhatTheTopicGainedSinceTheCheckpoint() {
        append(P0, "a", "1");
        append(P0, "b", "1");
        append(P1, "c", "1");
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            assertThat(index.catchUp(List.of(0, 1))).isEqualTo(3);
            assertThat(index.checkpoints()).isEqualTo(Map.of(0, 2L, 1, 1L));
        }
        append(P0, "a", "2");
        append(P1, "c", null);
        append(P1, "b", "skip");

        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            assertThat(index.catchUp(List.of(0, 1))).isEqualTo(3);
            assertThat(value(index, "a")).isEqualTo("2");
            assertThat(value(index, "b")).isEqualTo("1");
            assertThat(index.get(bytes("c"))).isEmpty();
            assertThat(index.size()).isEqualTo(2);
            assertThat(index.checkpoints()).isEqualTo(Map.of(0, 3L, 1, 3L));
        }
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            assertThat(index.catchUp(List.of(0, 1))).isZero();
            assertThat(index.size()).isEqualTo(2);
        }
    }

    @Test
    void aPartitionNotCaughtUpBeforeIsReadFromItsBeginning() {
        append(P0, "a", "1");
        append(P1, "b", "1");
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            assertThat(index.catchUp(List.of(0))).isEqualTo(1);
            assertThat(index.get(bytes("b"))).isEmpty();
        }
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            assertThat(index.catchUp(List.of(0, 1))).isEqualTo(1);
            assertThat(value(index, "b")).isEqualTo("1");
        }
    }

    @Test
    void aCheckpointBelowTheLogStartOrAboveTheEndDropsTheIndexAndRebuildsIt() {
        append(P0, "a", "1");
        append(P0, "b", "1");
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            index.catchUp(List.of(0));
        }
        // records deleted before the index read them: offsets 0 to 2 are gone, 3 is new
        append(P0, "c", "1");
        append(P0, "d", "1");
        logStart.put(P0, 3L);
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            assertThat(index.catchUp(List.of(0))).as("read from the log start").isEqualTo(1);
            assertThat(index.get(bytes("a"))).as("dropped with the index").isEmpty();
            assertThat(value(index, "d")).isEqualTo("1");
            assertThat(index.size()).isEqualTo(1);
        }
        // the partition now holds less than the index read (checkpoint 4, end 2)
        log.put(P0, new ArrayList<>());
        logStart.put(P0, 0L);
        append(P0, "e", "1");
        append(P0, "f", "1");
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            assertThat(index.catchUp(List.of(0))).isEqualTo(2);
            assertThat(index.get(bytes("d"))).isEmpty();
            assertThat(value(index, "e")).isEqualTo("1");
            assertThat(index.checkpoints()).isEqualTo(Map.of(0, 2L));
        }
    }

    @Test
    void anotherClusterOrATopicCreatedAgainStartsFromAnEmptyIndexAndATopicCreatedAgainDropsTheOldFolder() {
        append(P0, "a", "1");
        Path old;
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            index.catchUp(List.of(0));
            old = index.folder();
        }
        Uuid recreated = Uuid.randomUuid();
        try (TopicIndex index = open("cluster-1", recreated)) {
            assertThat(index.size()).isZero();
            assertThat(index.checkpoints()).isEmpty();
            assertThat(index.folder()).isEqualTo(stateDir.resolve("cluster-1").resolve(TOPIC + "@" + recreated));
            assertThat(index.catchUp(List.of(0))).isEqualTo(1);
        }
        assertThat(old).doesNotExist();
        try (TopicIndex index = open("cluster-2", recreated)) {
            assertThat(index.size()).isZero();
            assertThat(index.checkpoints()).isEmpty();
        }
        try (TopicIndex index = open("cluster-1", recreated)) {
            assertThat(index.size()).as("another cluster's index is left as it is").isEqualTo(1);
        }
    }

    @Test
    void aSecondOpenOfAnOpenFolderFailsNamingTheFolder() {
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            assertThatThrownBy(() -> open("cluster-1", TOPIC_ID))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(index.folder().toString())
                    .hasMessageContaining("some.state.dir");
        }
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            assertThat(index.size()).as("released at close: it opens again").isZero();
        }
    }

    @Test
    void aStagedWriteAnswersUntilTheTopicShowsItAndAFailedOneIsRestaged() {
        append(P0, "a", "1");
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            index.catchUp(List.of(0));
            index.stage(bytes("a"), bytes("2"));
            index.stage(bytes("b"), bytes("1"));
            assertThat(value(index, "a")).isEqualTo("2");
            assertThat(new String(index.stored(bytes("a")), StandardCharsets.UTF_8)).as("not in the index before it is read").isEqualTo("1");

            assertThat(index.restage(bytes("b"), bytes("1"), null)).as("b's send failed").isTrue();
            assertThat(index.get(bytes("b"))).isEmpty();
            assertThat(index.restage(bytes("a"), bytes("9"), null)).as("another write is staged").isFalse();
            assertThat(index.staged()).isEqualTo(1);

            append(P0, "a", "2");
            assertThat(index.catchUp(List.of(0))).isEqualTo(1);
            assertThat(index.staged()).as("read back: the index's from now on").isZero();
            assertThat(new String(index.stored(bytes("a")), StandardCharsets.UTF_8)).isEqualTo("2");
        }
    }

    @Test
    void anAcknowledgedWriteLeavesTheCheckpointSoACrashReplaysTheLogOverIt() {
        append(P0, "a", "1");
        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            index.catchUp(List.of(0));
        }
        TopicIndex crashed = open("cluster-1", TOPIC_ID);
        crashed.catchUp(List.of(0));
        append(P0, "a", "2");
        crashed.applyAcknowledged(Map.of(bytes("a"), bytes("2"), bytes("b"), bytes("1")));
        assertThat(value(crashed, "a")).isEqualTo("2");
        assertThat(crashed.size()).isEqualTo(2);
        assertThat(crashed.checkpoints()).isEqualTo(Map.of(0, 1L));
        crashed.release(); // no clean close: b was never in the log (its write is lost with the crash)
        append(P0, "a", "3");

        try (TopicIndex index = open("cluster-1", TOPIC_ID)) {
            assertThat(index.catchUp(List.of(0))).isEqualTo(2);
            assertThat(value(index, "a")).isEqualTo("3");
            assertThat(index.checkpoints()).isEqualTo(Map.of(0, 3L));
        }
    }

    @Test
    void aCleanCloseCatchesUpSoTheNextStartReadsNothing() {
        append(P0, "a", "1");
        TopicIndex index = open("cluster-1", TOPIC_ID);
        index.catchUp(List.of(0));
        append(P0, "b", "1"); // written by this run, say
        index.close();

        try (TopicIndex again = open("cluster-1", TOPIC_ID)) {
            assertThat(again.catchUp(List.of(0))).isZero();
            assertThat(value(again, "b")).isEqualTo("1");
        }
    }

    @Test
    void aTemporaryIndexIsDeletedAtClose() {
        append(P0, "a", "1");
        TopicIndex index = TopicIndex.temporary(TOPIC, new TopicReader(consumer(), "some.timeout.ms"), Duration.ofSeconds(5),
                "some.timeout.ms", CODEC);
        assertThat(index.catchUpAll()).isEqualTo(1);
        assertThat(Files.isDirectory(index.folder())).isTrue();
        index.close();
        assertThat(index.folder()).doesNotExist();
    }

    private TopicIndex open(String cluster, Uuid topicId) {
        return TopicIndex.open(new TopicIndex.Settings(stateDir, "some.state.dir", Duration.ofSeconds(5), "some.timeout.ms"),
                TOPIC, cluster, topicId, new TopicReader(consumer(), "some.timeout.ms"), CODEC);
    }

    /** A consumer of the log as it is at each call: its partitions, log start and end offsets, records. */
    private MockConsumer<byte[], byte[]> consumer() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name()) {
            @Override
            public synchronized Map<TopicPartition, Long> beginningOffsets(java.util.Collection<TopicPartition> partitions,
                                                                           Duration timeout) {
                updateBeginningOffsets(new HashMap<>(logStart));
                return super.beginningOffsets(partitions, timeout);
            }

            @Override
            public synchronized Map<TopicPartition, Long> endOffsets(java.util.Collection<TopicPartition> partitions,
                                                                     Duration timeout) {
                Map<TopicPartition, Long> end = new HashMap<>();
                log.keySet().forEach(partition -> end.put(partition, end(partition)));
                updateEndOffsets(end);
                return super.endOffsets(partitions, timeout);
            }

            @Override
            public synchronized org.apache.kafka.clients.consumer.ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
                for (TopicPartition partition : assignment()) {
                    long position = position(partition);
                    log.get(partition).stream().filter(r -> r.offset() >= Math.max(position, logStart.get(partition)))
                            .forEach(this::addRecord);
                }
                return super.poll(timeout);
            }
        };
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null),
                new PartitionInfo(TOPIC, 1, null, null, null)));
        consumer.updateBeginningOffsets(new HashMap<>(logStart));
        return consumer;
    }

    private long end(TopicPartition partition) {
        List<ConsumerRecord<byte[], byte[]>> records = log.get(partition);
        return records.isEmpty() ? logStart.get(partition) : Math.max(logStart.get(partition), records.get(records.size() - 1).offset() + 1);
    }

    private void append(TopicPartition partition, String key, String value) {
        log.get(partition).add(record(partition, end(partition), key, value));
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, String key, String value) {
        return new ConsumerRecord<>(TOPIC, partition.partition(), offset, bytes(key), value == null ? null : bytes(value));
    }

    private static String value(TopicIndex index, String key) {
        return index.get(bytes(key)).map(v -> new String(v, StandardCharsets.UTF_8)).orElse(null);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

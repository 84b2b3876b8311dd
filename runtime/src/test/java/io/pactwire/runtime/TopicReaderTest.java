package io.pactwire.runtime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicReaderTest {
    private static final String TOPIC = "news.raw";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());

    @Test
    void readsEachPartitionFromItsStartToTheEndItHadWhenTheReadStarted() {
        partitions(Map.of(P0, 3L, P1, 2L));
        consumer.schedulePollTask(() -> {
            for (int offset = 0; offset < 3; offset++) {
                consumer.addRecord(record(P0, offset));
            }
            consumer.addRecord(record(P1, 0));
            consumer.addRecord(record(P1, 1));
        });
        List<String> read = new ArrayList<>();
        List<Map<TopicPartition, Long>> polled = new ArrayList<>();

        TopicReader.Reached reached = new TopicReader(consumer, "some.timeout.ms").read(Map.of(P0, 1L, P1, TopicReader.BEGINNING),
                Duration.ofSeconds(5), new TopicReader.Handler() {
                    @Override
                    public void record(ConsumerRecord<byte[], byte[]> record) {
                        read.add(record.partition() + "@" + record.offset());
                    }

                    @Override
                    public void polled(Map<TopicPartition, Long> positions) {
                        polled.add(positions);
                    }
                });

        assertThat(read).containsExactlyInAnyOrder("0@1", "0@2", "1@0", "1@1");
        assertThat(reached.records()).isEqualTo(4);
        assertThat(reached.positions()).isEqualTo(Map.of(P0, 3L, P1, 2L));
        assertThat(polled).last().isEqualTo(Map.of(P0, 3L, P1, 2L));
    }

    @Test
    void aPartitionAlreadyAtItsEndIsNotPolled() {
        partitions(Map.of(P0, 2L));
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();

        TopicReader.Reached reached = new TopicReader(consumer, "some.timeout.ms").read(Map.of(P0, 2L), Duration.ofSeconds(5), read::add);

        assertThat(read).isEmpty();
        assertThat(reached).isEqualTo(new TopicReader.Reached(Map.of(P0, 2L), 0));
    }

    @Test
    void aReadThatMissesItsDeadlineNamesTheTopicAndTheKeyOfTheTimeout() {
        partitions(Map.of(P0, 5L)); // five records that never arrive

        assertThatThrownBy(() -> new TopicReader(consumer, "ingest.known.articles.timeout.ms")
                .readFromBeginning(List.of(P0), Duration.ofMillis(300), record -> { }))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("news.raw")
                .hasMessageContaining("ingest.known.articles.timeout.ms");
    }

    private void partitions(Map<TopicPartition, Long> ends) {
        List<PartitionInfo> infos = ends.keySet().stream()
                .map(p -> new PartitionInfo(TOPIC, p.partition(), null, null, null)).toList();
        consumer.updatePartitions(TOPIC, infos);
        Map<TopicPartition, Long> beginnings = new java.util.HashMap<>();
        ends.keySet().forEach(p -> beginnings.put(p, 0L));
        consumer.updateBeginningOffsets(beginnings);
        consumer.updateEndOffsets(ends);
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                ("k" + offset).getBytes(StandardCharsets.UTF_8), ("v" + offset).getBytes(StandardCharsets.UTF_8));
    }
}

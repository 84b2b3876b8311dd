package io.pactwire.runtime;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads some partitions of a topic, outside any consumer group, from given offsets (or the beginning) up to
 * the end offsets they had when the read started, handing every record to a handler: the one way Pactwire
 * reads a topic to its end (what ingest knows of news.raw, what the store knows of news.articles, the CLI's
 * view of news.articles).
 *
 * <p>The end is the one the consumer's isolation level sees: with {@code read_committed} the last stable
 * offset, so a read never waits for an open transaction. Records written after the read started are not
 * waited for (some may be handed over when they arrive in the same fetch). A read that has not reached the
 * end by its deadline fails with a {@link TimeoutException} naming the topic and the config key that sets
 * the timeout. The reader does not own its consumer unless {@link #open} made it; it is used from one thread.
 */
public final class TopicReader implements AutoCloseable {
    /** Start a partition at its beginning (its log start offset). */
    public static final long BEGINNING = -1L;

    private static final Duration MAX_POLL = Duration.ofMillis(200);

    private final Consumer<byte[], byte[]> consumer;
    private final String timeoutKey;
    private final boolean owned;

    /** What a read handles: each record, then after each poll the positions reached. */
    @FunctionalInterface
    public interface Handler {
        void record(ConsumerRecord<byte[], byte[]> record);

        /**
         * After the records of one poll: the position (next offset to read) on every partition being read,
         * past the records handed over and any commit markers or aborted records skipped.
         */
        default void polled(Map<TopicPartition, Long> positions) {
        }
    }

    /**
     * Where a read ended.
     *
     * @param positions the next offset to read on each partition read (at least its end offset at the start)
     * @param records   how many records were handed to the handler
     */
    public record Reached(Map<TopicPartition, Long> positions, long records) {
        public Reached {
            positions = Map.copyOf(positions);
        }
    }

    /**
     * @param consumer   the consumer to read with; the reader assigns and seeks it, and leaves it open
     * @param timeoutKey the config key that sets the deadline, named when it expires
     */
    public TopicReader(Consumer<byte[], byte[]> consumer, String timeoutKey) {
        this(consumer, timeoutKey, false);
    }

    private TopicReader(Consumer<byte[], byte[]> consumer, String timeoutKey, boolean owned) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.timeoutKey = Objects.requireNonNull(timeoutKey, "timeoutKey");
        this.owned = owned;
    }

    /** A reader with a consumer of its own built from {@code properties} (no group; closed with the reader). */
    public static TopicReader open(Map<String, Object> properties, String timeoutKey) {
        Map<String, Object> settings = new HashMap<>(properties);
        settings.remove("group.id");
        settings.put("enable.auto.commit", false);
        return new TopicReader(new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                timeoutKey, true);
    }

    /** The partitions of {@code topic}, in order. */
    public List<TopicPartition> partitions(String topic, Duration timeout) {
        try {
            return consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                    .toList();
        } catch (TimeoutException e) {
            throw timedOut(topic, timeout, e);
        }
    }

    /** The end offset of each partition, as the consumer's isolation level sees it. */
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        try {
            return consumer.endOffsets(partitions, timeout);
        } catch (TimeoutException e) {
            throw timedOut(topicOf(partitions), timeout, e);
        }
    }

    /** The log start offset of each partition. */
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        try {
            return consumer.beginningOffsets(partitions, timeout);
        } catch (TimeoutException e) {
            throw timedOut(topicOf(partitions), timeout, e);
        }
    }

    /** Reads {@code partitions} from their beginning to their end offsets. */
    public Reached readFromBeginning(Collection<TopicPartition> partitions, Duration timeout, Handler handler) {
        Map<TopicPartition, Long> from = new HashMap<>();
        partitions.forEach(p -> from.put(p, BEGINNING));
        return read(from, timeout, handler);
    }

    /**
     * Reads each partition of {@code from} from its offset ({@link #BEGINNING} for its beginning) to the end
     * offset it has now, within {@code timeout}.
     *
     * @throws TimeoutException when the end is not reached in time, naming the topic and {@code timeoutKey}
     */
    public Reached read(Map<TopicPartition, Long> from, Duration timeout, Handler handler) {
        if (from.isEmpty()) {
            return new Reached(Map.of(), 0);
        }
        String topic = topicOf(from.keySet());
        Instant deadline = Instant.now().plus(timeout);
        List<TopicPartition> partitions = List.copyOf(from.keySet());
        consumer.assign(partitions);
        from.forEach((partition, offset) -> {
            if (offset == BEGINNING) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        });
        Map<TopicPartition, Long> end = endOffsets(partitions, timeout);
        Map<TopicPartition, Long> positions = positions(partitions, topic, timeout);
        long records = 0;
        while (behind(positions, end)) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new TimeoutException("Could not read " + topic + " to its end within " + timeout.toMillis()
                        + " ms (" + timeoutKey + "): at " + positions + ", the end is at " + end);
            }
            ConsumerRecords<byte[], byte[]> polled = consumer.poll(left.compareTo(MAX_POLL) < 0 ? left : MAX_POLL);
            for (ConsumerRecord<byte[], byte[]> record : polled) {
                records++;
                handler.record(record);
            }
            positions = positions(partitions, topic, timeout);
            handler.polled(positions);
        }
        return new Reached(positions, records);
    }

    private Map<TopicPartition, Long> positions(List<TopicPartition> partitions, String topic, Duration timeout) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        try {
            for (TopicPartition partition : partitions) {
                positions.put(partition, consumer.position(partition, timeout));
            }
        } catch (TimeoutException e) {
            throw timedOut(topic, timeout, e);
        }
        return positions;
    }

    private static boolean behind(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (positions.get(e.getKey()) < e.getValue()) {
                return true;
            }
        }
        return false;
    }

    private TimeoutException timedOut(String topic, Duration timeout, TimeoutException cause) {
        return new TimeoutException("Could not read " + topic + " within " + timeout.toMillis() + " ms (" + timeoutKey
                + "): " + cause.getMessage(), cause);
    }

    private static String topicOf(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::topic).distinct().sorted()
                .reduce((a, b) -> a + ", " + b).orElse("(no topic)");
    }

    /** Closes the consumer if the reader made it. */
    @Override
    public void close() {
        if (owned) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}

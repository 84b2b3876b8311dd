package io.pactwire.topics;

import java.time.Duration;
import java.util.Optional;

/**
 * How the topics are created on a cluster: partition count and replication factor for all of them,
 * retention for the topics that delete by time. Compacted topics never delete by time.
 *
 * @param partitions        partitions per topic; empty for the broker's {@code num.partitions}
 * @param replicationFactor replicas per partition; empty for the broker's {@code default.replication.factor}
 * @param enrichedRetention how long {@code news.enriched} keeps results
 * @param deadLetterRetention how long {@code news.dlq} keeps dead letters
 */
public record TopicSettings(Optional<Integer> partitions, Optional<Short> replicationFactor,
                            Duration enrichedRetention, Duration deadLetterRetention) {

    public static final int DEFAULT_PARTITIONS = 3;
    public static final Duration DEFAULT_ENRICHED_RETENTION = Duration.ofDays(7);
    public static final Duration DEFAULT_DEAD_LETTER_RETENTION = Duration.ofDays(30);

    public TopicSettings {
        partitions.ifPresent(p -> {
            if (p < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, got " + p);
            }
        });
        replicationFactor.ifPresent(rf -> {
            if (rf < 1) {
                throw new IllegalArgumentException("replication factor must be at least 1, got " + rf);
            }
        });
        if (enrichedRetention.isNegative() || enrichedRetention.isZero()) {
            throw new IllegalArgumentException("enriched retention must be positive, got " + enrichedRetention);
        }
        if (deadLetterRetention.isNegative() || deadLetterRetention.isZero()) {
            throw new IllegalArgumentException("dead-letter retention must be positive, got " + deadLetterRetention);
        }
    }

    /** Three partitions, the broker's replication factor, a week of results and a month of dead letters. */
    public static TopicSettings defaults() {
        return new TopicSettings(Optional.of(DEFAULT_PARTITIONS), Optional.empty(),
                DEFAULT_ENRICHED_RETENTION, DEFAULT_DEAD_LETTER_RETENTION);
    }

    public TopicSettings withPartitions(int value) {
        return new TopicSettings(Optional.of(value), replicationFactor, enrichedRetention, deadLetterRetention);
    }

    public TopicSettings withReplicationFactor(short value) {
        return new TopicSettings(partitions, Optional.of(value), enrichedRetention, deadLetterRetention);
    }
}

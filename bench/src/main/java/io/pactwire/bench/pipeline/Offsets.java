package io.pactwire.bench.pipeline;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Offsets of topics and groups, for telling when a consumer has read everything. */
final class Offsets {
    private final Admin admin;

    Offsets(Admin admin) {
        this.admin = admin;
    }

    Map<TopicPartition, Long> end(String topic) throws Exception {
        var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    long total(String topic) throws Exception {
        return end(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when {@code group} has committed, on every partition of {@code topic}, the offsets {@code end}. */
    boolean caughtUp(String group, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
    }

    /** Waits until {@code group} has read {@code topic} to {@code end}; the time it took from {@code since}. */
    Duration awaitCaughtUp(String group, Map<TopicPartition, Long> end, Instant since, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!caughtUp(group, end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("group " + group + " did not read " + end.keySet() + " to " + end
                        + " within " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return Duration.between(since, Instant.now());
    }

    /** Waits until the end offsets of {@code topic} sum to at least {@code total}; the time it took from {@code since}. */
    Duration awaitWritten(String topic, long total, Instant since, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long written;
        while ((written = total(topic)) < total) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(topic + " has " + written + " records, not " + total + ", after " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return Duration.between(since, Instant.now());
    }

    /** How many records something has done so far. */
    interface Progress {
        long done() throws Exception;
    }

    /** Sum of the offsets {@code group} has committed on {@code partitions}. */
    long committed(String group, java.util.Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        return partitions.stream().map(committed::get).filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
    }

    /**
     * Samples {@code progress} until it reaches {@code total}; the rate is that of the records done after the
     * first sample that saw any, over the time since that sample, so that starting up does not count. If
     * that sample already saw half the records (the samples came too slowly), the rate is taken from the
     * first sample, start-up included, and said so. Process CPU is measured over the same span.
     *
     * @param start starts what is measured, once the clock runs
     */
    Measured rate(Progress progress, long total, Duration timeout, String what, Runnable start) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long startNanos = System.nanoTime();
        long startCpu = PipelineBench.processCpuNanos();
        start.run();
        long firstDone = -1;
        long firstNanos = 0;
        long firstCpu = 0;
        long done;
        while ((done = progress.done()) < total) {
            if (firstDone < 0 && done > 0) {
                firstDone = done;
                firstNanos = System.nanoTime();
                firstCpu = PipelineBench.processCpuNanos();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + ": " + done + " of " + total + " records done after " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        long endNanos = System.nanoTime();
        long endCpu = PipelineBench.processCpuNanos();
        if (firstDone < 0 || firstDone > total / 2) {
            System.out.println("  " + what + ": progress seen late; rate measured from the start, start-up included");
            return new Measured(total, 0, endNanos - startNanos, endCpu - startCpu);
        }
        return new Measured(total - firstDone, 0, endNanos - firstNanos, endCpu - firstCpu);
    }
}

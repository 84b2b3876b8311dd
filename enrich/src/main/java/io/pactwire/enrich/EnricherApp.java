package io.pactwire.enrich;

import io.pactwire.config.ClusterAccessException;
import io.pactwire.tagger.Tagger;
import io.pactwire.topics.ConnectionWatch;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The enricher: a Kafka Streams app from {@code news.raw} to {@code news.enriched}.
 *
 * <p>Input: {@code news.raw}, key = article id, value = RawArticle JSON. Output: {@code news.enriched},
 * key = article id, value = EnrichedArticle JSON; {@code news.agreements}, key = agreement id, value =
 * AgreementRecord JSON (tombstones for agreements no longer found); {@code news.dlq} for records that
 * cannot be read or processed (original bytes, headers naming exception, topic, partition and offset).
 * Guarantee: exactly-once by default ({@code exactly_once_v2}): each raw record gives exactly one
 * committed outcome: a result, a dead letter, or a skip when its content and tagger versions are those
 * of its last result.
 */
public final class EnricherApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EnricherApp.class);
    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger replacements = new AtomicInteger();
    private final ThreadReplacementPolicy replacementPolicy;
    private volatile ConnectionWatch connectionWatch;

    public EnricherApp(EnrichConfig config, Tagger tagger) {
        int outputLimit;
        try {
            outputLimit = OutputLimits.smallestMaxMessageBytes(config);
        } catch (RuntimeException e) {
            throw ClusterAccessException.explain(e, config);
        }
        log.info("Results over {} bytes will be dead-lettered (enrich.max.result.bytes {}, output topics take {})",
                Math.min(config.maxResultBytes(), outputLimit - EnrichTopology.RECORD_OVERHEAD_BYTES),
                config.maxResultBytes(), outputLimit);
        Topology topology = EnrichTopology.build(config, tagger, Clock.systemUTC(), outputLimit);
        this.replacementPolicy = new ThreadReplacementPolicy(config.threadReplacements(), config.threadReplacementWindow(),
                Clock.systemUTC());
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        this.streams = new KafkaStreams(topology, props, new DeadLetterReadyClientSupplier());
        streams.setStateListener((newState, oldState) -> {
            log.info("Enricher {} -> {}", oldState, newState);
            if (newState == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
                running.countDown();
                stopped.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(exception -> {
            Optional<String> refused = ClusterAccessException.reason(exception, config);
            if (refused.isPresent()) {
                // A replaced thread would be refused the same way: stop with the reason instead.
                log.error("Shutting the enricher down: {}", refused.get(), exception);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            if (replacementPolicy.replaceAfterFailure()) {
                replacements.incrementAndGet();
                log.error("Stream thread failed; replacing it ({} replacement(s) in the last {})",
                        replacementPolicy.recentReplacements(), config.threadReplacementWindow(), exception);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            log.error("Stream thread failed again after {} replacements within {}; shutting the enricher down",
                    replacementPolicy.recentReplacements(), config.threadReplacementWindow(), exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    public void start() {
        streams.start();
        connectionWatch = ConnectionWatch.start("enricher", log, streams::metrics);
    }

    /**
     * Waits until the app is processing now: RUNNING, not rebalancing (with several stream threads the
     * group rebalances again as each joins); false if it stopped or the timeout passed first.
     */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        while (stopped.getCount() > 0) {
            if (streams.state() == KafkaStreams.State.RUNNING) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 20));
        }
        return false;
    }

    /** Blocks until the app has stopped (closed, or shut down after repeated failures). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stream threads replaced after a failure since start. */
    public int threadReplacements() {
        return replacements.get();
    }

    /** Active tasks (partitions of news.raw) this instance processes now. */
    public int activeTaskCount() {
        return streams.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    /** The value of one of the enricher's counters ({@code enriched-total}, {@code skipped-unchanged-total},
     * {@code retracted-total}), summed over this instance's tasks. */
    public double counter(String name) {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(EnrichProcessor.METRICS_GROUP) && e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    /**
     * Closes the app, committing what it has processed, and leaves the group, so that its partitions move
     * to the other instances at once (not after the session timeout) and a replay can run right after;
     * waits at most {@code timeout}.
     */
    public boolean close(Duration timeout) {
        if (connectionWatch != null) {
            connectionWatch.close();
        }
        return streams.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}

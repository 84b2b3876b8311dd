package io.pactwire.enrich;

import io.pactwire.runtime.LogFields;
import io.pactwire.config.ClusterAccessException;
import io.pactwire.tagger.Tagger;
import io.pactwire.runtime.ConnectionWatch;
import io.pactwire.runtime.Incarnations;
import io.pactwire.runtime.TopicWatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private final EnrichConfig config;
    private final LocalState localState;
    private final Incarnations atStart;
    private volatile ConnectionWatch connectionWatch;
    private volatile TopicWatch topicWatch;
    private volatile String stoppedBecause;

    public EnricherApp(EnrichConfig config, Tagger tagger) {
        this.config = config;
        int outputLimit;
        try {
            outputLimit = OutputLimits.smallestMaxMessageBytes(config);
            atStart = readIncarnations(config);
        } catch (RuntimeException e) {
            throw ClusterAccessException.explain(e, config);
        }
        localState = LocalState.open(config.stateDir(), atStart.clusterId(), config.applicationId());
        localState.discardUnless(atStart.only(stateTopics(config)));
        log.info("Results over {} bytes will be dead-lettered (enrich.max.result.bytes {}, output topics take {})",
                Math.min(config.maxResultBytes(), outputLimit - EnrichTopology.RECORD_OVERHEAD_BYTES),
                config.maxResultBytes(), outputLimit);
        Topology topology = EnrichTopology.build(config, tagger, Clock.systemUTC(), outputLimit);
        this.replacementPolicy = new ThreadReplacementPolicy(config.threadReplacements(), config.threadReplacementWindow(),
                Clock.systemUTC());
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        props.put(StreamsConfig.STATE_DIR_CONFIG, localState.streamsStateDir().toString());
        this.streams = new KafkaStreams(topology, props, new DeadLetterReadyClientSupplier(config.topics().deadLetters().name()));
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

    /**
     * The topics the local state describes: its input, its outputs (the last results decide what is written
     * again and which agreements get tombstones) and the store's changelog.
     */
    static List<String> stateTopics(EnrichConfig config) {
        return List.of(config.topics().raw().name(), config.topics().enriched().name(), config.topics().agreements().name(),
                changelogTopic(config));
    }

    /** The topics that must stay the incarnations the enricher started with while it runs. */
    static List<String> watchedTopics(EnrichConfig config) {
        List<String> topics = new ArrayList<>(stateTopics(config));
        topics.add(config.topics().deadLetters().name());
        return topics;
    }

    /** The last-results store's changelog topic, named as Kafka Streams names it. */
    static String changelogTopic(EnrichConfig config) {
        return config.applicationId() + "-" + EnrichTopology.LAST_RESULTS_STORE + "-changelog";
    }

    private static Incarnations readIncarnations(EnrichConfig config) {
        try (Admin admin = Admin.create(config.adminProperties())) {
            return Incarnations.read(admin, watchedTopics(config), Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading the cluster's topic ids", e);
        }
    }

    public void start() {
        streams.start();
        connectionWatch = ConnectionWatch.start("enricher", log, streams::metrics);
        Thread watching = new Thread(this::recordAndWatch, "pactwire-enrich-incarnations");
        watching.setDaemon(true);
        watching.start();
    }

    /**
     * Once the enricher runs (its changelog topic exists then), records which cluster and topics its local
     * state is built from, and watches that they stay the same until it stops.
     */
    private void recordAndWatch() {
        try {
            running.await();
            if (stopped.getCount() == 0) {
                return;
            }
            Incarnations now = readIncarnations(config);
            List<String> changed = atStart.differences(now).stream().filter(d -> !d.contains(changelogTopic(config))).toList();
            if (!changed.isEmpty()) {
                stopOnChangedTopics(String.join("; ", changed));
                return;
            }
            localState.record(now.only(stateTopics(config)));
            topicWatch = TopicWatch.start("enrich", config.adminProperties(), now, TopicWatch.DEFAULT_PERIOD,
                    this::stopOnChangedTopics);
            if (stopped.getCount() == 0) {
                topicWatch.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Cannot record the cluster and topics the enricher's local state is built from: {}", e.getMessage());
        }
    }

    /** Stops the enricher, with one ERROR: what it writes or remembers would belong to topics that are gone. */
    private void stopOnChangedTopics(String what) {
        stoppedBecause = what;
        log.atError().addKeyValue(LogFields.REASON, what).log("Stopping the enricher: {}, while it ran. It will not write into or remember topics other than those"
                + " it started with. Create the missing topics (pactwire topics) or finish the change, then start the"
                + " enricher again: it discards local state built from other topics and reads news.raw from its"
                + " committed offsets, or from the beginning of a new news.raw.", what);
        Thread closing = new Thread(() -> close(Duration.ofSeconds(30)), "pactwire-enrich-stop");
        closing.setDaemon(true);
        closing.start();
    }

    /** Why the enricher stopped by itself because its topics changed, if it did. */
    public Optional<String> stoppedBecauseTopicsChanged() {
        return Optional.ofNullable(stoppedBecause);
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
     * {@code retracted-total}, {@code tagged-total}, {@code tagging-time-ns-total}), summed over this instance's tasks. */
    public double counter(String name) {
        return sum(EnrichProcessor.METRICS_GROUP, name);
    }

    /**
     * Records dead-lettered by this instance's tasks: Streams counts each record a handler resumed after (with
     * its dead letter) in the tasks' {@code dropped-records-total}; nothing else in the topology drops records.
     */
    public double deadLettered() {
        return sum("stream-task-metrics", "dropped-records-total");
    }

    private double sum(String group, String name) {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(group) && e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    /** False while the enricher is cut off from Kafka (it heard from it before, and nothing for seconds). */
    public boolean connected() {
        ConnectionWatch watch = connectionWatch;
        return watch == null || watch.connected();
    }

    /** The Kafka Streams client, for metrics binders (lag, commit latency, rebalances); not to be closed. */
    public KafkaStreams kafkaStreams() {
        return streams;
    }

    /**
     * Closes the app, committing what it has processed, and leaves the group, so that its partitions move
     * to the other instances at once (not after the session timeout) and a replay can run right after;
     * waits at most {@code timeout}.
     */
    public synchronized boolean close(Duration timeout) {
        if (connectionWatch != null) {
            connectionWatch.close();
        }
        if (topicWatch != null) {
            topicWatch.close();
        }
        boolean closed = streams.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (closed) {
            localState.close();
        }
        return closed;
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}

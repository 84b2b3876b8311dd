package io.pactwire.enrich;

import io.pactwire.runtime.ConnectionWatch;
import io.pactwire.runtime.Failure;
import io.pactwire.runtime.FailurePolicy;
import io.pactwire.runtime.Health;
import io.pactwire.runtime.Incarnations;
import io.pactwire.runtime.LogFields;
import io.pactwire.runtime.Service;
import io.pactwire.runtime.TopicWatch;
import io.pactwire.tagger.Tagger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 *
 * <p>A {@link Service}: the constructor only keeps its arguments; {@link #start()} reads the cluster (the output
 * topics' size limit, the topics its local state is built from), builds the topology and starts it. Failures
 * follow {@link FailurePolicy}: a fatal one stops it, another has the failed stream thread replaced, at most
 * {@code enrich.thread.replacements} times within {@code enrich.thread.replacement.window.ms}. Its
 * {@link #metrics()} are Streams' and its own: {@code thread-replacements-total} in group {@value #METRICS_GROUP}.
 */
public final class EnricherApp implements Service {
    /** The group of the enricher's own metrics, app-wide and per task ({@code enriched-total}...). */
    public static final String METRICS_GROUP = EnrichProcessor.METRICS_GROUP;
    private static final Logger log = LoggerFactory.getLogger(EnricherApp.class);
    private static final String NAME = "enricher";

    private final EnrichConfig config;
    private final Tagger tagger;
    private final ThreadReplacementPolicy replacementPolicy;
    private final Metrics ownMetrics = new Metrics();
    private final Sensor replacements;
    /** Notified on each state change, and when the app is started or closed. */
    private final Object stateChanged = new Object();
    private final CountDownLatch runningOnce = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<java.util.function.Consumer<KafkaStreams>> streamsListeners = new ArrayList<>();
    private volatile KafkaStreams streams;
    private volatile LocalState localState;
    private volatile Incarnations atStart;
    private volatile ConnectionWatch connectionWatch;
    private volatile TopicWatch topicWatch;
    private volatile Failure stoppedBy;
    private volatile boolean closed;

    public EnricherApp(EnrichConfig config, Tagger tagger) {
        this.config = config;
        this.tagger = tagger;
        this.replacementPolicy = new ThreadReplacementPolicy(config.threadReplacements(), config.threadReplacementWindow(),
                Clock.systemUTC());
        this.replacements = ownMetrics.sensor("thread-replacements");
        replacements.add(ownMetrics.metricName("thread-replacements-total", METRICS_GROUP,
                "Stream threads replaced after a failure since start"), new CumulativeCount());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Reads the cluster, builds the topology and starts it; throws, explained by {@link FailurePolicy}, when the
     * cluster refuses it or its topics cannot be read.
     */
    @Override
    public synchronized void start() {
        if (streams != null || closed) {
            throw new IllegalStateException("The enricher was started or closed before");
        }
        int outputLimit;
        try {
            outputLimit = OutputLimits.smallestMaxMessageBytes(config);
            atStart = readIncarnations(config);
        } catch (RuntimeException e) {
            throw FailurePolicy.classify(e, config).asException();
        }
        localState = LocalState.open(config.stateDir(), atStart.clusterId(), config.applicationId());
        localState.discardUnless(atStart.only(stateTopics(config)));
        EnrichLimits limits = EnrichLimits.of(config).withinOutputTopics(outputLimit);
        log.info("Results over {} bytes will be dead-lettered (enrich.max.result.bytes {}, output topics take {})",
                limits.maxResultBytes(), config.maxResultBytes(), outputLimit);
        Topology topology = EnrichTopology.build(config, tagger, Clock.systemUTC(), limits);
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        props.put(StreamsConfig.STATE_DIR_CONFIG, localState.streamsStateDir().toString());
        KafkaStreams created = new KafkaStreams(topology, props, new DeadLetterReadyClientSupplier(config.topics().deadLetters().name()));
        created.setStateListener(this::onStateChange);
        created.setUncaughtExceptionHandler(this::onStreamThreadFailure);
        synchronized (streamsListeners) {
            synchronized (stateChanged) {
                streams = created;
                stateChanged.notifyAll();
            }
            streamsListeners.forEach(listener -> listener.accept(created));
            streamsListeners.clear();
        }
        created.start();
        connectionWatch = ConnectionWatch.start(NAME, log, this::metrics);
        Thread watching = new Thread(this::recordAndWatch, "pactwire-enrich-incarnations");
        watching.setDaemon(true);
        watching.start();
    }

    private void onStateChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        log.info("Enricher {} -> {}", oldState, newState);
        if (newState == KafkaStreams.State.RUNNING) {
            runningOnce.countDown();
        }
        if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR) {
            runningOnce.countDown();
            stopped.countDown();
        }
        synchronized (stateChanged) {
            stateChanged.notifyAll();
        }
    }

    /** A failed stream thread: stop on a fatal failure; else replace the thread, unless it failed too often. */
    private StreamThreadExceptionResponse onStreamThreadFailure(Throwable exception) {
        Failure failure = FailurePolicy.classify(exception, config);
        if (failure.kind() == Failure.Kind.FATAL) {
            // A replaced thread would meet the same failure: stop with the reason instead.
            stoppedBy = failure;
            log.atError().addKeyValue(LogFields.REASON, failure.reason()).setCause(exception)
                    .log("Shutting the enricher down: {}", failure.message());
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        if (replacementPolicy.replaceAfterFailure()) {
            replacements.record();
            log.error("Stream thread failed; replacing it ({} replacement(s) in the last {})",
                    replacementPolicy.recentReplacements(), config.threadReplacementWindow(), exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        stoppedBy = failure;
        log.error("Stream thread failed again after {} replacements within {}; shutting the enricher down",
                replacementPolicy.recentReplacements(), config.threadReplacementWindow(), exception);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
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

    /**
     * Once the enricher runs (its changelog topic exists then), records which cluster and topics its local
     * state is built from, and watches that they stay the same until it stops.
     */
    private void recordAndWatch() {
        try {
            runningOnce.await();
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
        String action = "It will not write into or remember topics other than those it started with. Create the missing"
                + " topics (pactwire topics) or finish the change, then start the enricher again: it discards local state"
                + " built from other topics and reads news.raw from its committed offsets, or from the beginning of a new"
                + " news.raw.";
        KafkaException changed = new KafkaException("Topics of the enricher changed while it ran: " + what);
        stoppedBy = Failure.of(Failure.Reason.TOPIC_CONTRACT, NAME, what + ", while it ran", action, watchedTopics(config),
                changed, changed);
        log.atError().addKeyValue(LogFields.REASON, what).log("Stopping the enricher: {}", stoppedBy.message());
        Thread closing = new Thread(() -> stop(Duration.ofSeconds(30)), "pactwire-enrich-stop");
        closing.setDaemon(true);
        closing.start();
    }

    /**
     * Waits until the app is processing now: RUNNING, not rebalancing (with several stream threads the group
     * rebalances again as each joins); false if it stopped or the timeout passed first. Woken by the state
     * listener at each change of state.
     */
    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stateChanged) {
            while (true) {
                if (stopped.getCount() == 0) {
                    return false;
                }
                if (state() == KafkaStreams.State.RUNNING) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(stateChanged, left);
            }
        }
    }

    /** The same as {@link #awaitReady}, by the name the benchmark and the tests use. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return awaitReady(timeout);
    }

    /** Ready while RUNNING and hearing from Kafka; otherwise why not, in the words {@code /health/ready} shows. */
    @Override
    public Health health() {
        KafkaStreams.State state = state();
        if (stopped.getCount() == 0 || !state.isRunningOrRebalancing() && state != KafkaStreams.State.CREATED) {
            return Health.of(Health.Status.STOPPED, Optional.ofNullable(stoppedBy).map(Failure::message)
                    .orElse("enricher is " + state));
        }
        if (state != KafkaStreams.State.RUNNING) {
            return Health.of(runningOnce.getCount() == 0 ? Health.Status.NOT_READY : Health.Status.STARTING, "enricher is " + state);
        }
        ConnectionWatch watch = connectionWatch;
        return watch == null || watch.connected() ? Health.ready()
                : Health.of(Health.Status.NOT_READY, "enricher is cut off from Kafka");
    }

    /**
     * Blocks until the app has stopped: closed (empty), or by itself (the failure: a fatal one, repeated thread
     * failures, or its topics changed while it ran).
     */
    @Override
    public Optional<Failure> awaitStopped() throws InterruptedException {
        stopped.await();
        return Optional.ofNullable(stoppedBy);
    }

    /** Streams' state of the app; {@code CREATED} before {@link #start()}. */
    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? (closed ? KafkaStreams.State.NOT_RUNNING : KafkaStreams.State.CREATED) : running.state();
    }

    /**
     * Every metric of the app: Kafka Streams' (its clients', threads' and tasks', and the processor's counters
     * {@code enriched-total}, {@code skipped-unchanged-total}, {@code retracted-total}, {@code tagged-total},
     * {@code tagging-time-ns-total} per task in group {@value #METRICS_GROUP}), and its own
     * {@code thread-replacements-total}.
     */
    public Map<MetricName, Metric> metrics() {
        Map<MetricName, Metric> all = new HashMap<>(ownMetrics.metrics());
        KafkaStreams running = streams;
        if (running != null) {
            all.putAll(running.metrics());
        }
        return all;
    }

    /**
     * Tells {@code listener} the Kafka Streams client once {@link #start()} has made it (at once if it has), for
     * metrics binders (lag, commit latency, rebalances); the client is not to be closed.
     */
    public void onStreams(java.util.function.Consumer<KafkaStreams> listener) {
        synchronized (streamsListeners) {
            KafkaStreams made = streams;
            if (made != null) {
                listener.accept(made);
            } else {
                streamsListeners.add(listener);
            }
        }
    }

    /**
     * Closes the app, committing what it has processed, and leaves the group, so that its partitions move
     * to the other instances at once (not after the session timeout) and a replay can run right after;
     * waits at most {@code timeout}.
     */
    @Override
    public boolean close(Duration timeout) {
        closed = true;
        return stop(timeout);
    }

    private synchronized boolean stop(Duration timeout) {
        if (connectionWatch != null) {
            connectionWatch.close();
        }
        if (topicWatch != null) {
            topicWatch.close();
        }
        KafkaStreams running = streams;
        if (running == null) {
            // never started, or start() failed before it made the streams: release the local state it opened
            if (localState != null) {
                localState.close();
            }
            stopped.countDown();
            runningOnce.countDown();
            synchronized (stateChanged) {
                stateChanged.notifyAll();
            }
            return true;
        }
        boolean done = running.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (done) {
            localState.close();
        }
        return done;
    }
}

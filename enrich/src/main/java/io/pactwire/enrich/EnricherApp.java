package io.pactwire.enrich;

import io.pactwire.tagger.Tagger;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The enricher: a Kafka Streams app from {@code news.raw} to {@code news.enriched}.
 *
 * <p>Input: {@code news.raw}, key = article id, value = RawArticle JSON. Output: {@code news.enriched},
 * key = article id, value = EnrichedArticle JSON; {@code news.dlq} for records that cannot be read or
 * processed (original bytes, headers naming exception, topic, partition and offset). Guarantee:
 * exactly-once by default ({@code exactly_once_v2}): each raw record gives exactly one committed result
 * or dead letter.
 */
public final class EnricherApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EnricherApp.class);
    /** How many failed stream threads are replaced before the instance gives up and shuts down. */
    static final int MAX_THREAD_REPLACEMENTS = 3;

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger replacements = new AtomicInteger();

    public EnricherApp(EnrichConfig config, Tagger tagger) {
        Topology topology = EnrichTopology.build(new Enricher(tagger, Clock.systemUTC()));
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        this.streams = new KafkaStreams(topology, props);
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
            int replaced = replacements.incrementAndGet();
            if (replaced <= MAX_THREAD_REPLACEMENTS) {
                log.error("Stream thread failed; replacing it ({} of {})", replaced, MAX_THREAD_REPLACEMENTS, exception);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            log.error("Stream thread failed {} times; shutting the enricher down", replaced, exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    public void start() {
        streams.start();
    }

    /** Waits until the app is processing; false if it stopped or the timeout passed first. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Blocks until the app has stopped (closed, or shut down after repeated failures). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Closes the app, committing what it has processed; waits at most {@code timeout}. */
    public boolean close(Duration timeout) {
        return streams.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}

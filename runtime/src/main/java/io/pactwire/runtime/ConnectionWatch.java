package io.pactwire.runtime;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Says in a service's log when it has been cut off from Kafka and when it hears from Kafka again. Kafka's
 * clients ride out a broker outage by themselves (they reconnect and retry within their timeouts) and say
 * so only in per-node warnings of their own; this gives the operator one line when the service is cut
 * off and one when it is back, with how long it was. Once a second it reads how many bytes the service's
 * clients have received in all ({@code incoming-byte-total}): a consumer that polls gets a fetch response
 * at least every {@code fetch.max.wait.ms} (500 ms) even when there is nothing to read, so three readings
 * in a row without a byte mean that no broker answers. (The clients' {@code connection-count} does not
 * tell: it counts the connections being attempted too.)
 */
public final class ConnectionWatch implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(1);
    /** Readings in a row without a byte received after which the service is cut off. */
    static final int SILENT_READINGS = 3;
    private static final String INCOMING_BYTES = "incoming-byte-total";

    /** What one reading changed. */
    enum Change { NONE, LOST, RESTORED }

    private final String service;
    private final Logger log;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private double received;
    private boolean connected;
    private int silentReadings;
    private Instant lostAt;

    ConnectionWatch(String service, Logger log, Clock clock, ScheduledExecutorService timer) {
        this.service = service;
        this.log = log;
        this.clock = clock;
        this.timer = timer;
    }

    /**
     * Starts reading {@code metrics} (the service's clients' metrics, read from a thread of the watch) and
     * logging to {@code log}, the service's own logger.
     */
    public static ConnectionWatch start(String service, Logger log, Supplier<Map<MetricName, ? extends Metric>> metrics) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pactwire-" + service + "-connection-watch");
            thread.setDaemon(true);
            return thread;
        });
        ConnectionWatch watch = new ConnectionWatch(service, log, Clock.systemUTC(), timer);
        timer.scheduleAtFixedRate(() -> {
            try {
                watch.observe(bytesReceived(metrics.get()));
            } catch (RuntimeException e) {
                log.debug("Cannot read the metrics of the {}'s clients: {}", service, e.toString());
            }
        }, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Bytes received from brokers so far by all the clients whose metrics these are. */
    static double bytesReceived(Map<MetricName, ? extends Metric> metrics) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().name().equals(INCOMING_BYTES) && !e.getKey().tags().containsKey("node-id"))
                .map(e -> e.getValue().metricValue())
                .filter(Number.class::isInstance)
                .mapToDouble(v -> ((Number) v).doubleValue())
                .sum();
    }

    /**
     * One reading of the bytes received so far: logs and returns what it changed. Before the first byte
     * nothing is lost.
     */
    synchronized Change observe(double bytesReceived) {
        // Compared with the last reading, not the highest: a client closed and made anew (a stream thread's
        // producer after the broker came back) takes its bytes out of the sum, and the bytes of the new one
        // must count as soon as they arrive.
        boolean heard = bytesReceived > received;
        received = bytesReceived;
        if (heard) {
            silentReadings = 0;
            connected = true;
            if (lostAt != null) {
                Duration outage = Duration.between(lostAt, clock.instant());
                lostAt = null;
                log.info("The {} hears from Kafka again after {} s cut off; carrying on", service, outage.toSeconds());
                return Change.RESTORED;
            }
            return Change.NONE;
        }
        if (connected && ++silentReadings >= SILENT_READINGS) {
            connected = false;
            lostAt = clock.instant().minus(PERIOD.multipliedBy(SILENT_READINGS));
            log.warn("The {} has heard nothing from Kafka for {} s: no broker answers; its clients keep retrying and"
                    + " nothing is committed meanwhile", service, PERIOD.multipliedBy(SILENT_READINGS).toSeconds());
            return Change.LOST;
        }
        return Change.NONE;
    }

    /** False while the service is cut off: it heard from Kafka before, and nothing for the last readings. */
    public synchronized boolean connected() {
        return lostAt == null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

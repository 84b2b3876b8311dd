package io.pactwire.store;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the store has done since start, counted once the transaction that did it has committed. Also
 * published over JMX as {@code pactwire.store:type=store-metrics,client-id=<transactional id>}:
 * {@code stored-total}, {@code skipped-stale-total}, {@code skipped-duplicate-total},
 * {@code retracted-total}, {@code dead-letters-total}, {@code state-records-read-total}.
 */
public final class StoreCounters implements AutoCloseable {
    static final String JMX_PREFIX = "pactwire.store";
    static final String GROUP = "store-metrics";

    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong skippedStale = new AtomicLong();
    private final AtomicLong skippedDuplicate = new AtomicLong();
    private final AtomicLong retracted = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong stateRecordsRead = new AtomicLong();
    private Metrics metrics;

    /** Counts of one transaction, added to the totals when it commits. */
    static final class Batch {
        long stored;
        long skippedStale;
        long skippedDuplicate;
        long retracted;
        long deadLetters;
    }

    void add(Batch batch) {
        stored.addAndGet(batch.stored);
        skippedStale.addAndGet(batch.skippedStale);
        skippedDuplicate.addAndGet(batch.skippedDuplicate);
        retracted.addAndGet(batch.retracted);
        deadLetters.addAndGet(batch.deadLetters);
    }

    /** Publishes the counters over JMX under the given client id. */
    void publish(String clientId) {
        metrics = new Metrics(new MetricConfig(), List.of(new JmxReporter()), Time.SYSTEM,
                new KafkaMetricsContext(JMX_PREFIX));
        gauge(clientId, "stored-total", "Results written to news.articles", stored);
        gauge(clientId, "skipped-stale-total", "Results skipped because news.articles holds a newer one", skippedStale);
        gauge(clientId, "skipped-duplicate-total", "Results skipped because news.articles holds the same one", skippedDuplicate);
        gauge(clientId, "retracted-total", "Tombstones written to news.articles", retracted);
        gauge(clientId, "dead-letters-total", "Records sent to news.dlq", deadLetters);
        gauge(clientId, "state-records-read-total", "Records of news.articles read to catch the local index up",
                stateRecordsRead);
    }

    private void gauge(String clientId, String name, String description, AtomicLong value) {
        metrics.addMetric(new MetricName(name, GROUP, description, Map.of("client-id", clientId)),
                (Measurable) (config, now) -> value.get());
    }

    public long stored() {
        return stored.get();
    }

    public long skippedStale() {
        return skippedStale.get();
    }

    public long skippedDuplicate() {
        return skippedDuplicate.get();
    }

    public long retracted() {
        return retracted.get();
    }

    public long deadLetters() {
        return deadLetters.get();
    }

    void stateRead(long records) {
        stateRecordsRead.addAndGet(records);
    }

    /**
     * Records of news.articles read to catch the local index up since start (at start: what news.articles gained
     * since this instance last read it; 0 after a clean stop with no other writer).
     */
    public long stateRecordsRead() {
        return stateRecordsRead.get();
    }

    String summary() {
        return stored() + " stored, " + skippedStale() + " stale skipped, " + skippedDuplicate() + " duplicates skipped, "
                + retracted() + " retracted, " + deadLetters() + " dead letters";
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }
}

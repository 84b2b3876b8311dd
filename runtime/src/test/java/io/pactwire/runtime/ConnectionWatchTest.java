package io.pactwire.runtime;

import io.pactwire.runtime.ConnectionWatch.Change;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionWatchTest {

    private static List<Change> readings(double... connections) {
        ConnectionWatch watch = new ConnectionWatch("test service", LoggerFactory.getLogger(ConnectionWatchTest.class),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), null);
        return Arrays.stream(connections).mapToObj(watch::observe).toList();
    }

    @Test
    void reportsACutOffAfterThreeSilentReadingsAndTheRecoveryOnce() {
        assertThat(readings(10, 20, 20, 20, 20, 20, 25, 30))
                .containsExactly(Change.NONE, Change.NONE, Change.NONE, Change.NONE, Change.LOST, Change.NONE,
                        Change.RESTORED, Change.NONE);
    }

    @Test
    void twoSilentReadingsAreNotACutOff() {
        assertThat(readings(10, 20, 20, 20, 30, 30, 30, 40)).containsOnly(Change.NONE);
    }

    @Test
    void bytesReceivedBeforeTheFirstReadingCount() {
        assertThat(readings(10, 10, 10, 10, 11))
                .containsExactly(Change.NONE, Change.NONE, Change.NONE, Change.LOST, Change.RESTORED);
    }

    @Test
    void aServiceThatNeverHeardFromKafkaHasLostNothing() {
        assertThat(readings(0, 0, 0, 0, 0)).containsOnly(Change.NONE);
    }

    @Test
    void aClientMadeAnewAfterTheOutageIsHeardAtItsFirstBytes() {
        // the sum drops when a client with many bytes closes; its successor starts from zero
        assertThat(readings(1000, 1000, 1000, 1000, 400, 400, 450))
                .containsExactly(Change.NONE, Change.NONE, Change.NONE, Change.LOST, Change.NONE, Change.NONE,
                        Change.RESTORED);
    }

    @Test
    void reportsEachOutage() {
        assertThat(readings(1, 2, 2, 2, 2, 3, 3, 3, 3, 4))
                .containsExactly(Change.NONE, Change.NONE, Change.NONE, Change.NONE, Change.LOST, Change.RESTORED,
                        Change.NONE, Change.NONE, Change.LOST, Change.RESTORED);
    }

    @Test
    void addsTheBytesOfEveryClientOnce() {
        try (Metrics metrics = new Metrics()) {
            metrics.addMetric(metrics.metricName("incoming-byte-total", "consumer-metrics"), (Gauge<Integer>) (config, now) -> 200);
            metrics.addMetric(metrics.metricName("incoming-byte-total", "producer-metrics"), (Gauge<Integer>) (config, now) -> 100);
            // per-node figures repeat the totals
            metrics.addMetric(metrics.metricName("incoming-byte-total", "producer-node-metrics", java.util.Map.of("node-id", "node-0")),
                    (Gauge<Integer>) (config, now) -> 100);
            metrics.addMetric(metrics.metricName("request-total", "producer-metrics"), (Gauge<Integer>) (config, now) -> 99);
            assertThat(ConnectionWatch.bytesReceived(metrics.metrics())).isEqualTo(300.0);
        }
    }
}

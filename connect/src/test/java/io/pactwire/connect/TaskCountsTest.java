package io.pactwire.connect;

import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TaskCountsTest {
    private static final Map<String, String> TASK = Map.of("connector", "news", "task", "0");

    @Test
    void theCountsAreTheTasksPluginMetrics() throws Exception {
        try (Metrics metrics = new Metrics(); PluginMetricsImpl plugin = new PluginMetricsImpl(metrics, TASK)) {
            TaskCounts counts = new TaskCounts(plugin);
            counts.published.addAndGet(3);
            counts.rejected.incrementAndGet();
            assertThat(value(metrics, "articles-published-total")).isEqualTo(3.0);
            assertThat(value(metrics, "inputs-rejected-total")).isEqualTo(1.0);
            assertThat(value(metrics, "passes-total")).isEqualTo(0.0);
        }
    }

    /**
     * The worker starts a task again while the instance before it has not finished stopping (and so still holds its
     * metrics): the new instance starts all the same, and its predecessor's metrics stay until they are closed.
     */
    @Test
    void aTaskStartsWhileAnEarlierInstanceStillHoldsItsMetrics() throws Exception {
        try (Metrics metrics = new Metrics();
             PluginMetricsImpl earlier = new PluginMetricsImpl(metrics, TASK);
             PluginMetricsImpl later = new PluginMetricsImpl(metrics, TASK)) {
            TaskCounts before = new TaskCounts(earlier);
            before.published.addAndGet(5);
            TaskCounts after = new TaskCounts(later);
            after.published.incrementAndGet();
            assertThat(value(metrics, "articles-published-total")).isEqualTo(5.0);
        }
    }

    private static double value(Metrics metrics, String name) {
        return metrics.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && e.getKey().tags().entrySet().containsAll(TASK.entrySet()))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }
}

package io.pactwire.connect;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.PluginMetrics;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a task did with what it read, as task plugin metrics (KIP-877): the worker registers them in its metrics
 * (JMX: {@code kafka.connect:type=plugins,connector=NAME,task=N}) with the connector and task as tags.
 */
final class TaskCounts {
    final AtomicLong published = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong passes = new AtomicLong();

    /** Counts registered as metrics of {@code metrics}, which may be null (no worker). */
    TaskCounts(PluginMetrics metrics) {
        if (metrics == null) {
            return;
        }
        register(metrics, "articles-published-total", "Articles written, new or at a new revision.", published);
        register(metrics, "articles-unchanged-total", "Articles read again whose offsets say they were written as they are.",
                unchanged);
        register(metrics, "inputs-rejected-total", "Inputs rejected, each with its reason (errors.tolerance decides what follows).",
                rejected);
        register(metrics, "inputs-skipped-total", "Files in folders that are not article formats.", skipped);
        register(metrics, "passes-total", "Passes over the task's inputs begun.", passes);
    }

    private static void register(PluginMetrics metrics, String name, String description, AtomicLong count) {
        MetricName metricName = metrics.metricName(name, description, new LinkedHashMap<>());
        metrics.addMetric(metricName, (Measurable) (config, now) -> count.get());
    }
}

package io.pactwire.connect;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a task did with what it read, as task plugin metrics (KIP-877): the worker registers them in its metrics
 * (JMX: {@code kafka.connect:type=plugins,connector=NAME,task=N}) with the connector and task as tags.
 */
final class TaskCounts {
    private static final Logger log = LoggerFactory.getLogger(TaskCounts.class);

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

    /**
     * Registers one count. An earlier instance of the same task on this worker whose stop has not finished (the
     * worker gave up waiting for it and started this one) still holds the metric until the worker closes its
     * metrics; the task then runs on and says so, its counts unpublished, rather than failing to start.
     */
    private static void register(PluginMetrics metrics, String name, String description, AtomicLong count) {
        MetricName metricName = metrics.metricName(name, description, new LinkedHashMap<>());
        try {
            metrics.addMetric(metricName, (Measurable) (config, now) -> count.get());
        } catch (IllegalArgumentException e) {
            log.warn("Metric {} {} is still registered by an earlier instance of this task whose stop has not finished;"
                    + " this instance runs without it", name, metricName.tags());
        }
    }
}

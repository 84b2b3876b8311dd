package io.pactwire.cli;

import io.pactwire.enrich.EnricherApp;

/** What the tests read of an enricher: its metrics, as a metrics binder does. */
final class EnricherMetrics {
    private EnricherMetrics() {
    }

    /** The sum of the enricher's metrics called {@code name} in its own group (over its tasks, for a task's). */
    static double value(EnricherApp app, String name) {
        return app.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(EnricherApp.METRICS_GROUP) && e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }
}

package io.pactwire.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.ingest.Input;
import io.pactwire.ingest.Progress;
import io.pactwire.serve.ServeServer;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreCounters;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Each service's meters on a {@link MetricsServer}: Pactwire's own counters under {@code pactwire_<service>_...},
 * and the Kafka clients' and Streams' metrics through Micrometer's binders ({@code kafka_consumer_...},
 * {@code kafka_producer_...}, {@code kafka_stream_...}). Readiness is each service's health, which
 * {@link ServiceRunner} reports.
 */
final class ServiceMeters {
    private ServiceMeters() {
    }

    /**
     * The enricher's counters (its metrics summed over its tasks) and Streams' metrics; its readiness is its
     * health, which {@link ServiceRunner} reports.
     */
    static void enrich(MetricsServer metrics, EnricherApp app) {
        MeterRegistry registry = metrics.registry();
        enrichCounter(registry, "pactwire.enrich.enriched", "Raw articles tagged and written to news.enriched", app,
                a -> sum(a, EnricherApp.METRICS_GROUP, "enriched-total"));
        enrichCounter(registry, "pactwire.enrich.skipped.unchanged", "Raw articles not tagged again: same content and"
                + " tagger versions as their last result", app, a -> sum(a, EnricherApp.METRICS_GROUP, "skipped-unchanged-total"));
        enrichCounter(registry, "pactwire.enrich.retracted", "Tombstones forwarded for retracted articles", app,
                a -> sum(a, EnricherApp.METRICS_GROUP, "retracted-total"));
        // Streams counts each record a handler resumed after (with its dead letter) in its task's
        // dropped-records-total; nothing else in the enricher's topology drops records.
        enrichCounter(registry, "pactwire.enrich.dead.lettered", "Records of news.raw sent to news.dlq", app,
                a -> sum(a, "stream-task-metrics", "dropped-records-total"));
        enrichCounter(registry, "pactwire.enrich.thread.replacements", "Stream threads replaced after a failure", app,
                a -> sum(a, EnricherApp.METRICS_GROUP, "thread-replacements-total"));
        FunctionTimer.builder("pactwire.enrich.tagging", app, a -> (long) sum(a, EnricherApp.METRICS_GROUP, "tagged-total"),
                        a -> sum(a, EnricherApp.METRICS_GROUP, "tagging-time-ns-total"), TimeUnit.NANOSECONDS)
                .description("Time spent tagging articles").register(registry);
        if (metrics.enabled()) {
            app.onStreams(streams -> metrics.bind(new KafkaStreamsMetrics(streams)));
        }
    }

    /** The sum of the enricher's metrics called {@code name} in {@code group}, over its tasks. */
    private static double sum(EnricherApp app, String group, String name) {
        return app.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(group) && e.getKey().name().equals(name))
                .map(e -> e.getValue().metricValue())
                .filter(Number.class::isInstance)
                .mapToDouble(v -> ((Number) v).doubleValue())
                .sum();
    }

    /** serve's open event streams and its Kafka Streams client's metrics (serve is started); its readiness is its health. */
    static void serve(MetricsServer metrics, ServeServer serve) {
        io.micrometer.core.instrument.Gauge.builder("pactwire.serve.event.streams", serve, ServeServer::openEventStreams)
                .description("Server-sent event streams open (browsers following the live view)")
                .register(metrics.registry());
        if (metrics.enabled()) {
            metrics.bind(new KafkaStreamsMetrics(serve.kafkaStreams()));
        }
    }

    private static void enrichCounter(MeterRegistry registry, String name, String description, EnricherApp app,
                                      ToDoubleFunction<EnricherApp> value) {
        FunctionCounter.builder(name, app, value).description(description).register(registry);
    }

    /** The store's counters (committed work only) and its clients' metrics; its readiness is its health. */
    static void store(MetricsServer metrics, ArticleStore store) {
        MeterRegistry registry = metrics.registry();
        StoreCounters counters = store.counters();
        storeCounter(registry, "pactwire.store.stored", "Results written to news.articles", counters, StoreCounters::stored);
        storeCounter(registry, "pactwire.store.skipped.stale", "Results skipped: news.articles holds a newer one",
                counters, StoreCounters::skippedStale);
        storeCounter(registry, "pactwire.store.skipped.duplicate", "Results skipped: news.articles holds the same one",
                counters, StoreCounters::skippedDuplicate);
        storeCounter(registry, "pactwire.store.retracted", "Tombstones written to news.articles", counters,
                StoreCounters::retracted);
        storeCounter(registry, "pactwire.store.dead.lettered", "Records of news.enriched sent to news.dlq", counters,
                StoreCounters::deadLetters);
        storeCounter(registry, "pactwire.store.state.records.read",
                "Records of news.articles read to catch the local state up (at a restart: only what changed)", counters,
                StoreCounters::stateRecordsRead);
        if (metrics.enabled()) {
            metrics.bind(new KafkaClientMetrics(store.consumer()));
            metrics.bind(new KafkaClientMetrics(store.producer()));
        }
    }

    private static void storeCounter(MeterRegistry registry, String name, String description, StoreCounters counters,
                                     ToDoubleFunction<StoreCounters> value) {
        FunctionCounter.builder(name, counters, value).description(description).register(registry);
    }

    /**
     * The meters of a running ingest: its counters (as {@link #ingest(MetricsServer, Progress)}) and its producer's
     * Kafka client metrics; its readiness is its health.
     */
    static Progress ingest(MetricsServer metrics, IngestService service, Progress next) {
        FunctionCounter.builder("pactwire.ingest.state.records.read", service, IngestService::stateRecordsRead)
                .description("Records of news.raw read to catch the local state up (at a restart: only what changed)")
                .register(metrics.registry());
        if (metrics.enabled()) {
            service.onProducer(producer -> metrics.bind(new KafkaClientMetrics(producer)));
        }
        return ingest(metrics, next);
    }

    /** Ingest's counters, as a progress listener that also tells {@code next}. */

    static Progress ingest(MetricsServer metrics, Progress next) {
        MeterRegistry registry = metrics.registry();
        Counter published = Counter.builder("pactwire.ingest.published").description("Articles published to news.raw")
                .register(registry);
        Counter unchanged = Counter.builder("pactwire.ingest.unchanged")
                .description("Articles not published: news.raw holds them with the same content").register(registry);
        Counter skipped = Counter.builder("pactwire.ingest.skipped")
                .description("Files skipped as not an article format").register(registry);
        return new Progress() {
            @Override
            public void received(Input input) {
                next.received(input);
            }

            @Override
            public void published(IngestReport.Published article) {
                published.increment();
                next.published(article);
            }

            @Override
            public void unchanged(IngestReport.Unchanged article) {
                unchanged.increment();
                next.unchanged(article);
            }

            @Override
            public void rejected(Input.Rejected input) {
                Counter.builder("pactwire.ingest.rejected").description("Inputs rejected, by kind of reason")
                        .tag("reason", IngestReport.cause(input.reason())).register(registry).increment();
                next.rejected(input);
            }

            @Override
            public void skipped(Input.Skipped input) {
                skipped.increment();
                next.skipped(input);
            }

            @Override
            public void passDone() {
                next.passDone();
            }
        };
    }
}

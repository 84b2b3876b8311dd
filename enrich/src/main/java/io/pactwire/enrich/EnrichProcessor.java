package io.pactwire.enrich;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.tagger.Tagger;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.Map;
import java.util.function.Function;

/**
 * Carries out the {@link EnrichDecision} for each record of {@code news.raw}: forwards what it says to write,
 * remembers or forgets the last result as it says, and counts: {@code enriched-total},
 * {@code skipped-unchanged-total}, {@code retracted-total}, and each tagging in {@code tagged-total} and
 * {@code tagging-time-ns-total}. A record the decision dead-letters is thrown as an
 * {@link UnprocessableArticleException}, and Streams' processing exception handler dead-letters it with its
 * original bytes.
 */
final class EnrichProcessor implements Processor<String, RawArticle, String, byte[]> {
    static final String METRICS_GROUP = "pactwire-enrich";

    private final Enricher enricher;
    private final Tagger tagger;
    private final EnrichLimits limits;

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, LastResult> lastResults;
    private Sensor enriched;
    private Sensor skipped;
    private Sensor retracted;
    private Sensor tagging;

    private Function<RawArticle, EnrichedArticle> timedTagging;

    EnrichProcessor(Enricher enricher, Tagger tagger, EnrichLimits limits) {
        this.enricher = enricher;
        this.tagger = tagger;
        this.limits = limits;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.lastResults = context.getStateStore(EnrichTopology.LAST_RESULTS_STORE);
        String task = context.taskId().toString();
        StreamsMetrics metrics = context.metrics();
        enriched = counter(metrics, task, "enriched-total", "Raw articles tagged and written to news.enriched");
        skipped = counter(metrics, task, "skipped-unchanged-total",
                "Raw articles not tagged again: same content hash and tagger versions as their last result");
        retracted = counter(metrics, task, "retracted-total", "Tombstones forwarded for retracted articles");
        tagging = metrics.addSensor(METRICS_GROUP + ".tagging." + task, Sensor.RecordingLevel.INFO);
        tagging.add(new MetricName("tagged-total", METRICS_GROUP, "Raw articles tagged (their result written or"
                + " dead-lettered)", Map.of("task-id", task)), new CumulativeCount());
        tagging.add(new MetricName("tagging-time-ns-total", METRICS_GROUP, "Time spent tagging, in nanoseconds",
                Map.of("task-id", task)), new CumulativeSum());
        timedTagging = raw -> {
            long start = System.nanoTime();
            EnrichedArticle result = enricher.enrich(raw);
            tagging.record(System.nanoTime() - start);
            return result;
        };
    }

    private static Sensor counter(StreamsMetrics metrics, String task, String name, String description) {
        Sensor sensor = metrics.addSensor(METRICS_GROUP + "." + name + "." + task, Sensor.RecordingLevel.INFO);
        sensor.add(new MetricName(name, METRICS_GROUP, description, Map.of("task-id", task)), new CumulativeCount());
        return sensor;
    }

    /**
     * Results carry no headers: Streams would otherwise copy the raw record's (ingest's content hash and
     * revision, which the result has as fields) onto every result and agreement, bytes on each record
     * that nobody reads.
     */
    @Override
    public void process(Record<String, RawArticle> input) {
        Record<String, RawArticle> record = input.withHeaders(new RecordHeaders());
        String id = record.key();
        LastResult last = id == null ? null : lastResults.get(id);
        EnrichDecision decision = EnrichDecision.decide(id, record.value(), last, tagger.versions(), timedTagging, limits);
        if (decision instanceof EnrichDecision.Skip) {
            skipped.record();
        } else if (decision instanceof EnrichDecision.Retract retract) {
            context.forward(record.withValue(null), EnrichTopology.ENRICHED_SINK);
            retract.agreementTombstones().forEach(gone ->
                    context.forward(record.withKey(gone).withValue(null), EnrichTopology.AGREEMENTS_SINK));
            if (retract.forget()) {
                lastResults.delete(id);
            }
            retracted.record();
        } else if (decision instanceof EnrichDecision.Write write) {
            context.forward(record.withValue(write.value()), EnrichTopology.ENRICHED_SINK);
            write.agreements().forEach(agreement -> context.forward(record.withKey(agreement.id())
                    .withValue(agreement.value()), EnrichTopology.AGREEMENTS_SINK));
            write.agreementTombstones().forEach(gone ->
                    context.forward(record.withKey(gone).withValue(null), EnrichTopology.AGREEMENTS_SINK));
            lastResults.put(id, write.remember());
            enriched.record();
        } else if (decision instanceof EnrichDecision.DeadLetter deadLetter) {
            throw new UnprocessableArticleException(deadLetter.reason());
        }
    }

    @Override
    public void close() {
        StreamsMetrics metrics = context.metrics();
        metrics.removeSensor(enriched);
        metrics.removeSensor(skipped);
        metrics.removeSensor(retracted);
        metrics.removeSensor(tagging);
    }
}

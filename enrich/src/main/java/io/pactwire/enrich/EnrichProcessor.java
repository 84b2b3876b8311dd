package io.pactwire.enrich;

import io.pactwire.model.AgreementRecord;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.JsonSerde;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.tagger.Tagger;
import io.pactwire.runtime.DeadLetters;
import io.pactwire.topics.Topics;
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

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags one raw article per record and writes its result and its agreements, remembering what it wrote:
 * <ul>
 *   <li>a raw article whose content hash and tagger versions equal those of its last result is not
 *       tagged again (counted in {@code skipped-unchanged-total});</li>
 *   <li>an agreement the last result had and this one has not gets a tombstone on {@code news.agreements};</li>
 *   <li>each tagging is counted in {@code tagged-total} and timed in {@code tagging-time-ns-total};</li>
 *   <li>a tombstone on {@code news.raw} gives a tombstone on {@code news.enriched} and one for each of
 *       the article's agreements.</li>
 * </ul>
 * A record that cannot be enriched throws, and Streams' processing exception handler dead-letters it.
 */
final class EnrichProcessor implements Processor<String, RawArticle, String, byte[]> {
    static final String METRICS_GROUP = "pactwire-enrich";

    private final Enricher enricher;
    private final Tagger tagger;
    private final int maxBodyChars;
    private final int maxResultBytes;
    private final JsonSerde<EnrichedArticle> results = Serdes.ENRICHED_ARTICLE;
    private final JsonSerde<AgreementRecord> agreements = Serdes.AGREEMENT_RECORD;

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, LastResult> lastResults;
    private Sensor enriched;
    private Sensor skipped;
    private Sensor retracted;
    private Sensor tagging;

    EnrichProcessor(Enricher enricher, Tagger tagger, int maxBodyChars, int maxResultBytes) {
        this.enricher = enricher;
        this.tagger = tagger;
        this.maxBodyChars = maxBodyChars;
        this.maxResultBytes = maxResultBytes;
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
        if (id == null) {
            throw new UnprocessableArticleException("record has no key (the article id)");
        }
        RawArticle raw = record.value();
        LastResult last = lastResults.get(id);
        if (raw == null) {
            retract(record, id, last);
            return;
        }
        if (!id.equals(raw.id())) {
            throw new UnprocessableArticleException("key '" + DeadLetters.abbreviate(id) + "' does not match the value's id '"
                    + DeadLetters.abbreviate(raw.id()) + "'");
        }
        requireTaggableLength(raw, maxBodyChars);
        if (last != null && last.sameInput(raw.contentHash(), tagger.versions())) {
            skipped.record();
            return;
        }
        long start = System.nanoTime();
        EnrichedArticle result = enricher.enrich(raw);
        tagging.record(System.nanoTime() - start);
        byte[] value = results.serialize(Topics.ENRICHED.name(), result);
        if (value.length > maxResultBytes) {
            throw new UnprocessableArticleException("result is " + value.length + " bytes, over the limit of "
                    + maxResultBytes + " (enrich.max.result.bytes, or max.message.bytes of the output topics)");
        }
        List<AgreementRecord> found = AgreementRecord.of(result);
        Set<String> foundIds = new HashSet<>();
        context.forward(record.withValue(value), EnrichTopology.ENRICHED_SINK);
        for (AgreementRecord agreement : found) {
            if (foundIds.add(agreement.agreementId())) {
                context.forward(record.withKey(agreement.agreementId())
                        .withValue(agreements.serialize(Topics.AGREEMENTS.name(), agreement)), EnrichTopology.AGREEMENTS_SINK);
            }
        }
        if (last != null) {
            for (String gone : last.agreementIds()) {
                if (!foundIds.contains(gone)) {
                    context.forward(record.withKey(gone).withValue(null), EnrichTopology.AGREEMENTS_SINK);
                }
            }
        }
        lastResults.put(id, new LastResult(result.contentHash(), result.versions(), List.copyOf(foundIds)));
        enriched.record();
    }

    /**
     * The tagger reads the title and dateline as well as the body, so the limit bounds all three: a 10 MB
     * title ("Japan " over and over) was otherwise tagged in full and its result, 146 MB of JSON, built in
     * memory before it was found too large.
     */
    static void requireTaggableLength(RawArticle raw, int maxChars) {
        long chars = (long) raw.title().length() + raw.body().length() + (raw.dateline() == null ? 0 : raw.dateline().length());
        if (chars > maxChars) {
            String what = raw.body().length() > maxChars ? "body has " + raw.body().length()
                    : "title, dateline and body have " + chars;
            throw new UnprocessableArticleException(what + " characters, over the limit of " + maxChars
                    + " (enrich.max.body.chars)");
        }
    }

    private void retract(Record<String, RawArticle> record, String id, LastResult last) {
        context.forward(record.withValue(null), EnrichTopology.ENRICHED_SINK);
        if (last != null) {
            for (String agreementId : last.agreementIds()) {
                context.forward(record.withKey(agreementId).withValue(null), EnrichTopology.AGREEMENTS_SINK);
            }
            lastResults.delete(id);
        }
        retracted.record();
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

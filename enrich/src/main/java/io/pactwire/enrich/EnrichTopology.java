package io.pactwire.enrich;

import io.pactwire.model.StrictUtf8Deserializer;
import io.pactwire.tagger.Tagger;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;

/**
 * The enricher's topology, as a pure builder: no I/O, the same for the app and its tests.
 *
 * <pre>
 * news.raw (key: article id, value: RawArticle JSON)
 *   └─ read-raw ─► enrich-article [store: last-results] ─┬─► write-enriched   ─► news.enriched   (article id → EnrichedArticle)
 *                                                         └─► write-agreements ─► news.agreements (agreement id → AgreementRecord)
 * </pre>
 * Every processor, the store and hence its changelog topic ({@code <application.id>-last-results-changelog})
 * are named, so a redeploy never orphans state. Records that cannot be read or enriched go to
 * {@code news.dlq} through the exception handlers configured by {@link EnrichConfig#streamsProperties()}.
 */
public final class EnrichTopology {
    static final String SOURCE = "read-raw";
    static final String PROCESSOR = "enrich-article";
    static final String ENRICHED_SINK = "write-enriched";
    static final String AGREEMENTS_SINK = "write-agreements";
    static final String LAST_RESULTS_STORE = "last-results";

    private EnrichTopology() {
    }

    /**
     * The topology: tags with {@code tagger}, stamps results with {@code clock}'s time, and dead-letters what
     * {@code limits} refuse ({@link EnrichDecision}).
     */
    public static Topology build(EnrichConfig config, Tagger tagger, Clock clock, EnrichLimits limits) {
        Enricher enricher = new Enricher(tagger, clock);
        Topology topology = new Topology();
        // keys are read strictly: a key that is not UTF-8 must not pass as the id after a lossy decoding
        topology.addSource(SOURCE, new StrictUtf8Deserializer(), Topics.RAW.valueSerde().deserializer(),
                config.topics().raw().name());
        topology.addProcessor(PROCESSOR, () -> new EnrichProcessor(enricher, tagger, limits), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(LastResultsStore.supplier(LAST_RESULTS_STORE),
                org.apache.kafka.common.serialization.Serdes.String(), new LastResultSerde()), PROCESSOR);
        topology.addSink(ENRICHED_SINK, config.topics().enriched().name(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        topology.addSink(AGREEMENTS_SINK, config.topics().agreements().name(), new StringSerializer(), new ByteArraySerializer(), PROCESSOR);
        return topology;
    }
}

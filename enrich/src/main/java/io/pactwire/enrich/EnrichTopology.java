package io.pactwire.enrich;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.topics.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enricher's topology, as a pure builder: no I/O, the same for the app and its tests.
 *
 * <pre>
 * news.raw (key: article id, value: RawArticle JSON)
 *   └─ read-raw ─► tag-article ─► write-enriched ─► news.enriched (key: article id, value: EnrichedArticle JSON)
 * </pre>
 * A tombstone (null value) on {@code news.raw} passes through as a tombstone. Records that cannot be
 * read, or fail while tagged, go to {@code news.dlq} through the Streams exception handlers configured
 * by {@link EnrichConfig#streamsProperties()}.
 */
public final class EnrichTopology {
    static final String SOURCE = "read-raw";
    static final String TAG = "tag-article";
    static final String SINK = "write-enriched";

    private EnrichTopology() {
    }

    public static Topology build(Enricher enricher) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW.name(), Consumed.with(Topics.RAW.keySerde(), Topics.RAW.valueSerde()).withName(SOURCE))
                .mapValues((RawArticle raw) -> raw == null ? null : enricher.enrich(raw), Named.as(TAG))
                .to(Topics.ENRICHED.name(), Produced.<String, EnrichedArticle>with(Topics.ENRICHED.keySerde(),
                        Topics.ENRICHED.valueSerde()).withName(SINK));
        return builder.build();
    }
}

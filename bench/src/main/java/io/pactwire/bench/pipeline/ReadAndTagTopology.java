package io.pactwire.bench.pipeline;

import io.pactwire.enrich.Enricher;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import org.apache.kafka.common.serialization.Serde;
import io.pactwire.tagger.Tagger;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Clock;

/**
 * The enricher's own bound: the pass-through plus the least of the enricher's work, reading each raw record
 * as the enricher reads it, tagging it and writing the result the enricher writes for the article (the same
 * bytes to a topic configured as news.enriched); no agreements, no last-result store, no decision. Run with
 * the enricher's Streams config, it is what any enricher with this tagger that writes its results can reach
 * on the machine of the run, and the enricher is measured against it.
 */
final class ReadAndTagTopology {
    static final String RESULTS_OUTPUT = "bench.read-tag-write";
    private static final Serde<byte[]> BYTES = org.apache.kafka.common.serialization.Serdes.ByteArray();

    private ReadAndTagTopology() {
    }

    /** The topology that also writes each article's result (the bytes the enricher writes to news.enriched). */
    static Topology buildWritingResults(Tagger tagger, Clock clock) {
        Deserializer<RawArticle> raws = Topics.RAW.valueSerde().deserializer();
        Enricher enricher = new Enricher(tagger, clock);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW.name(), Consumed.with(BYTES, BYTES).withName("read-raw"))
                .mapValues(value -> value == null ? null : Serdes.ENRICHED_ARTICLE.serialize(RESULTS_OUTPUT,
                        enricher.enrich(raws.deserialize(Topics.RAW.name(), value))), Named.as("read-tag-and-write"))
                .to(RESULTS_OUTPUT, Produced.with(BYTES, BYTES).withName("write-result"));
        return builder.build();
    }
}

package io.pactwire.bench.pipeline;

import io.pactwire.enrich.Enricher;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import org.apache.kafka.common.serialization.Serde;
import io.pactwire.tagger.ArticleText;
import io.pactwire.tagger.Tagger;
import io.pactwire.tagger.Tags;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;

/**
 * Floors under any enricher with Pactwire's tagger, each the pass-through plus part of the enricher's work:
 * <ul>
 *   <li>{@link #build}: reading each raw record as the enricher reads it and tagging it, with nothing else
 *       (no result written, no store): the input bytes go out as they came;</li>
 *   <li>{@link #buildWritingResults}: reading, tagging and writing the result the enricher writes for the
 *       article, in place of the input; no agreements, no store.</li>
 * </ul>
 * Their rates over the pass-through's bound what the enricher's ratio can be on the machine of the run.
 */
final class ReadAndTagTopology {
    static final String OUTPUT = "bench.read-and-tag";
    static final String RESULTS_OUTPUT = "bench.read-tag-write";
    private static final Serde<byte[]> BYTES = org.apache.kafka.common.serialization.Serdes.ByteArray();

    private ReadAndTagTopology() {
    }

    /** The topology; {@code tagged} counts the countries and agreements found, so that tagging has a use. */
    static Topology build(Tagger tagger, LongAdder tagged) {
        Deserializer<RawArticle> raws = Topics.RAW.valueSerde().deserializer();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW.name(), Consumed.with(BYTES, BYTES).withName("read-raw"))
                .mapValues(value -> {
                    if (value != null) {
                        RawArticle raw = raws.deserialize(Topics.RAW.name(), value);
                        Tags tags = tagger.tag(new ArticleText(raw.title(), raw.dateline(), raw.body()));
                        tagged.add(tags.countries().size() + tags.agreements().size());
                    }
                    return value;
                }, Named.as("read-and-tag"))
                .to(OUTPUT, Produced.with(BYTES, BYTES).withName("write-copy"));
        return builder.build();
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

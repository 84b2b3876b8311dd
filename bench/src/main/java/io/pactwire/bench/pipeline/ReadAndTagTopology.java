package io.pactwire.bench.pipeline;

import io.pactwire.model.RawArticle;
import io.pactwire.tagger.ArticleText;
import io.pactwire.tagger.Tagger;
import io.pactwire.tagger.Tags;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.util.concurrent.atomic.LongAdder;

/**
 * The floor under any enricher with Pactwire's tagger: the pass-through, plus reading each raw record as
 * the enricher reads it and tagging it, with nothing else (no result written, no store): the input bytes
 * go out as they came. Its rate over the pass-through's bounds what the enricher's ratio can be on the
 * machine of the run.
 */
final class ReadAndTagTopology {
    static final String OUTPUT = "bench.read-and-tag";

    private ReadAndTagTopology() {
    }

    /** The topology; {@code tagged} counts the countries and agreements found, so that tagging has a use. */
    static Topology build(Tagger tagger, LongAdder tagged) {
        Deserializer<RawArticle> raws = Topics.RAW.valueSerde().deserializer();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-raw"))
                .mapValues(value -> {
                    if (value != null) {
                        RawArticle raw = raws.deserialize(Topics.RAW.name(), value);
                        Tags tags = tagger.tag(new ArticleText(raw.title(), raw.dateline(), raw.body()));
                        tagged.add(tags.countries().size() + tags.agreements().size());
                    }
                    return value;
                }, Named.as("read-and-tag"))
                .to(OUTPUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("write-copy"));
        return builder.build();
    }
}

package io.pactwire.bench.pipeline;

import io.pactwire.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** Kafka's ceiling for the enricher: news.raw copied as it is to another topic, bytes in, bytes out. */
final class PassThroughTopology {
    static final String OUTPUT = "bench.passthrough";

    private PassThroughTopology() {
    }

    static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-raw"))
                .to(OUTPUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("write-copy"));
        return builder.build();
    }
}

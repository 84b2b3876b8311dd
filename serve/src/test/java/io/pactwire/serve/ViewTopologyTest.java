package io.pactwire.serve;

import io.pactwire.model.RawArticle;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ViewTopologyTest {

    @Test
    void keepsTheCurrentRecordPerKeyAndTellsEveryChange(@TempDir Path state) {
        List<Change> changes = new ArrayList<>();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "view-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(ViewTopology.build(io.pactwire.topics.PipelineTopics.DEFAULT, changes::add), props)) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(),
                    new ByteArraySerializer());
            TestInputTopic<String, byte[]> articles = driver.createInputTopic(Topics.ARTICLES.name(), new StringSerializer(),
                    new ByteArraySerializer());
            byte[] first = Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), RawArticle.of("a1", "T", "one"));
            byte[] second = Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(),
                    RawArticle.of("a1", "T", "two").withRevision(2));
            raw.pipeInput("a1", first);
            raw.pipeInput("a1", second);
            raw.pipeInput("a2", "not json".getBytes(StandardCharsets.UTF_8));
            articles.pipeInput("a1", "{}".getBytes(StandardCharsets.UTF_8));
            articles.pipeInput("a1", (byte[]) null);

            KeyValueStore<String, byte[]> texts = driver.getKeyValueStore(ViewTopology.TEXTS);
            assertThat(texts.get("a1")).isEqualTo(second);
            // kept as bytes: an unreadable record is left out when read, never stops the view
            assertThat(texts.get("a2")).asString(StandardCharsets.UTF_8).isEqualTo("not json");
            assertThat(driver.<String, byte[]>getKeyValueStore(ViewTopology.ARTICLES).get("a1")).isNull();
            assertThat(changes).containsExactly(new Change("text", "a1", false), new Change("text", "a1", false),
                    new Change("text", "a2", false), new Change("article", "a1", false), new Change("article", "a1", true));
        }
    }
}

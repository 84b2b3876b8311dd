package io.pactwire.enrich;

import io.pactwire.config.ConfigInput;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.tagger.Tagger;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testkit.RecordReader;
import io.pactwire.topics.DeadLetterHeaders;
import io.pactwire.topics.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The enricher on a real broker: results exactly once, poison pills to the dead-letter topic. */
@KafkaTest
class EnricherIT {

    @Test
    void enrichesGoodRecordsAndDeadLettersPoisonPillsWithoutStopping(KafkaTestCluster cluster, @TempDir Path state)
            throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        Map<String, byte[]> inputs = new java.util.LinkedHashMap<>();
        inputs.put("lu-cn", Topics.RAW.valueSerde().serializer().serialize("news.raw",
                RawArticle.of("lu-cn", "Luxembourg and China sign MoU", "Luxembourg and China signed a memorandum of understanding.")));
        inputs.put("not-json", "{this is not json".getBytes(StandardCharsets.UTF_8));
        inputs.put("no-body", "{\"id\":\"no-body\",\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8));
        inputs.put("lu-jp", Topics.RAW.valueSerde().serializer().serialize("news.raw",
                RawArticle.of("lu-jp", "Luxembourg and Japan", "A memorandum of cooperation between Luxembourg and Japan.")));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", cluster.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            inputs.forEach((key, value) -> producer.send(new ProducerRecord<>(Topics.RAW.name(), key.getBytes(StandardCharsets.UTF_8), value)));
        }

        EnrichConfig config = new EnrichConfig(ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                EnrichConfig.STATE_DIR, state.toString())));
        try (EnricherApp app = new EnricherApp(config, Tagger.standard())) {
            app.start();
            assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();

            List<ConsumerRecord<String, EnrichedArticle>> results = new RecordReader<>(cluster, Topics.ENRICHED.name(),
                    Topics.ENRICHED.keySerde().deserializer(), Topics.ENRICHED.valueSerde().deserializer())
                    .readUntil(r -> r.size() >= 2, Duration.ofSeconds(60));
            List<ConsumerRecord<byte[], byte[]>> letters = new RecordReader<>(cluster, Topics.DEAD_LETTERS.name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readUntil(r -> r.size() >= 2, Duration.ofSeconds(60));

            assertThat(results).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("lu-cn", "lu-jp");
            assertThat(letters).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("not-json", "no-body");
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                String key = new String(letter.key(), StandardCharsets.UTF_8);
                assertThat(letter.value()).as("original bytes of " + key).isEqualTo(inputs.get(key));
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.TOPIC)).isEqualTo("news.raw");
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.EXCEPTION)).isNotBlank();
                assertThat(DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.OFFSET)).isNotBlank();
            }
            assertThat(letters).anySatisfy(l -> assertThat(DeadLetterHeaders.text(l.headers(), DeadLetterHeaders.MESSAGE))
                    .contains("field 'body': must not be blank"));
            assertThat(letters).anySatisfy(l -> assertThat(DeadLetterHeaders.text(l.headers(), DeadLetterHeaders.MESSAGE))
                    .contains("not valid JSON"));

            // count in = count out + count dead-lettered, and nothing more arrives
            List<ConsumerRecord<String, EnrichedArticle>> allResults = new RecordReader<>(cluster, Topics.ENRICHED.name(),
                    Topics.ENRICHED.keySerde().deserializer(), Topics.ENRICHED.valueSerde().deserializer())
                    .readToEnd(Duration.ofSeconds(30));
            List<ConsumerRecord<byte[], byte[]>> allLetters = new RecordReader<>(cluster, Topics.DEAD_LETTERS.name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()).readToEnd(Duration.ofSeconds(30));
            assertThat(allResults.size() + allLetters.size()).isEqualTo(inputs.size());
        }
    }
}

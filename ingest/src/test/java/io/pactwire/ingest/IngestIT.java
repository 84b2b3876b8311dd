package io.pactwire.ingest;

import io.pactwire.config.ConfigInput;
import io.pactwire.model.RawArticle;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testkit.RecordReader;
import io.pactwire.topics.TopicProvisioner;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@KafkaTest
class IngestIT {
    private static final Path SAMPLES = Path.of("../samples");

    @BeforeAll
    static void createTopics(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, io.pactwire.topics.TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }

    private static IngestService service(KafkaTestCluster cluster) {
        return new IngestService(new IngestConfig(ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers()))),
                Clock.systemUTC());
    }

    @Test
    void publishesEveryInputOnceKeyedByAStableIdWithHeaders(KafkaTestCluster cluster, @TempDir Path dir) throws IOException {
        Path lines = dir.resolve("wire.jsonl");
        Files.writeString(lines, "{\"id\":\"reuters-1\",\"title\":\"BAHIA COCOA REVIEW\",\"body\":\"Showers continued.\"}\n"
                + "{\"id\":\"reuters-2\",\"body\":\"\"}\n");

        IngestReport first = service(cluster).ingest(List.of(SAMPLES, lines));
        assertThat(first.published()).hasSize(4);
        assertThat(first.rejected()).singleElement()
                .satisfies(r -> assertThat(r.source()).endsWith("wire.jsonl#line=2"));
        IngestReport second = service(cluster).ingest(List.of(SAMPLES, lines));

        Set<String> firstIds = first.published().stream().map(IngestReport.Published::id).collect(Collectors.toSet());
        Set<String> secondIds = second.published().stream().map(IngestReport.Published::id).collect(Collectors.toSet());
        assertThat(secondIds).as("the same articles get the same keys").isEqualTo(firstIds).contains("reuters-1");

        RecordReader<String, RawArticle> reader = new RecordReader<>(cluster, Topics.RAW.name(),
                Topics.RAW.keySerde().deserializer(), Topics.RAW.valueSerde().deserializer());
        List<ConsumerRecord<String, RawArticle>> records = reader.readUntil(r -> r.size() >= 8, Duration.ofSeconds(30));
        assertThat(records).hasSize(8).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(record.value().id());
            assertThat(header(record, ArticlePublisher.SCHEMA_HEADER)).isEqualTo("raw-article/1");
            assertThat(header(record, ArticlePublisher.CONTENT_TYPE_HEADER)).isEqualTo("application/json");
            assertThat(header(record, ArticlePublisher.SOURCE_HEADER)).isEqualTo(record.value().sourceUri());
        });
        assertThat(RecordReader.latestByKey(records)).hasSize(4);
        RawArticle mou = RecordReader.latestByKey(records).values().stream()
                .filter(a -> "2018-01-16".equals(a.publishedAt())).findFirst().orElseThrow();
        assertThat(mou.dateline()).isEqualTo("Luxembourg, January 16, 2018");
        assertThat(mou.title()).startsWith("Luxembourg cooperates with China");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

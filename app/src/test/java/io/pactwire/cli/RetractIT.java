package io.pactwire.cli;

import io.pactwire.config.ConfigInput;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testing.Conservation;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retract} on a real broker with the pipeline running: an id news.raw holds no article for is named and
 * nothing is written for it (a tombstone for it would "succeed" and retract nothing), the others are retracted,
 * and {@code --force} writes the tombstone anyway.
 */
@KafkaTest
class RetractIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void anIdNewsRawDoesNotHoldIsRefusedByNameAndOnlyTheOthersAreRetracted(KafkaTestCluster cluster) throws Exception {
        Path state = Files.createTempDirectory("retract-it-");
        ConfigInput input = ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                EnrichConfig.STATE_DIR, state.toString(), StoreConfig.TRANSACTIONAL_ID, "store-retract-it",
                EnrichConfig.THREADS, "1"));
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), WAIT).ensure(Topics.all());
        }
        EnricherApp enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard());
        ArticleStore store = new ArticleStore(new StoreConfig(input));
        try {
            enricher.start();
            assertThat(enricher.awaitRunning(WAIT)).isTrue();
            store.start();
            Path lines = state.resolve("articles.jsonl");
            Files.writeString(lines, String.join("\n",
                    "{\"id\":\"lu-cn\",\"title\":\"Luxembourg and China sign\",\"body\":\"Luxembourg and China signed a memorandum of understanding.\"}",
                    "{\"id\":\"cl-pe\",\"title\":\"Chile and Peru sign\",\"body\":\"Chile and Peru signed a trade agreement.\"}",
                    "{\"id\":\"weather\",\"title\":\"Weather\",\"body\":\"Showers continued throughout the week.\"}"));
            IngestReport report = new IngestService(new IngestConfig(input), Clock.systemUTC()).ingest(List.of(lines));
            assertThat(report.published()).hasSize(3);
            Conservation.of(cluster).await(WAIT);

            CliRun retract = CliRun.run(cluster.bootstrapServers(), "retract", "lu-cn", "lu-cm");
            assertThat(retract.exit()).as(retract.toString()).isEqualTo(1);
            assertThat(retract.out()).contains("retracted lu-cn").doesNotContain("retracted lu-cm");
            assertThat(retract.err()).contains("pactwire retract: lu-cm: news.raw holds no article with this id; nothing"
                    + " written (--force writes the tombstone anyway)").doesNotContain("lu-cn");
            articles(cluster).readUntil(r -> !RecordReader.latestByKey(r).containsKey("lu-cn")
                    && RecordReader.latestByKey(r).keySet().containsAll(Set.of("cl-pe", "weather")), WAIT);
            assertThat(rawKeys(cluster)).as("keys of news.raw").doesNotContain("lu-cm");

            CliRun again = CliRun.run(cluster.bootstrapServers(), "retract", "lu-cn");
            assertThat(again.exit()).as("an article already retracted: " + again).isEqualTo(1);
            assertThat(again.err()).contains("lu-cn: news.raw holds no article with this id");

            CliRun forced = CliRun.run(cluster.bootstrapServers(), "retract", "--force", "lu-cm");
            assertThat(forced.exit()).as(forced.toString()).isZero();
            assertThat(forced.out()).contains("retracted lu-cm");
            assertThat(rawKeys(cluster)).contains("lu-cm");

            Conservation.Snapshot end = Conservation.of(cluster).await(WAIT);
            assertThat(end.articles()).isEqualTo(Set.of("cl-pe", "weather"));
        } finally {
            store.close();
            enricher.close();
            Utils.delete(state.toFile());
        }
    }

    private static RecordReader<String, EnrichedArticle> articles(KafkaTestCluster cluster) {
        return new RecordReader<>(cluster, Topics.ARTICLES.name(), Topics.ARTICLES.keySerde().deserializer(),
                Topics.ARTICLES.valueSerde().deserializer());
    }

    /** Every key with a record on news.raw, tombstones included. */
    private static Set<String> rawKeys(KafkaTestCluster cluster) {
        return new RecordReader<String, RawArticle>(cluster, Topics.RAW.name(), Topics.RAW.keySerde().deserializer(),
                Topics.RAW.valueSerde().deserializer()).readToEnd(WAIT).stream()
                .map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}

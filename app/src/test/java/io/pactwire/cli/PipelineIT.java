package io.pactwire.cli;

import io.pactwire.config.ConfigInput;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The three seed press releases through ingest, enrich and store on a real broker. */
@KafkaTest
class PipelineIT {

    @Test
    void theSeedsArriveInNewsArticlesWithTheirCountriesAndAgreements(KafkaTestCluster cluster, @TempDir Path state)
            throws Exception {
        ConfigInput input = ConfigInput.of(Map.of(
                "bootstrap.servers", cluster.bootstrapServers(),
                EnrichConfig.STATE_DIR, state.toString(),
                StoreConfig.TRANSACTIONAL_ID, "pactwire-store-it"));
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        try (EnricherApp enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard());
             ArticleStore store = new ArticleStore(new StoreConfig(input))) {
            enricher.start();
            store.start();

            IngestReport report = new IngestService(new IngestConfig(input), Clock.systemUTC()).ingest(List.of(Path.of("../samples")));
            assertThat(report.published()).hasSize(3);
            assertThat(report.rejected()).isEmpty();
            Set<String> ids = report.published().stream().map(IngestReport.Published::id).collect(Collectors.toSet());

            List<ConsumerRecord<String, EnrichedArticle>> records = new RecordReader<>(cluster, Topics.ARTICLES.name(),
                    Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer())
                    .readUntil(r -> RecordReader.latestByKey(r).keySet().containsAll(ids), Duration.ofSeconds(90));
            Map<String, EnrichedArticle> articles = RecordReader.latestByKey(records);
            assertThat(articles.keySet()).isEqualTo(ids);
            articles.forEach((key, article) -> assertThat(article.id()).isEqualTo(key));

            EnrichedArticle china = bySource(articles, "000_6f954eecf47ae51d.txt");
            EnrichedArticle japan = bySource(articles, "001_4eb1cc99752fa4f0.txt");
            EnrichedArticle russia = bySource(articles, "002_4525720b54dbe636.txt");
            assertThat(codes(china)).contains("LU", "CN");
            assertThat(codes(japan)).contains("LU", "JP");
            assertThat(codes(russia)).contains("LU", "RU");
            assertThat(types(china)).contains(AgreementType.MEMORANDUM_OF_UNDERSTANDING);
            assertThat(types(japan)).contains(AgreementType.MEMORANDUM_OF_COOPERATION);
            assertThat(types(russia)).contains(AgreementType.MEMORANDUM_OF_UNDERSTANDING);
            assertThat(china.versions()).isEqualTo(Tagger.standard().versions());
            assertThat(china.publishedAt()).isEqualTo("2018-01-16");

            // count in = count out + count dead-lettered: three articles in, three results, no dead letters
            List<ConsumerRecord<String, EnrichedArticle>> enriched = new RecordReader<>(cluster, Topics.ENRICHED.name(),
                    Topics.ENRICHED.keySerde().deserializer(), Topics.ENRICHED.valueSerde().deserializer())
                    .readToEnd(Duration.ofSeconds(30));
            assertThat(enriched).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(new RecordReader<>(cluster, Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readToEnd(Duration.ofSeconds(30))).isEmpty();
            assertThat(new RecordReader<>(cluster, Topics.ARTICLES.name(), Topics.ARTICLES.keySerde().deserializer(),
                    Topics.ARTICLES.valueSerde().deserializer()).readToEnd(Duration.ofSeconds(30))).hasSize(3);

            // a caught-up store has no lag, transaction markers of news.enriched included
            org.awaitility.Awaitility.await("the store's lag reaches 0").atMost(Duration.ofSeconds(60)).until(() -> {
                try (Admin admin = cluster.admin()) {
                    var end = admin.listOffsets(admin.describeTopics(List.of(Topics.ENRICHED.name())).allTopicNames().get()
                            .get(Topics.ENRICHED.name()).partitions().stream()
                            .collect(Collectors.toMap(p -> new org.apache.kafka.common.TopicPartition(Topics.ENRICHED.name(),
                                    p.partition()), p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                    var committed = admin.listConsumerGroupOffsets("pactwire-store").partitionsToOffsetAndMetadata().get();
                    return end.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                            || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() == e.getValue().offset()));
                }
            });
        }
    }

    private static EnrichedArticle bySource(Map<String, EnrichedArticle> articles, String file) {
        return articles.values().stream().filter(a -> a.sourceUri().endsWith("/" + file)).findFirst().orElseThrow();
    }

    private static List<String> codes(EnrichedArticle article) {
        return article.countries().stream().map(CountryTag::code).toList();
    }

    private static List<AgreementType> types(EnrichedArticle article) {
        return article.agreements().stream().map(AgreementTag::type).toList();
    }
}

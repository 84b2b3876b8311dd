package io.pactwire.cli;

import io.pactwire.config.ClusterConfig;
import io.pactwire.config.ConfigInput;
import io.pactwire.config.PactwireConfig;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.topics.PipelineTopics;
import io.pactwire.topics.TopicDescriptor;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two pipelines on one cluster, told apart by {@code topics.prefix} alone: each has its own topics, enricher
 * application, store group and transactional id, and neither sees the other's articles.
 */
@KafkaTest
class TopicsPrefixIT {

    private static ConfigInput input(KafkaTestCluster cluster, Path state, String prefix) {
        Map<String, String> settings = new HashMap<>();
        settings.put(PactwireConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers());
        settings.put(PactwireConfig.TOPICS_PREFIX, prefix);
        settings.put(EnrichConfig.STATE_DIR, state.toString());
        return ConfigInput.of(settings);
    }

    private static Set<String> run(KafkaTestCluster cluster, ConfigInput input, String sample) throws Exception {
        TopicSetup.ensureAll(new ClusterConfig(input));
        IngestReport report = new IngestService(new IngestConfig(input), Clock.systemUTC())
                .ingest(List.of(Path.of("../samples", sample)));
        assertThat(report.published()).hasSize(1);
        return report.published().stream().map(IngestReport.Published::id).collect(Collectors.toSet());
    }

    private static Map<String, EnrichedArticle> articles(KafkaTestCluster cluster, PipelineTopics topics, Set<String> awaited) {
        TopicDescriptor<String, EnrichedArticle> articles = topics.articles();
        List<ConsumerRecord<String, EnrichedArticle>> records = new RecordReader<>(cluster, articles.name(),
                articles.keySerde().deserializer(), articles.valueSerde().deserializer())
                .readUntil(r -> RecordReader.latestByKey(r).keySet().containsAll(awaited), Duration.ofSeconds(90));
        return RecordReader.latestByKey(records);
    }

    @Test
    void twoPipelinesWithTheirOwnPrefixesShareAClusterWithoutSeeingEachOther(KafkaTestCluster cluster,
                                                                           @TempDir Path stagingState,
                                                                           @TempDir Path productionState) throws Exception {
        ConfigInput staging = input(cluster, stagingState, "staging.");
        ConfigInput production = input(cluster, productionState, "prod-");
        EnrichConfig stagingEnrich = new EnrichConfig(staging);
        EnrichConfig productionEnrich = new EnrichConfig(production);
        StoreConfig stagingStore = new StoreConfig(staging);
        StoreConfig productionStore = new StoreConfig(production);
        assertThat(stagingEnrich.applicationId()).isEqualTo("staging.pactwire-enrich");
        assertThat(productionStore.groupId()).isEqualTo("prod-pactwire-store");
        assertThat(stagingStore.transactionalId()).startsWith("staging.pactwire-store-");

        Set<String> stagingIds = run(cluster, staging, "000_6f954eecf47ae51d.txt");
        Set<String> productionIds = run(cluster, production, "001_4eb1cc99752fa4f0.txt");
        try (EnricherApp stagingEnricher = new EnricherApp(stagingEnrich, Tagger.standard());
             EnricherApp productionEnricher = new EnricherApp(productionEnrich, Tagger.standard());
             ArticleStore stagingStoreService = new ArticleStore(stagingStore);
             ArticleStore productionStoreService = new ArticleStore(productionStore)) {
            stagingEnricher.start();
            productionEnricher.start();
            stagingStoreService.start();
            productionStoreService.start();

            Map<String, EnrichedArticle> stagingArticles = articles(cluster, stagingEnrich.topics(), stagingIds);
            Map<String, EnrichedArticle> productionArticles = articles(cluster, productionEnrich.topics(), productionIds);
            assertThat(stagingArticles.keySet()).isEqualTo(stagingIds);
            assertThat(productionArticles.keySet()).isEqualTo(productionIds);
            assertThat(stagingIds).doesNotContainAnyElementsOf(productionIds);
            assertThat(stagingArticles.values()).allSatisfy(a -> assertThat(a.countries()).anyMatch(c -> c.code().equals("CN")));
            assertThat(productionArticles.values()).allSatisfy(a -> assertThat(a.countries()).anyMatch(c -> c.code().equals("JP")));
        }

        try (Admin admin = cluster.admin()) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (TopicDescriptor<?, ?> topic : Topics.all()) {
                assertThat(topics).contains("staging." + topic.name(), "prod-" + topic.name()).doesNotContain(topic.name());
            }
            Set<String> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).collect(Collectors.toSet());
            assertThat(groups).contains("staging.pactwire-enrich", "prod-pactwire-enrich", "staging.pactwire-store",
                    "prod-pactwire-store").doesNotContain("pactwire-enrich", "pactwire-store");
        }
    }

    @Test
    void anIllegalPrefixIsAUsageErrorNamingTheKey(KafkaTestCluster cluster, @TempDir Path state) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ClusterConfig(input(cluster, state, "news raw/")))
                .isInstanceOf(io.pactwire.config.ConfigValidationException.class)
                .hasMessageContaining(PactwireConfig.TOPICS_PREFIX)
                .hasMessageContaining("may hold only a-z, A-Z, 0-9, '.', '_' and '-'");
    }
}

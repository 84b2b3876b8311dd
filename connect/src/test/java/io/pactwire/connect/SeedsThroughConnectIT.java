package io.pactwire.connect;

import io.pactwire.config.ConfigInput;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.ArticleIds;
import io.pactwire.model.AgreementTag;
import io.pactwire.model.AgreementType;
import io.pactwire.model.CountryTag;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.testing.RecordReader;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The three seed press releases through the connector (a folder input), the enricher and the store. */
class SeedsThroughConnectIT {

    @Test
    void theSeedsReadByTheConnectorArriveInNewsArticlesTagged(@TempDir Path state) throws Exception {
        Path samples = Path.of("../samples").toAbsolutePath().normalize();
        Set<String> ids;
        try (Stream<Path> files = Files.list(samples)) {
            ids = files.map(ArticleIds::forFile).collect(Collectors.toSet());
        }
        try (ConnectCluster cluster = new ConnectCluster("news-seeds-it", 1)) {
            ConfigInput input = ConfigInput.of(Map.of(
                    "bootstrap.servers", cluster.kafka().bootstrapServers(),
                    EnrichConfig.STATE_DIR, state.toString(),
                    StoreConfig.TRANSACTIONAL_ID, "pactwire-store-connect-it"));
            try (EnricherApp enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard());
                 ArticleStore store = new ArticleStore(new StoreConfig(input))) {
                enricher.start();
                store.start();

                cluster.connect().configureConnector("news-seeds", NewsSourceConnectorIT.connectorConfig(samples.toString(), 1));

                List<ConsumerRecord<String, EnrichedArticle>> records = new RecordReader<>(cluster.kafka(), Topics.ARTICLES.name(),
                        Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer())
                        .readUntil(r -> RecordReader.latestByKey(r).keySet().containsAll(ids), Duration.ofSeconds(120));
                Map<String, EnrichedArticle> articles = RecordReader.latestByKey(records);
                assertThat(articles.keySet()).isEqualTo(ids);

                EnrichedArticle china = bySource(articles, "000_6f954eecf47ae51d.txt");
                EnrichedArticle japan = bySource(articles, "001_4eb1cc99752fa4f0.txt");
                EnrichedArticle russia = bySource(articles, "002_4525720b54dbe636.txt");
                assertThat(codes(china)).contains("LU", "CN");
                assertThat(codes(japan)).contains("LU", "JP");
                assertThat(codes(russia)).contains("LU", "RU");
                assertThat(types(china)).contains(AgreementType.MEMORANDUM_OF_UNDERSTANDING);
                assertThat(types(japan)).contains(AgreementType.MEMORANDUM_OF_COOPERATION);
                assertThat(types(russia)).contains(AgreementType.MEMORANDUM_OF_UNDERSTANDING);
                assertThat(china.publishedAt()).isEqualTo("2018-01-16");
                assertThat(articles.values()).allSatisfy(a -> assertThat(a.revision()).isOne());

                assertThat(new RecordReader<>(cluster.kafka(), Topics.RAW.name(), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()).readToEnd(Duration.ofSeconds(30))).hasSize(3);
                assertThat(new RecordReader<>(cluster.kafka(), Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer()).readToEnd(Duration.ofSeconds(30))).isEmpty();

                // the task's counts, as the worker's JMX shows its plugin metrics
                MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
                ObjectName task = new ObjectName("kafka.connect:type=plugins,connector=news-seeds,task=0");
                assertThat(jmx.getAttribute(task, "articles-published-total")).isEqualTo(3.0);
                assertThat(jmx.getAttribute(task, "inputs-rejected-total")).isEqualTo(0.0);
                cluster.connect().deleteConnector("news-seeds");
            }
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

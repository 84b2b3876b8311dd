package io.pactwire.cli;

import io.pactwire.config.ConfigInput;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.model.AgreementRecord;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Versions;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.ArticleText;
import io.pactwire.tagger.Tagger;
import io.pactwire.tagger.Tags;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Replay and retraction on a real broker, step by step over one history: a rules change replayed,
 * a replay repeated, a stale result, a retraction, and a rebuild of news.articles.
 */
@KafkaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayIT {
    private static final Versions V1 = new Versions("dictionary-1", "gazetteer-1", "rules-1");
    private static final Versions V2 = new Versions("dictionary-1", "gazetteer-1", "rules-2");
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** The standard tagger under other version names, as a rules release would carry. */
    private record VersionedTagger(Versions versions) implements Tagger {
        private static final Tagger STANDARD = Tagger.standard();

        @Override
        public Tags tag(ArticleText article) {
            return STANDARD.tag(article);
        }
    }

    private final KafkaTestCluster cluster;
    private Path state;
    private ConfigInput input;
    private EnricherApp enricher;
    private ArticleStore store;
    private Set<String> ids;

    ReplayIT(KafkaTestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    void ingestAndEnrichWithTheFirstRules() throws Exception {
        state = Files.createTempDirectory("replay-it-");
        // two stream threads, whatever the machine's processors: the instance is two members of its group
        input = ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers(), EnrichConfig.STATE_DIR, state.toString(),
                StoreConfig.TRANSACTIONAL_ID, "store-replay-it", EnrichConfig.THREADS, "2"));
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        startEnricher(V1);
        startStore();
        Path lines = state.resolve("articles.jsonl");
        Files.writeString(lines, String.join("\n",
                line("lu-cn", "Luxembourg and China sign a memorandum of understanding", "Luxembourg and China signed a memorandum of understanding on space."),
                line("lu-jp", "Luxembourg and Japan sign a memorandum of cooperation", "Luxembourg and Japan signed a memorandum of cooperation."),
                line("cl-pe", "Chile and Peru sign a trade agreement", "Chile and Peru signed a trade agreement on copper."),
                line("de-fr", "Germany and France form a joint venture", "Germany and France formed a joint venture."),
                line("no-tags", "Weather", "Showers continued throughout the week.")));
        IngestReport report = new IngestService(new IngestConfig(input), Clock.systemUTC()).ingest(List.of(lines));
        ids = report.published().stream().map(IngestReport.Published::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(5);
        awaitArticles(view -> view.keySet().equals(ids) && view.values().stream().allMatch(a -> a.versions().equals(V1)));
    }

    @AfterAll
    void stopServices() throws Exception {
        if (enricher != null) {
            enricher.close();
        }
        stopStore();
        org.apache.kafka.common.utils.Utils.delete(state.toFile());
    }

    private static String line(String id, String title, String body) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"publishedAt\":\"2018-01-16\"}";
    }

    private void startEnricher(Versions versions) throws InterruptedException {
        enricher = new EnricherApp(new EnrichConfig(input), new VersionedTagger(versions));
        enricher.start();
        assertThat(enricher.awaitRunning(WAIT)).isTrue();
    }

    private void stopEnricher() {
        enricher.close();
        enricher = null;
    }

    private void startStore() {
        store = new ArticleStore(new StoreConfig(input));
        store.start();
    }

    private void stopStore() throws InterruptedException {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    private Map<String, EnrichedArticle> awaitArticles(java.util.function.Predicate<Map<String, EnrichedArticle>> done) {
        return RecordReader.latestByKey(articles().readUntil(r -> done.test(RecordReader.latestByKey(r)), WAIT));
    }

    private RecordReader<String, EnrichedArticle> articles() {
        return new RecordReader<>(cluster, Topics.ARTICLES.name(), Topics.ARTICLES.keySerde().deserializer(),
                Topics.ARTICLES.valueSerde().deserializer());
    }

    private RecordReader<String, AgreementRecord> agreements() {
        return new RecordReader<>(cluster, Topics.AGREEMENTS.name(), Topics.AGREEMENTS.keySerde().deserializer(),
                Topics.AGREEMENTS.valueSerde().deserializer());
    }

    private String cli(int expectedExit, String... args) {
        CliRun run = CliRun.run(cluster.bootstrapServers(), args);
        assertThat(run.exit()).as("exit code of " + String.join(" ", args) + "\n" + run).isEqualTo(expectedExit);
        return run.out();
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = cluster.admin()) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(partitions).all().get().forEach((p, info) -> end.put(p, info.offset()));
            return end;
        }
    }

    private boolean enricherCaughtUp() throws Exception {
        Map<TopicPartition, Long> end = endOffsets(Topics.RAW.name());
        try (Admin admin = cluster.admin()) {
            var committed = admin.listConsumerGroupOffsets("pactwire-enrich").partitionsToOffsetAndMetadata().get();
            return end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue());
        }
    }

    @Test
    @Order(1)
    void replayRefusesWhileTheEnricherRuns() {
        String output = cli(1, "replay", "--from", "earliest");
        assertThat(output).doesNotContain("Done");
        assertThatThrownBy(() -> {
            try (Admin admin = cluster.admin()) {
                new Replay(admin).requireInactive("pactwire-enrich", "enrich");
            }
        }).hasMessageContaining("Group pactwire-enrich has 2 active member(s)")
                .hasMessageContaining("stop every enrich instance");
    }

    @Test
    @Order(2)
    void afterARulesChangeAReplayMakesEveryArticleCarryTheNewVersions() throws Exception {
        stopEnricher();
        String dryRun = cli(0, "replay", "--from", "earliest", "--dry-run");
        assertThat(dryRun).contains("group pactwire-enrich: 5 records of news.raw to reprocess").contains("Dry run");
        String output = cli(0, "replay", "--from", "earliest");
        assertThat(output).contains("5 records of news.raw to reprocess").contains("Done");
        startEnricher(V2);

        Map<String, EnrichedArticle> view = awaitArticles(v -> v.values().stream().allMatch(a -> a.versions().equals(V2))
                && v.keySet().equals(ids));
        assertThat(view).hasSize(5).allSatisfy((id, article) -> assertThat(article.versions()).isEqualTo(V2));
        Map<String, AgreementRecord> table = RecordReader.latestByKey(agreements().readUntil(
                r -> RecordReader.latestByKey(r).values().stream().filter(a -> a.versions().equals(V2)).count() == 4, WAIT));
        assertThat(table.values()).extracting(AgreementRecord::articleId).containsExactlyInAnyOrder("lu-cn", "lu-jp", "cl-pe", "de-fr");
    }

    @Test
    @Order(3)
    void replayingTwiceChangesNothing() throws Exception {
        await().atMost(WAIT).until(this::enricherCaughtUp);
        stopEnricher();
        Map<TopicPartition, Long> enrichedBefore = endOffsets(Topics.ENRICHED.name());
        Map<TopicPartition, Long> articlesBefore = endOffsets(Topics.ARTICLES.name());
        cli(0, "replay", "--from", "earliest");
        startEnricher(V2);
        await().atMost(WAIT).until(() -> EnricherMetrics.value(enricher, "skipped-unchanged-total") >= 5 && enricherCaughtUp());
        assertThat(endOffsets(Topics.ENRICHED.name())).isEqualTo(enrichedBefore);
        assertThat(endOffsets(Topics.ARTICLES.name())).isEqualTo(articlesBefore);
    }

    @Test
    @Order(4)
    void aStaleResultIsSkippedAndCounted() throws Exception {
        EnrichedArticle current = awaitArticles(v -> v.containsKey("lu-cn")).get("lu-cn");
        EnrichedArticle stale = new EnrichedArticle(current.id(), current.sourceUri(), current.url(), "an older result",
                current.dateline(), current.publishedAt(), current.language(), current.contentHash(), current.revision(),
                current.countries(), current.agreements(), V1, current.enrichedAt());
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(cluster.clientProperties(),
                Topics.ENRICHED.keySerde().serializer(), Topics.ENRICHED.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), stale.id(), stale)).get();
        }
        await().atMost(WAIT).until(() -> store.counters().skippedStale() >= 1);
        List<ConsumerRecord<String, EnrichedArticle>> all = articles().readToEnd(WAIT);
        assertThat(RecordReader.latestByKey(all).get("lu-cn").versions()).isEqualTo(V2);
        assertThat(all).noneMatch(r -> r.value() != null && "an older result".equals(r.value().title()));
    }

    @Test
    @Order(5)
    void aRetractionRemovesTheArticleAndItsAgreements() {
        assertThat(cli(0, "retract", "lu-jp")).contains("retracted lu-jp");
        Set<String> others = Set.of("lu-cn", "cl-pe", "de-fr", "no-tags");
        Map<String, EnrichedArticle> view = awaitArticles(v -> !v.containsKey("lu-jp") && v.keySet().containsAll(others));
        assertThat(view.keySet()).isEqualTo(others);
        Map<String, AgreementRecord> table = RecordReader.latestByKey(agreements().readUntil(
                r -> RecordReader.latestByKey(r).size() == 3
                        && RecordReader.latestByKey(r).values().stream().noneMatch(a -> a.articleId().equals("lu-jp")), WAIT));
        assertThat(table.values()).extracting(AgreementRecord::articleId).containsExactlyInAnyOrder("lu-cn", "cl-pe", "de-fr");
    }

    @Test
    @Order(6)
    void articlesShowsTheCurrentViewFiltered() {
        String all = cli(0, "articles");
        assertThat(all).contains("4 articles").doesNotContain("lu-jp");
        String china = cli(0, "articles", "--country", "cn", "--json");
        assertThat(china.lines().toList()).singleElement().satisfies(line -> assertThat(line).contains("\"id\":\"lu-cn\""));
        String ventures = cli(0, "articles", "--type", "JOINT_VENTURE");
        assertThat(ventures).contains("de-fr").contains("1 article").doesNotContain("cl-pe");
    }

    @Test
    @Order(7)
    void articlesFollowPrintsNewAndRetractedArticlesAsTheyArrive() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Thread follower = new Thread(() -> new picocli.CommandLine(new ArticlesCommand(out)).execute(
                "--follow", "--json", "--bootstrap-servers", cluster.bootstrapServers()), "articles-follow");
        follower.start();
        try {
            await().atMost(WAIT).until(() -> captured.toString(StandardCharsets.UTF_8).lines().count() >= 4);
            Path more = state.resolve("more.jsonl");
            Files.writeString(more, line("ar-br", "Argentina and Brazil sign a trade agreement", "Argentina and Brazil signed a trade agreement."));
            new IngestService(new IngestConfig(input), Clock.systemUTC()).ingest(List.of(more));
            cli(0, "retract", "no-tags");
            await().atMost(WAIT).until(() -> {
                String text = captured.toString(StandardCharsets.UTF_8);
                return text.contains("\"id\":\"ar-br\"") && text.contains("{\"id\":\"no-tags\",\"retracted\":true}");
            });
        } finally {
            follower.interrupt();
            follower.join(30_000);
        }
        assertThat(follower.isAlive()).isFalse();
    }

    @Test
    @Order(8)
    void rebuildStoreRestoresTheArticlesFromTheResults() throws Exception {
        String refused = cli(1, "replay", "--rebuild-store");
        assertThat(refused).doesNotContain("Done");
        stopStore();
        String output = cli(0, "replay", "--rebuild-store");
        assertThat(output).contains("a tombstone for each of the 4 articles").contains("Done: 4 tombstones written");
        assertThat(RecordReader.latestByKey(articles().readToEnd(WAIT))).isEmpty();
        startStore();
        Map<String, EnrichedArticle> view = awaitArticles(v -> v.keySet().equals(Set.of("lu-cn", "cl-pe", "de-fr", "ar-br")));
        assertThat(view.values()).allSatisfy(a -> assertThat(a.versions()).isEqualTo(V2));
    }
}

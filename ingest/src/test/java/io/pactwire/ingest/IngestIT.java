package io.pactwire.ingest;

import io.pactwire.config.ConfigInput;
import io.pactwire.model.RawArticle;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ingest end to end on a real broker: a folder, a feed and URLs (served by a fixture web server on
 * 127.0.0.1) into {@code news.raw}; ingested again, nothing is republished; a changed page gets its next
 * revision under the same id; and the compacted topic ends with one record per article.
 */
@KafkaTest
class IngestIT {
    private static final Path SAMPLES = Path.of("../samples");
    /** Not an article: appended to roll the active segment so that the cleaner may compact the rest. */
    private static final String MARKER = "compaction-marker";
    private static FixtureServer web;

    @BeforeAll
    static void createTopics(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            // news.raw as its contract makes it (compacted, kept forever), with segments that roll and
            // get cleaned within seconds, so that the test can see compaction happen.
            admin.createTopics(List.of(new NewTopic(Topics.RAW.name(), 1, (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.SEGMENT_MS_CONFIG, "100",
                    TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, "100")))).all().get(30, TimeUnit.SECONDS);
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
        web = new FixtureServer();
    }

    @AfterAll
    static void stopWeb() {
        web.close();
    }

    private static IngestService service(KafkaTestCluster cluster) {
        return new IngestService(new IngestConfig(ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                IngestConfig.ALLOW_PRIVATE_HOSTS, "true"))), Clock.systemUTC());
    }

    private static String page(String title, String story) {
        return "<html lang=\"en\"><head><title>" + title + "</title></head><body><nav><a href=\"/\">Home</a></nav>"
                + "<article><h1>" + title + "</h1><p>" + story + "</p><p>Officials said further agreements would follow"
                + " next year, with partners in Asia and in Europe.</p></article><footer>© Example</footer></body></html>";
    }

    @Test
    void aFolderAFeedAndUrlsArePublishedOnceAndTheCompactedTopicHoldsOneRecordPerArticle(
            KafkaTestCluster cluster, @TempDir Path folder) throws Exception {
        for (String seed : List.of("000_6f954eecf47ae51d.txt", "001_4eb1cc99752fa4f0.txt", "002_4525720b54dbe636.txt")) {
            Files.copy(SAMPLES.resolve(seed), folder.resolve(seed));
        }
        Files.createDirectories(folder.resolve("saved"));
        try (InputStream page = IngestIT.class.getResourceAsStream("pages/press-release.html")) {
            Files.copy(page, folder.resolve("saved/press-release.html"));
        }
        Files.writeString(folder.resolve("saved/empty.md"), "\n\n");
        Files.write(folder.resolve("saved/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        web.page("/news/lu-kr", page("Luxembourg and Korea sign space accord", "Luxembourg and South Korea signed an accord"
                        + " on space resources in Seoul on Monday, the first between the two countries."))
                .page("/news/lu-ae", page("Luxembourg and the UAE cooperate in space", "The United Arab Emirates and"
                        + " Luxembourg agreed to cooperate on the exploration of space resources, officials said."))
                .page("/news/summary-only", page("Portugal joins the space resources initiative", "Portugal became the first"
                        + " partner of Luxembourg's space resources initiative with a letter of intent signed in June."))
                .serve("/feed.rss", 200, "application/rss+xml", ("<?xml version=\"1.0\"?><rss version=\"2.0\""
                        + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Ministry</title>"
                        + "<link>https://gouv.example/</link><description>News</description>"
                        + "<item><title>Ministry signs agreement with Japan</title><link>https://gouv.example/lu-jp</link>"
                        + "<content:encoded><![CDATA[<p>The ministry signed a memorandum of cooperation with Japan on the"
                        + " exploration and use of space resources.</p>]]></content:encoded></item>"
                        + "<item><title>Portugal joins</title><link>" + web.url("/news/summary-only") + "</link>"
                        + "<description>Portugal became the first partner...</description></item>"
                        + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
        IngestService.Sources sources = new IngestService.Sources(
                List.of(folder.toString(), web.url("/feed.rss"), web.url("/news/lu-kr"), web.url("/news/lu-ae"),
                        web.url("/news/missing")), List.of(), null, false, null);

        IngestReport first = service(cluster).run(sources, Progress.NONE);
        assertThat(first.published()).hasSize(8).allMatch(p -> p.revision() == 1);
        assertThat(first.rejected()).containsExactlyInAnyOrder(
                new Input.Rejected(folder.resolve("saved/empty.md").toUri().toString(), "no article text"),
                new Input.Rejected(web.url("/news/missing"), "HTTP 404 (client error)"));
        assertThat(first.skipped()).hasSize(1);
        assertThat(first.inputs()).as("every input accounted for").isEqualTo(11);

        IngestReport again = service(cluster).run(sources, Progress.NONE);
        assertThat(again.published()).as("nothing is republished").isEmpty();
        assertThat(again.unchanged()).extracting(IngestReport.Unchanged::id)
                .containsExactlyInAnyOrderElementsOf(first.published().stream().map(IngestReport.Published::id).toList());
        assertThat(again.summary()).isEqualTo("published 0, unchanged 8, rejected 2 (HTTP 404: 1, no article text: 1), skipped 1");

        web.page("/news/lu-kr", page("Luxembourg and Korea sign space accord", "Luxembourg and South Korea signed an accord"
                + " on space resources in Seoul on Monday, the first between the two countries, and a second one on Tuesday."));
        IngestReport changed = service(cluster).run(IngestService.Sources.once(List.of(web.url("/news/lu-kr"))), Progress.NONE);
        String korea = ArticleIds.forUrl(web.url("/news/lu-kr"));
        assertThat(changed.published()).containsExactly(new IngestReport.Published(korea, web.url("/news/lu-kr"), 2));

        RecordReader<String, RawArticle> reader = new RecordReader<>(cluster, Topics.RAW.name(),
                Topics.RAW.keySerde().deserializer(), Topics.RAW.valueSerde().deserializer());
        List<ConsumerRecord<String, RawArticle>> written = reader.readToEnd(Duration.ofSeconds(30));
        assertThat(written).filteredOn(r -> first.published().stream().anyMatch(p -> p.id().equals(r.key())))
                .hasSize(9) // 8 articles, one of them in two revisions
                .allSatisfy(record -> {
                    assertThat(record.key()).isEqualTo(record.value().id());
                    assertThat(header(record, ArticlePublisher.SCHEMA_HEADER)).isEqualTo("raw-article/1");
                    assertThat(header(record, ArticlePublisher.CONTENT_TYPE_HEADER)).isEqualTo("application/json");
                    assertThat(header(record, ArticlePublisher.SOURCE_HEADER)).isEqualTo(record.value().sourceUri());
                    assertThat(header(record, ArticlePublisher.CONTENT_HASH_HEADER)).isEqualTo(record.value().contentHash());
                    assertThat(header(record, ArticlePublisher.REVISION_HEADER)).isEqualTo(String.valueOf(record.value().revision()));
                });

        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(producerProperties(cluster),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                producer.send(new ProducerRecord<>(Topics.RAW.name(), MARKER,
                        RawArticle.of(MARKER, "", "rolls the active segment"))).get(10, TimeUnit.SECONDS);
                Map<String, Long> perKey = reader.readToEnd(Duration.ofSeconds(30)).stream()
                        .filter(r -> !MARKER.equals(r.key()))
                        .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
                assertThat(perKey).as("records per article key after compaction").allSatisfy((key, count) -> assertThat(count).isOne());
            });
        }
        Map<String, RawArticle> latest = RecordReader.latestByKey(reader.readToEnd(Duration.ofSeconds(30)));
        assertThat(latest.get(korea).revision()).isEqualTo(2);
        assertThat(latest.get(korea).body()).contains("a second one on Tuesday");
        RawArticle release = latest.values().stream().filter(a -> "2018-01-16".equals(a.publishedAt())
                && a.sourceUri().endsWith("000_6f954eecf47ae51d.txt")).findFirst().orElseThrow();
        assertThat(release.dateline()).isEqualTo("Luxembourg, January 16, 2018");
        assertThat(release.title()).startsWith("Luxembourg cooperates with China");
        assertThat(release.body()).doesNotContain("Media contact", "Paul Zenners");
    }

    @Test
    void watchPublishesNewAndChangedFilesAndARestartRepublishesNothing(KafkaTestCluster cluster, @TempDir Path folder)
            throws Exception {
        Files.writeString(folder.resolve("a.txt"), "Watched story one\n\nThe first watched story, about a research laboratory"
                + " that opens in the autumn.");
        List<IngestReport.Published> published = new CopyOnWriteArrayList<>();
        Progress progress = new Progress() {
            @Override
            public void published(IngestReport.Published p) {
                published.add(p);
            }
        };
        IngestService service = service(cluster);
        CompletableFuture<IngestReport> running = CompletableFuture.supplyAsync(() -> service.run(
                new IngestService.Sources(List.of(folder.toString()), List.of(), null, true, Duration.ofMillis(200)), progress));

        await().atMost(Duration.ofSeconds(60)).until(() -> published.size() == 1);
        Files.writeString(folder.resolve("b.txt"), "Watched story two\n\nA second watched story, about a satellite launch"
                + " planned for the spring.");
        await().atMost(Duration.ofSeconds(60)).until(() -> published.size() == 2);
        Files.writeString(folder.resolve("a.txt"), "Watched story one\n\nThe first watched story, about a research laboratory"
                + " that opens in the autumn, now with twenty researchers.");
        await().atMost(Duration.ofSeconds(60)).until(() -> published.size() == 3);
        service.stop();
        IngestReport report = running.get(60, TimeUnit.SECONDS);
        assertThat(report.published()).hasSize(3);
        assertThat(report.rejected()).isEmpty();

        IngestReport restart = service(cluster).run(IngestService.Sources.once(List.of(folder.toString())), Progress.NONE);
        assertThat(restart.published()).as("a restart does not republish what is unchanged").isEmpty();
        assertThat(restart.unchanged()).extracting(IngestReport.Unchanged::source).containsExactly(
                folder.resolve("a.txt").toUri().toString(), folder.resolve("b.txt").toUri().toString());
    }

    @Test
    void jsonLinesOnAStreamArePublishedAndABadLineIsRejected(KafkaTestCluster cluster) {
        String lines = "{\"id\":\"reuters-1\",\"title\":\"BAHIA COCOA REVIEW\",\"body\":\"Showers continued.\"}\n"
                + "{\"id\":\"reuters-2\",\"body\":\"\"}\n";
        IngestReport report = service(cluster).ingestJsonLines(
                new java.io.ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "stdin");
        assertThat(report.published()).extracting(IngestReport.Published::id).containsExactly("reuters-1");
        assertThat(report.rejected()).containsExactly(new Input.Rejected("stdin#line=2", "field 'body': must not be blank"));
    }

    private static Map<String, Object> producerProperties(KafkaTestCluster cluster) {
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put("acks", "all");
        return props;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

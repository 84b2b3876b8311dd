package io.pactwire.ingest;

import io.pactwire.config.ConfigInput;
import io.pactwire.model.RawArticle;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.ManualClock;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Nothing lost or doubled when files change under ingest (issue 16), on a real broker, each test ending
 * with what {@code news.raw} holds: an edited file is the next revision of the same article; a file caught
 * half-written under {@code --watch} is published once, complete, and as soon as it has settled; and an article whose revision would pass
 * {@link RawArticle#MAX_REVISION} is one rejected input while the others are published.
 *
 * <p>{@code news.raw} is read as bytes here: one test writes a record the model refuses to read.
 */
@KafkaTest
class ChangedFilesIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void createTopics(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }

    private static IngestService service(KafkaTestCluster cluster, Duration settle, Clock clock) {
        return new IngestService(new IngestConfig(ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                IngestConfig.WATCH_SETTLE_MS, Long.toString(settle.toMillis())))), clock);
    }

    @Test
    void anEditedWatchedFileWithoutUrlIsTheNextRevisionOfTheSameArticle(KafkaTestCluster cluster, @TempDir Path folder)
            throws Exception {
        Path text = Files.writeString(folder.resolve("release.txt"), "Space agency opens an office\n\nThe agency opens"
                + " an office in Luxembourg to work with companies on space resources.");
        Path page = Files.writeString(folder.resolve("saved.html"), page("Observatory funded", "The observatory received"
                + " funding for a new telescope from the ministry of research."));
        WatchedFolder watching = new WatchedFolder(service(cluster, Duration.ofMillis(300), Clock.systemUTC()), folder);
        await().atMost(WAIT).until(() -> watching.published.size() == 2);

        Files.writeString(text, "Space agency opens an office\n\nThe agency opens an office in Luxembourg to work with"
                + " companies on space resources, with twelve staff from March.");
        Files.writeString(page, page("Observatory funded", "The observatory received funding for a new telescope from"
                + " the ministry of research, and a second one from the European Space Agency."));
        await().atMost(WAIT).until(() -> watching.published.size() == 4);
        IngestReport report = watching.stop();

        assertThat(report.published()).extracting(IngestReport.Published::id, IngestReport.Published::revision)
                .containsExactlyInAnyOrder(
                        tuple(ArticleIds.forFile(text), 1),
                        tuple(ArticleIds.forFile(page), 1),
                        tuple(ArticleIds.forFile(text), 2),
                        tuple(ArticleIds.forFile(page), 2));
        for (Path file : List.of(text, page)) {
            List<ConsumerRecord<String, byte[]>> records = fromSource(readRaw(cluster), file);
            assertThat(records).as("news.raw holds one article for %s, in two revisions", file.getFileName())
                    .extracting(ConsumerRecord::key).containsExactly(ArticleIds.forFile(file), ArticleIds.forFile(file));
            assertThat(records).extracting(r -> article(r).revision()).containsExactly(1, 2);
        }
        assertThat(article(fromSource(readRaw(cluster), text).get(1)).body()).endsWith("with twelve staff from March.");
        assertThat(article(fromSource(readRaw(cluster), page).get(1)).body()).contains("European Space Agency");
    }

    @Test
    void aFileCaughtHalfWrittenUnderWatchIsPublishedOnlyOnceCompleteAtRevisionOne(KafkaTestCluster cluster,
                                                                                 @TempDir Path folder) throws Exception {
        ManualClock clock = new ManualClock(Instant.now());
        Duration settle = Duration.ofSeconds(30);
        WatchedFolder watching = new WatchedFolder(service(cluster, settle, clock), folder);
        watching.awaitPasses(1);

        Path story = folder.resolve("story.txt");
        Files.writeString(story, "Ministry signs space accord\n\nThe ministry signed an accord with Japan on the");
        // a gap of several watch intervals, in which the half-written file is seen again and again
        watching.awaitPasses(watching.passes.get() + 3);
        Files.writeString(story, " exploration of space resources, the first of its kind in Asia.", StandardOpenOption.APPEND);
        watching.awaitPasses(watching.passes.get() + 2); // the complete file has been seen
        assertThat(watching.published).as("nothing is read before it has settled").isEmpty();
        clock.advance(settle);
        await().atMost(WAIT).until(() -> watching.published.size() == 1);
        watching.awaitPasses(watching.passes.get() + 2); // and it is not read again
        IngestReport report = watching.stop();

        assertThat(report.published()).extracting(IngestReport.Published::source, IngestReport.Published::revision)
                .containsExactly(tuple(story.toUri().toString(), 1));
        List<ConsumerRecord<String, byte[]>> records = fromSource(readRaw(cluster), story);
        assertThat(records).as("news.raw holds the story once").hasSize(1);
        RawArticle article = article(records.get(0));
        assertThat(article.revision()).isEqualTo(1);
        assertThat(article.body()).isEqualTo("The ministry signed an accord with Japan on the exploration of space"
                + " resources, the first of its kind in Asia.");
    }

    /** Compose runs {@code --watch --poll PT5M}: a file found settling at start must not wait for the next poll. */
    @Test
    void aFileSettlingAtStartIsReadOnceSettledNotAtTheNextPoll(KafkaTestCluster cluster, @TempDir Path folder) throws Exception {
        Path dropped = Files.writeString(folder.resolve("dropped.txt"), "Inbox story\n\nA story dropped into the inbox"
                + " just before ingest started.");
        // modified "in a minute" (a share's clock ahead): however slow the start, the first pass cannot take it
        // as settled, so it is left to settle
        Files.setLastModifiedTime(dropped, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(60)));
        IngestService service = service(cluster, Duration.ofMillis(500), Clock.systemUTC());
        List<IngestReport.Published> published = new CopyOnWriteArrayList<>();
        CompletableFuture<IngestReport> running = CompletableFuture.supplyAsync(() -> service.run(new IngestService.Sources(
                List.of(folder.toString()), List.of(), null, true, Duration.ofHours(1)), new Progress() {
                    @Override
                    public void published(IngestReport.Published p) {
                        published.add(p);
                    }
                }));
        await().atMost(WAIT).until(() -> published.size() == 1 || running.isDone());
        service.stop();
        assertThat(running.get(WAIT.toSeconds(), TimeUnit.SECONDS).published()).extracting(IngestReport.Published::source)
                .containsExactly(dropped.toUri().toString());
        assertThat(fromSource(readRaw(cluster), dropped)).singleElement()
                .satisfies(r -> assertThat(article(r).body()).isEqualTo("A story dropped into the inbox just before ingest started."));
    }

    @Test
    void anArticleWhoseRevisionInNewsRawIsOverTheLimitIsRejectedAloneAndTheOtherFilesArePublished(
            KafkaTestCluster cluster, @TempDir Path folder) throws Exception {
        // the id is the input's own, so the test is about revisions whatever the ids of files
        String id = "treaty-" + folder.getFileName();
        Path pinned = Files.writeString(folder.resolve("a-pinned.json"), "{\"id\":\"" + id + "\",\"title\":\"Treaty text\","
                + "\"body\":\"The treaty was amended today.\"}");
        Path other = Files.writeString(folder.resolve("b-other.txt"), "Port agreement\n\nThe two ports agreed to share data.");
        Path third = Files.writeString(folder.resolve("c-third.txt"), "Rail link\n\nA rail link between the capitals opens.");
        byte[] rogue = ("{\"id\":\"" + id + "\",\"title\":\"Treaty text\",\"body\":\"The treaty was signed.\","
                + "\"revision\":" + Integer.MAX_VALUE + "}").getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(cluster), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW.name(), id, rogue)).get(30, TimeUnit.SECONDS);
        }

        IngestReport report = service(cluster, Duration.ZERO, Clock.systemUTC())
                .run(IngestService.Sources.once(List.of(folder.toString())), Progress.NONE);

        assertThat(report.published()).extracting(IngestReport.Published::source, IngestReport.Published::revision)
                .containsExactlyInAnyOrder(
                        tuple(other.toUri().toString(), 1),
                        tuple(third.toUri().toString(), 1));
        assertThat(report.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.source()).isEqualTo(pinned.toUri().toString());
            assertThat(rejected.reason()).startsWith("revision limit reached: news.raw holds revision 2147483647 at news.raw-")
                    .contains(id, "retract");
        });
        assertThat(report.allPublished()).as("the run exits 1").isFalse();
        assertThat(report.summary()).isEqualTo("published 2, unchanged 0, rejected 1 (revision limit reached: 1), skipped 0");

        List<ConsumerRecord<String, byte[]>> raw = readRaw(cluster);
        assertThat(raw).filteredOn(r -> id.equals(r.key())).as("only the record written outside ingest")
                .singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(rogue));
        for (Path file : List.of(other, third)) {
            assertThat(fromSource(raw, file)).singleElement().satisfies(r -> assertThat(article(r).revision()).isEqualTo(1));
        }
    }

    @Test
    void anArticleAtTheRevisionLimitIsRejectedWhenItChangesAgain(KafkaTestCluster cluster, @TempDir Path folder)
            throws Exception {
        String id = "budget-" + folder.getFileName();
        Path file = Files.writeString(folder.resolve("often-edited.json"), "{\"id\":\"" + id + "\",\"title\":\"Budget\","
                + "\"body\":\"The budget was revised once more.\"}");
        RawArticle atTheLimit = RawArticle.of(id, "Budget", "The budget was revised.").withRevision(RawArticle.MAX_REVISION);
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(producerProperties(cluster),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW.name(), id, atTheLimit)).get(30, TimeUnit.SECONDS);
        }

        IngestReport report = service(cluster, Duration.ZERO, Clock.systemUTC())
                .run(IngestService.Sources.once(List.of(file.toString())), Progress.NONE);

        assertThat(report.published()).isEmpty();
        assertThat(report.rejected()).containsExactly(new Input.Rejected(file.toUri().toString(), "revision limit reached:"
                + " article " + id + " is at revision 1000000, the most RawArticle.MAX_REVISION allows; retract the article"
                + " to publish it again"));
        assertThat(readRaw(cluster)).filteredOn(r -> id.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(article(r)).isEqualTo(atTheLimit));
    }

    private static String page(String title, String story) {
        return "<html lang=\"en\"><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + story
                + "</p><p>Officials said further steps would follow next year.</p></article></body></html>";
    }

    private static List<ConsumerRecord<String, byte[]>> readRaw(KafkaTestCluster cluster) {
        return new RecordReader<>(cluster, Topics.RAW.name(), new StringDeserializer(), new ByteArrayDeserializer())
                .readToEnd(Duration.ofSeconds(30));
    }

    /** The records of news.raw read from {@code file}, in order. */
    private static List<ConsumerRecord<String, byte[]>> fromSource(List<ConsumerRecord<String, byte[]>> records, Path file) {
        String source = file.toUri().toString();
        return records.stream().filter(r -> r.value() != null && header(r, ArticlePublisher.SOURCE_HEADER).equals(source)).toList();
    }

    private static RawArticle article(ConsumerRecord<String, byte[]> record) {
        return Topics.RAW.valueSerde().deserializer().deserialize(record.topic(), record.value());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> producerProperties(KafkaTestCluster cluster) {
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put("acks", "all");
        return props;
    }

}

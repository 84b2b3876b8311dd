package io.pactwire.connect;

import io.pactwire.ingest.ArticleIds;
import io.pactwire.ingest.ArticlePublisher;
import io.pactwire.model.RawArticle;
import io.pactwire.testing.RecordReader;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector on a real Connect cluster in the JVM (two distributed workers, exactly-once source support), reading
 * RSS feeds served on 127.0.0.1.
 */
class NewsSourceConnectorIT {
    private static final int FEEDS = 8;
    private static final int ITEMS = 5;
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static ConnectCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new ConnectCluster("news-connect-it", 2);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * Four tasks on two workers read eight feeds; one worker stops while they poll, items are edited and added; news.raw
     * then holds every article once per revision, with ingest's key, value and headers, and the input that is a 404
     * is a dead letter with its reason.
     */
    @Test
    void everyFeedArticleIsInNewsRawOncePerRevisionThroughAWorkerStoppedMidRun() throws Exception {
        try (FeedServer feeds = new FeedServer(FEEDS, ITEMS)) {
            List<String> inputs = new ArrayList<>(feeds.feedUrls());
            String missing = feeds.base() + "/feeds/missing.xml";
            inputs.add(missing);
            Map<String, String> config = connectorConfig(String.join(",", inputs), 4);
            config.put("errors.tolerance", "all");
            config.put("errors.log.enable", "true");
            config.put(NewsSourceConfig.DEAD_LETTER_TOPIC, Topics.DEAD_LETTERS.name());
            cluster.connect().configureConnector("news-feeds", config);
            cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning("news-feeds", 4, "tasks did not start");

            Map<String, Integer> expected = new HashMap<>();
            for (int feed = 0; feed < FEEDS; feed++) {
                for (int item = 0; item < ITEMS; item++) {
                    expected.put(ArticleIds.forUrl(feeds.itemUrl(feed, item)), 1);
                }
            }
            readRaw(records -> revisions(records).keySet().containsAll(pairs(expected)));

            // a worker leaves while the tasks poll; its tasks move to the other one
            cluster.connect().removeWorker();
            cluster.connect().assertions().assertExactlyNumWorkersAreUp(1, "a worker did not stop");
            feeds.edit(0, 1, "second");
            feeds.edit(5, 3, "second");
            expected.put(ArticleIds.forUrl(feeds.itemUrl(0, 1)), 2);
            expected.put(ArticleIds.forUrl(feeds.itemUrl(5, 3)), 2);
            int added = feeds.add(2);
            expected.put(ArticleIds.forUrl(feeds.itemUrl(2, added)), 1);
            cluster.connect().assertions().assertConnectorAndExactlyNumTasksAreRunning("news-feeds", 4,
                    "tasks did not move to the worker left");
            readRaw(records -> revisions(records).keySet().containsAll(pairs(expected)));

            // one more item in every feed: once each is in, every feed was read again after the edits above
            for (int feed = 0; feed < FEEDS; feed++) {
                expected.put(ArticleIds.forUrl(feeds.itemUrl(feed, feeds.add(feed))), 1);
            }
            List<ConsumerRecord<String, byte[]>> records = readRaw(r -> revisions(r).keySet().containsAll(pairs(expected)));

            Map<String, Long> copies = revisions(records);
            Set<String> everyRevision = new java.util.HashSet<>();
            expected.forEach((id, last) -> {
                for (int revision = 1; revision <= last; revision++) {
                    everyRevision.add(id + "@" + revision);
                }
            });
            assertThat(copies.keySet()).as("article revisions in news.raw").isEqualTo(everyRevision);
            assertThat(copies).as("records per article revision").allSatisfy((revision, n) -> assertThat(n).isOne());
            for (ConsumerRecord<String, byte[]> record : records) {
                assertWrittenAsIngestWrites(record);
            }

            List<ConsumerRecord<String, byte[]>> dead = new RecordReader<>(cluster.kafka(), Topics.DEAD_LETTERS.name(),
                    new StringDeserializer(), new ByteArrayDeserializer()).readUntil(r -> !r.isEmpty(), WAIT);
            assertThat(dead).allSatisfy(letter -> {
                assertThat(letter.key()).isEqualTo(missing);
                assertThat(letter.value()).isNull();
                assertThat(header(letter, DeadLetterRecords.EXCEPTION_MESSAGE)).isEqualTo("HTTP 404 (client error)");
                assertThat(header(letter, DeadLetterRecords.CONNECTOR_NAME)).isEqualTo("news-feeds");
                assertThat(header(letter, DeadLetterRecords.TOPIC)).isEqualTo(Topics.RAW.name());
                assertThat(header(letter, DeadLetterRecords.STAGE)).isEqualTo("TASK_POLL");
            });
            cluster.connect().deleteConnector("news-feeds");
        } finally {
            if (cluster.connect().workers().size() < 2) {
                cluster.connect().addWorker();
            }
        }
    }

    /** Loopback is private: refused unless allowed, and errors.tolerance=none makes the rejection fail the task. */
    @Test
    void aFeedOnLoopbackIsRefusedUnlessPrivateHostsAreAllowedAndFailsTheTask() throws Exception {
        try (FeedServer feeds = new FeedServer(1, 1)) {
            Map<String, String> config = connectorConfig(feeds.feedUrl(0), 1);
            config.remove(NewsSourceConfig.ALLOW_PRIVATE_HOSTS);
            cluster.connect().configureConnector("news-private", config);
            cluster.connect().assertions().assertConnectorIsRunningAndTasksHaveFailed("news-private", 1,
                    "the task did not fail on the refused input");

            String trace = cluster.connect().connectorStatus("news-private").tasks().get(0).trace();
            assertThat(trace).contains("Input rejected: " + feeds.feedUrl(0) + ": ")
                    .contains("loopback").contains("errors.tolerance=none stops the task");
            cluster.connect().deleteConnector("news-private");
        }
    }

    /** The validate endpoint reports every problem at once, each on its setting. */
    @Test
    void validateReportsEveryProblemAtOnce() {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", NewsSourceConnector.class.getName());
        config.put("name", "news-invalid");
        config.put(NewsSourceConfig.INPUTS, "/no/such/folder,ftp://example.org/feed.xml");
        config.put(NewsSourceConfig.POLL_INTERVAL_MS, "0");
        config.put(NewsSourceConfig.DATE_ORDER, "YMD");

        ConfigInfos infos = cluster.connect().validateConnectorConfig(NewsSourceConnector.class.getSimpleName(), config);

        Map<String, List<String>> errors = infos.configs().stream().map(ConfigInfo::configValue)
                .filter(v -> !v.errors().isEmpty())
                .collect(Collectors.toMap(v -> v.name(), v -> v.errors()));
        assertThat(errors).containsOnlyKeys(NewsSourceConfig.INPUTS, NewsSourceConfig.POLL_INTERVAL_MS, NewsSourceConfig.DATE_ORDER);
        assertThat(errors.get(NewsSourceConfig.INPUTS)).containsExactly("/no/such/folder: no such file or folder on this worker",
                "ftp://example.org/feed.xml: unsupported scheme ftp:; only http and https URLs are fetched");
        assertThat(infos.errorCount()).isEqualTo(4);
    }

    static Map<String, String> connectorConfig(String inputs, int tasks) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", NewsSourceConnector.class.getName());
        config.put("tasks.max", Integer.toString(tasks));
        config.put(NewsSourceConfig.INPUTS, inputs);
        config.put(NewsSourceConfig.POLL_INTERVAL_MS, "500");
        config.put(NewsSourceConfig.ALLOW_PRIVATE_HOSTS, "true");
        return config;
    }

    private static List<ConsumerRecord<String, byte[]>> readRaw(Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        return new RecordReader<>(cluster.kafka(), Topics.RAW.name(), new StringDeserializer(), new ByteArrayDeserializer())
                .readUntil(done, WAIT);
    }

    /** "id@revision" of every record, counted. */
    private static Map<String, Long> revisions(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(
                r -> r.key() + "@" + Topics.RAW.valueSerde().deserializer().deserialize(r.topic(), r.value()).revision(),
                Collectors.counting()));
    }

    private static Set<String> pairs(Map<String, Integer> latest) {
        return latest.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue()).collect(Collectors.toSet());
    }

    /** Key, value and headers as ingest's publisher writes them for the same article. */
    private static void assertWrittenAsIngestWrites(ConsumerRecord<String, byte[]> record) {
        RawArticle article = Topics.RAW.valueSerde().deserializer().deserialize(record.topic(), record.value());
        assertThat(record.key()).isEqualTo(article.id());
        assertThat(record.value()).isEqualTo(Topics.RAW.valueSerde().serializer().serialize(record.topic(), article));
        String source = header(record, ArticlePublisher.SOURCE_HEADER);
        assertThat(source).isEqualTo(article.sourceUri());
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (Header header : ArticlePublisher.headers(source, article)) {
            expected.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        for (Header header : record.headers()) {
            actual.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

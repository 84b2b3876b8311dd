package io.pactwire.ingest;

import io.pactwire.config.ConfigInput;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile files in a watched folder (issue 17), on a real broker, each test ending with what
 * {@code news.raw} holds: a page nested thousands deep is one rejected input and the watch goes on to
 * publish the files after it; a symbolic link out of the folder is refused, and what it points at (a
 * client properties file with a password) never reaches the topic.
 */
@KafkaTest
class HostileFilesIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "s3cret-" + java.util.UUID.randomUUID();

    @BeforeAll
    static void createTopics(KafkaTestCluster cluster) throws Exception {
        try (Admin admin = cluster.admin()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }

    @Test
    void aDeeplyNestedPageIsRejectedAndTheWatchGoesOnPublishingTheFilesAfterIt(KafkaTestCluster cluster, @TempDir Path folder)
            throws Exception {
        Path nested = Files.writeString(folder.resolve("a-nested.html"),
                "<html><body>" + "<div>".repeat(5_000) + "</div>".repeat(5_000) + "</body></html>");
        Path good = Files.writeString(folder.resolve("b-good.txt"), story("Port agreement", "The two ports agreed to share data."));
        WatchedFolder watching = new WatchedFolder(service(cluster), folder);
        await().atMost(WAIT).until(() -> watching.published.size() == 1 && watching.rejected.size() == 1
                || watching.running.isDone());
        assertThat(watching.running).as("the watch runs on").isNotDone();

        Path later = Files.writeString(folder.resolve("c-later.txt"), story("Rail link", "A rail link between the capitals opens."));
        await().atMost(WAIT).until(() -> watching.published.size() == 2 || watching.running.isDone());
        IngestReport report = watching.stop();

        assertThat(report.published()).extracting(IngestReport.Published::source)
                .containsExactlyInAnyOrder(good.toUri().toString(), later.toUri().toString());
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(nested.toUri().toString());
            assertThat(r.reason()).isEqualTo("no article text");
        });
        List<String> sources = sources(readRaw(cluster));
        assertThat(sources).contains(good.toUri().toString(), later.toUri().toString())
                .doesNotContain(nested.toUri().toString());
    }

    @Test
    void aLinkOutOfTheWatchedFolderIsRefusedAndTheSecretItLeadsToNeverReachesNewsRaw(KafkaTestCluster cluster,
                                                                                    @TempDir Path tmp) throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Path properties = Files.writeString(etc.resolve("client.properties"), "sasl.jaas.config=org.apache.kafka.common"
                + ".security.scram.ScramLoginModule required username=\"pactwire-ingest\" password=\"" + SECRET + "\";\n");
        Files.setPosixFilePermissions(properties, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        WatchedFolder watching = new WatchedFolder(service(cluster), inbox);
        Path good = Files.writeString(inbox.resolve("a-good.txt"), story("Port agreement", "The two ports agreed to share data."));
        Path link = Files.createSymbolicLink(inbox.resolve("b-notes.txt"), properties);
        await().atMost(WAIT).until(() -> watching.published.size() == 1 && watching.rejected.size() == 1
                || watching.running.isDone());
        IngestReport report = watching.stop();

        assertThat(report.published()).extracting(IngestReport.Published::source).containsExactly(good.toUri().toString());
        assertThat(report.rejected()).containsExactly(new Input.Rejected(link.toUri().toString(),
                "link leads out of the folder: " + properties.toRealPath()));
        List<ConsumerRecord<String, byte[]>> raw = readRaw(cluster);
        assertThat(sources(raw)).contains(good.toUri().toString()).doesNotContain(link.toUri().toString());
        assertThat(raw).as("no record of news.raw holds the password")
                .noneMatch(r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).contains(SECRET));
    }

    private static String story(String title, String text) {
        return title + "\n\n" + text;
    }

    private static IngestService service(KafkaTestCluster cluster) {
        return new IngestService(new IngestConfig(ConfigInput.of(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                IngestConfig.WATCH_SETTLE_MS, "0"))), Clock.systemUTC());
    }

    private static List<ConsumerRecord<String, byte[]>> readRaw(KafkaTestCluster cluster) {
        return new RecordReader<>(cluster, Topics.RAW.name(), new StringDeserializer(), new ByteArrayDeserializer())
                .readToEnd(Duration.ofSeconds(30));
    }

    private static List<String> sources(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> r.headers().lastHeader(ArticlePublisher.SOURCE_HEADER))
                .filter(h -> h != null).map(h -> new String(h.value(), StandardCharsets.UTF_8)).toList();
    }
}

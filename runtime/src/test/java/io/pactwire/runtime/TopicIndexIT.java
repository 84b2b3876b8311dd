package io.pactwire.runtime;

import io.pactwire.testkit.KafkaClusters;
import io.pactwire.testkit.KafkaTest;
import io.pactwire.testkit.KafkaTestCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The index on a real broker: what a restart reads, a crash, a topic created again, transactional writes. */
@KafkaTest
class TopicIndexIT {
    /** Keeps each key's latest value; a tombstone drops the key. */
    private static final TopicIndex.Codec LATEST = (record, current) -> record.value();

    @TempDir
    Path stateDir;

    @Test
    void aRestartReadsNothingAfterACleanCloseAndOnlyWhatAnotherProducerWroteSince(KafkaTestCluster cluster) throws Exception {
        String topic = create(cluster, "index-restart");
        write(cluster, topic, 0, 200, "v1", false);
        try (TopicIndex index = open(cluster, topic)) {
            assertThat(index.catchUpAll()).isEqualTo(200);
            assertThat(index.size()).isEqualTo(200);
            assertThat(index.staged()).as("no key held on the heap: all of them are in the index's files").isZero();
        }
        try (TopicIndex index = open(cluster, topic)) {
            assertThat(index.catchUpAll()).as("restart after 200 records").isZero();
            assertThat(index.size()).isEqualTo(200);
        }
        write(cluster, topic, 150, 180, "v2", false); // 30 more by another producer: 30 changed
        tombstones(cluster, topic, 0, 10);
        try (TopicIndex index = open(cluster, topic)) {
            assertThat(index.catchUpAll()).as("restart after 40 more").isEqualTo(40);
            assertThat(index.size()).isEqualTo(190);
            assertThat(value(index, "k0")).isNull();
            assertThat(value(index, "k10")).isEqualTo("v1");
            assertThat(value(index, "k170")).isEqualTo("v2");
        }
    }

    @Test
    void aCrashLeavesTheCheckpointOfTheLastReadAndTheNextStartReplaysTheLogOverOwnWrites(KafkaTestCluster cluster)
            throws Exception {
        String topic = create(cluster, "index-crash");
        write(cluster, topic, 0, 50, "v1", false);
        TopicIndex crashed = open(cluster, topic);
        crashed.catchUpAll();
        write(cluster, topic, 0, 5, "v2", false); // acknowledged writes of this run
        crashed.applyAcknowledged(Map.of(bytes("k0"), bytes("v2"), bytes("k1"), bytes("v2")));
        crashed.stage(bytes("k2"), bytes("in flight"));
        crashed.release(); // no clean close

        try (TopicIndex index = open(cluster, topic)) {
            assertThat(index.catchUpAll()).as("from the checkpoint of the last read").isEqualTo(5);
            assertThat(value(index, "k2")).as("the log's, not the write in flight").isEqualTo("v2");
            assertThat(value(index, "k49")).isEqualTo("v1");
            assertThat(index.size()).isEqualTo(50);
        }
    }

    @Test
    void aTopicCreatedAgainUnderTheSameStateFolderIsIndexedFromItsBeginning(KafkaTestCluster cluster) throws Exception {
        String topic = create(cluster, "index-recreated");
        write(cluster, topic, 0, 20, "old", false);
        Path old;
        try (TopicIndex index = open(cluster, topic)) {
            index.catchUpAll();
            old = index.folder();
        }
        try (Admin admin = cluster.admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> !admin.listTopics().names().get().contains(topic));
        }
        create(cluster, topic);
        write(cluster, topic, 100, 103, "new", false);

        try (TopicIndex index = open(cluster, topic)) {
            assertThat(index.catchUpAll()).isEqualTo(3);
            assertThat(index.size()).isEqualTo(3);
            assertThat(value(index, "k0")).isNull();
            assertThat(value(index, "k101")).isEqualTo("new");
            assertThat(index.folder()).isNotEqualTo(old);
        }
        assertThat(Files.exists(old)).as("the old incarnation's folder is dropped").isFalse();
    }

    @Test
    void anotherClusterUnderTheSameStateFolderGetsAnIndexOfItsOwnTopic(KafkaTestCluster cluster) throws Exception {
        String topic = create(cluster, "index-clusters");
        write(cluster, topic, 0, 10, "first", false);
        try (TopicIndex index = open(cluster, topic)) {
            index.catchUpAll();
        }
        try (KafkaTestCluster other = KafkaClusters.startEmbedded()) {
            create(other, topic);
            write(other, topic, 5, 8, "second", false);
            try (TopicIndex index = open(other, topic)) {
                assertThat(index.catchUpAll()).as("built from the other cluster's topic").isEqualTo(3);
                assertThat(index.size()).isEqualTo(3);
                assertThat(value(index, "k0")).isNull();
                assertThat(value(index, "k6")).isEqualTo("second");
            }
        }
        try (TopicIndex index = open(cluster, topic)) {
            assertThat(index.catchUpAll()).as("the first cluster's index is still its own").isZero();
            assertThat(index.size()).isEqualTo(10);
            assertThat(value(index, "k6")).isEqualTo("first");
        }
    }

    @Test
    void transactionalWritesAreReadToTheLastStableOffsetPastTheirCommitMarkers(KafkaTestCluster cluster) throws Exception {
        String topic = create(cluster, "index-transactions");
        write(cluster, topic, 0, 30, "v1", true);
        try (TopicIndex index = open(cluster, topic)) {
            assertThat(index.catchUpAll()).isEqualTo(30);
        }
        try (TopicIndex index = open(cluster, topic)) {
            assertThat(index.catchUpAll()).as("the commit markers are behind the checkpoint too").isZero();
            assertThat(index.size()).isEqualTo(30);
        }
    }

    private TopicIndex open(KafkaTestCluster cluster, String topic) {
        return TopicIndex.open(new TopicIndex.Settings(stateDir, "test.state.dir", Duration.ofSeconds(60), "test.timeout.ms"),
                topic, cluster.clientProperties(), cluster.clientProperties(), LATEST);
    }

    private static String create(KafkaTestCluster cluster, String topic) throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    private static void write(KafkaTestCluster cluster, String topic, int from, int to, String value, boolean transactional) {
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        if (transactional) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "index-it-" + topic);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            if (transactional) {
                producer.initTransactions();
                producer.beginTransaction();
            }
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, value));
            }
            if (transactional) {
                producer.commitTransaction();
            }
        }
    }

    private static void tombstones(KafkaTestCluster cluster, String topic, int from, int to) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(cluster.clientProperties(), new StringSerializer(),
                new StringSerializer())) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, null));
            }
        }
    }

    private static String value(TopicIndex index, String key) {
        return index.get(bytes(key)).map(v -> new String(v, StandardCharsets.UTF_8)).orElse(null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

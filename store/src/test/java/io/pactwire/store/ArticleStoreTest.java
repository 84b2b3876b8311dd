package io.pactwire.store;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.model.Versions;
import io.pactwire.topics.DeadLetterHeaders;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The store's poll loop against mock clients: what goes into each transaction. */
class ArticleStoreTest {
    private static final TopicPartition PARTITION = new TopicPartition(Topics.ENRICHED.name(), 0);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final Map<String, StoredResult> alreadyStored = new java.util.HashMap<>();
    /** What news.articles holds, as the store's index would tell it. */
    private final ArticleStore store = new ArticleStore(consumer, producer, new StoredResults() {
        @Override
        public long assigned(java.util.Collection<TopicPartition> enrichedPartitions, int enrichedCount) {
            return 0;
        }

        @Override
        public java.util.Optional<StoredResult> get(String id) {
            return java.util.Optional.ofNullable(alreadyStored.get(id));
        }

        @Override
        public void committed(Map<String, java.util.Optional<StoredResult>> changes) {
            changes.forEach((id, result) -> {
                if (result.isPresent()) {
                    alreadyStored.put(id, result.get());
                } else {
                    alreadyStored.remove(id);
                }
            });
        }

        @Override
        public void close() {
        }

        @Override
        public void release() {
        }
    });
    @AfterEach
    void stop() {
        store.close();
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static final Versions VERSIONS = new Versions("t-1", "g-1", "r-1");

    private static EnrichedArticle article(String id, int revision, Versions versions) {
        RawArticle raw = new RawArticle(id, null, null, "Title " + id, "Body of " + id + " rev " + revision, null, null,
                null, null, revision, null);
        return EnrichedArticle.of(raw, List.of(), List.of(), versions, Instant.parse("2026-11-21T08:00:00Z"));
    }

    private static byte[] result(String id) {
        return result(article(id, 1, VERSIONS));
    }

    private static byte[] result(EnrichedArticle article) {
        return Serdes.ENRICHED_ARTICLE.serialize(Topics.ENRICHED.name(), article);
    }

    private void deliver(List<byte[][]> keyValues) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            long offset = 0;
            for (byte[][] kv : keyValues) {
                consumer.addRecord(new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset++, kv[0], kv[1]));
            }
        });
        store.start();
    }

    @Test
    void storesResultsAndDeadLettersAndCommitsOffsetsInOneTransaction() {
        deliver(List.of(
                new byte[][] {bytes("a1"), result("a1")},
                new byte[][] {bytes("a2"), bytes("{\"id\":\"a2\"")},
                new byte[][] {bytes("a3"), result("other")},
                new byte[][] {null, result("a4")},
                new byte[][] {bytes("a5"), null},
                new byte[][] {bytes("a6"), result("a6")}));

        await().atMost(Duration.ofSeconds(10)).until(producer::transactionCommitted);

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent.stream().filter(r -> r.topic().equals(Topics.ARTICLES.name())).map(r -> new String(r.key(), StandardCharsets.UTF_8)))
                .containsExactly("a1", "a5", "a6");
        assertThat(sent.stream().filter(r -> r.topic().equals(Topics.ARTICLES.name()) && r.value() == null)).hasSize(1);
        List<ProducerRecord<byte[], byte[]>> letters = sent.stream().filter(r -> r.topic().equals(Topics.DEAD_LETTERS.name())).toList();
        assertThat(letters).extracting(r -> DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.MESSAGE))
                .satisfiesExactly(
                        m -> assertThat(m).contains("not valid JSON"),
                        m -> assertThat(m).isEqualTo("key 'a3' does not match the value's id 'other'"),
                        m -> assertThat(m).isEqualTo("record has no key (the article id)"));
        assertThat(letters.get(0).value()).isEqualTo(bytes("{\"id\":\"a2\""));
        assertThat(letters).allSatisfy(r -> {
            assertThat(DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.TOPIC)).isEqualTo("news.enriched");
            assertThat(DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.PARTITION)).isEqualTo("0");
        });
        assertThat(DeadLetterHeaders.text(letters.get(1).headers(), DeadLetterHeaders.OFFSET)).isEqualTo("2");
        assertThat(producer.consumerGroupOffsetsHistory()).last()
                .satisfies(byGroup -> assertThat(byGroup.values()).singleElement()
                        .isEqualTo(Map.of(PARTITION, new OffsetAndMetadata(6))));
        assertThat(store.counters().stored()).isEqualTo(2);
        assertThat(store.counters().retracted()).isEqualTo(1);
        assertThat(store.counters().deadLetters()).isEqualTo(3);
    }

    @Test
    void neverOverwritesANewerResultAndCountsWhatItSkips() {
        alreadyStored.put("a1", StoredResult.of(article("a1", 2, VERSIONS)));
        Versions newer = new Versions("t-1", "g-1", "r-2");
        deliver(List.of(
                new byte[][] {bytes("a1"), result(article("a1", 1, newer))},
                new byte[][] {bytes("a1"), result(article("a1", 2, VERSIONS))},
                new byte[][] {bytes("a1"), result(article("a1", 2, newer))},
                new byte[][] {bytes("a1"), result(article("a1", 2, VERSIONS))}));

        await().atMost(Duration.ofSeconds(10)).until(() -> store.counters().stored() + store.counters().skippedStale()
                + store.counters().skippedDuplicate() == 4);
        List<ProducerRecord<byte[], byte[]>> sent = producer.history().stream()
                .filter(r -> r.topic().equals(Topics.ARTICLES.name())).toList();
        assertThat(sent).singleElement().satisfies(r -> assertThat(Serdes.ENRICHED_ARTICLE.deserialize("t", r.value()).versions())
                .isEqualTo(newer));
        assertThat(store.counters().stored()).isEqualTo(1);
        assertThat(store.counters().skippedStale()).as("revision 1 after 2; old versions after new").isEqualTo(2);
        assertThat(store.counters().skippedDuplicate()).isEqualTo(1);
    }

    @Test
    void anAbortedTransactionRewindsToTheCommittedOffsets() {
        producer.commitTransactionException = new KafkaException("broker went away");
        deliver(List.<byte[][]>of(new byte[][] {bytes("a1"), result("a1")}, new byte[][] {bytes("a2"), result("a2")}));

        await().atMost(Duration.ofSeconds(10)).until(producer::transactionAborted);
        assertThat(producer.transactionCommitted()).isFalse();
        assertThat(store.storedCount()).as("nothing counts as stored until its transaction commits").isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> position() == 0L);
    }

    private synchronized long position() {
        try {
            return consumer.position(PARTITION);
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    @Test
    void aStoreClosedBeforeItStartedClosesItsClientsAtOnceAndSaysItStopped() throws InterruptedException {
        assertThat(store.close(Duration.ofSeconds(10))).isTrue();

        assertThat(producer.closed()).isTrue();
        assertThat(consumer.closed()).isTrue();
        assertThat(store.awaitStopped()).isEmpty();
        assertThat(store.health().isAlive()).isFalse();
        assertThatThrownBy(store::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aStoreStartsOnce() {
        deliver(List.<byte[][]>of(new byte[][] {bytes("a1"), result("a1")}));

        assertThatThrownBy(store::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("started already");
        await().atMost(Duration.ofSeconds(10)).until(producer::transactionCommitted);
    }
}

package io.pactwire.cli;

import io.pactwire.runtime.TopicReader;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Empties {@code news.articles} without deleting it, for {@code replay --rebuild-store}: a tombstone for every
 * article it holds. The topic keeps its id, partitions and configs, and never disappears: a client that
 * auto-creates topics (Kafka's default) cannot recreate it with the broker's defaults in a gap, and its
 * consumers keep their offsets and simply see the retractions, then the rebuilt results.
 */
final class ArticleTombstones {
    private ArticleTombstones() {
    }

    /** The ids news.articles holds an article for now: read to its end, {@code read_committed}, outside any group. */
    static Set<String> currentIds(Map<String, Object> readerProperties, String topic, Duration timeout) {
        Set<String> ids = new TreeSet<>();
        try (TopicReader reader = TopicReader.open(readerProperties, "the replay command's " + timeout.toSeconds() + " s")) {
            reader.readFromBeginning(reader.partitions(topic, timeout), timeout, record -> {
                if (record.key() == null) {
                    return; // no article: nothing a tombstone could retract
                }
                String id = new String(record.key(), StandardCharsets.UTF_8);
                if (record.value() == null) {
                    ids.remove(id);
                } else {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    /**
     * Writes a tombstone for each id and waits until every one is acknowledged by all in-sync replicas.
     *
     * @throws KafkaException naming how many were not written, when any send failed
     */
    static void write(Map<String, Object> producerProperties, String topic, Collection<String> ids) throws InterruptedException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties,
                Topics.ARTICLES.keySerde().serializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(ids.size());
            for (String id : ids) {
                sent.add(producer.send(new ProducerRecord<>(topic, id, null)));
            }
            int failed = 0;
            Throwable first = null;
            for (Future<RecordMetadata> send : sent) {
                try {
                    send.get();
                } catch (ExecutionException e) {
                    failed++;
                    first = first == null ? e.getCause() : first;
                }
            }
            if (failed > 0) {
                throw new KafkaException(failed + " of " + ids.size() + " tombstones were not written to "
                        + topic + " (" + first.getMessage() + "); run the rebuild again", first);
            }
        }
    }
}

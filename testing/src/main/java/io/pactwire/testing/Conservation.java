package io.pactwire.testing;

import io.pactwire.testkit.KafkaTestCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pipeline's conservation law, checked on the topics as a downstream consumer sees them
 * ({@code read_committed}): every article id on {@code news.raw} ends up in {@code news.articles} or in
 * {@code news.dlq}, and nothing else is in either. Count in = count out + count dead-lettered. Every
 * fault test ends with it.
 */
public final class Conservation {
    public static final String RAW = "news.raw";
    public static final String ARTICLES = "news.articles";
    public static final String DEAD_LETTERS = "news.dlq";

    private final KafkaTestCluster cluster;

    private Conservation(KafkaTestCluster cluster) {
        this.cluster = cluster;
    }

    public static Conservation of(KafkaTestCluster cluster) {
        return new Conservation(cluster);
    }

    /** The ids found on each topic at one moment. */
    public record Snapshot(Set<String> raw, Set<String> articles, Set<String> deadLettered) {
        /** Raw ids neither stored nor dead-lettered (yet). */
        public Set<String> missing() {
            Set<String> missing = new TreeSet<>(raw);
            missing.removeAll(articles);
            missing.removeAll(deadLettered);
            return missing;
        }

        /** Ids in news.articles or news.dlq that news.raw never held. */
        public Set<String> unexpected() {
            Set<String> unexpected = new TreeSet<>(articles);
            unexpected.addAll(deadLettered);
            unexpected.removeAll(raw);
            return unexpected;
        }

        public boolean conserved() {
            return missing().isEmpty() && unexpected().isEmpty();
        }

        @Override
        public String toString() {
            return raw.size() + " raw, " + articles.size() + " stored, " + deadLettered.size() + " dead-lettered; missing "
                    + abbreviated(missing()) + ", unexpected " + abbreviated(unexpected());
        }
    }

    /** What the topics hold now (everything committed up to their last stable offsets). */
    public Snapshot snapshot(Duration timeout) {
        return new Snapshot(keys(RAW, false, timeout), keys(ARTICLES, false, timeout), keys(DEAD_LETTERS, true, timeout));
    }

    /**
     * Waits until every raw id is stored or dead-lettered, then checks that nothing else is there.
     *
     * @return the final snapshot, for further assertions
     * @throws AssertionError naming the missing or unexpected ids when the law does not hold within {@code timeout}
     */
    public Snapshot await(Duration timeout) {
        AtomicReference<Snapshot> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .until(() -> snapshot(timeout), s -> {
                        last.set(s);
                        return s.missing().isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Not every raw article reached news.articles or news.dlq within " + timeout + ": "
                    + last.get(), e);
        }
        Snapshot snapshot = last.get();
        if (!snapshot.conserved()) {
            throw new AssertionError("Conservation does not hold: " + snapshot);
        }
        return snapshot;
    }

    private Set<String> keys(String topic, boolean keepTombstones, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> records =
                new RecordReader<>(cluster, topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readToEnd(timeout);
        Set<String> keys = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String key = record.key() == null ? "<null key>" : new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null && !keepTombstones) {
                keys.remove(key);
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    private static String abbreviated(Set<String> ids) {
        return ids.size() <= 20 ? ids.toString() : ids.stream().limit(20).toList() + " and " + (ids.size() - 20) + " more";
    }
}

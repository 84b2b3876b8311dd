package io.pactwire.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.pactwire.model.Json;
import io.pactwire.model.Serdes;
import io.pactwire.runtime.TopicIndex;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The store's memory of what {@code news.articles} holds, in a {@link TopicIndex} under {@code store.state.dir}:
 * the {@link StoredResult} of each article (off the heap), with the offset read up to per partition of
 * news.articles. When news.enriched partitions are assigned, the matching partitions of news.articles are
 * caught up from their checkpoints: only what changed since this instance last read them (what another
 * instance wrote while it held them, what this one wrote before a crash). An article's partition is the one
 * Kafka's default partitioner gives its key; when both topics have as many partitions (the normal case) only
 * the same-numbered partitions of news.articles are read, else all of them.
 *
 * <p>What a committed transaction wrote is applied at once; the checkpoint moves only by reading, so after
 * a crash the next start replays news.articles over it, ending at each article's last record.
 */
final class CurrentView implements StoredResults {
    private static final Logger log = LoggerFactory.getLogger(CurrentView.class);

    private final Supplier<TopicIndex> opener;
    private TopicIndex index;

    /** The view of {@code config}'s cluster; the index is opened (an admin call) at the first assignment. */
    CurrentView(StoreConfig config) {
        this(() -> TopicIndex.open(new TopicIndex.Settings(config.stateDir(), StoreConfig.STATE_DIR, config.stateTimeout(),
                StoreConfig.STATE_TIMEOUT_MS), config.topics().articles().name(), config.readerProperties(),
                config.adminProperties(), CurrentView::apply));
    }

    CurrentView(Supplier<TopicIndex> opener) {
        this.opener = opener;
    }

    @Override
    public long assigned(Collection<TopicPartition> enrichedPartitions, int enrichedCount) {
        if (enrichedPartitions.isEmpty()) {
            return 0;
        }
        TopicIndex view = index();
        List<Integer> all = view.partitions();
        Set<Integer> wanted = enrichedPartitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
        boolean coPartitioned = all.size() == enrichedCount;
        List<Integer> read = all.stream().filter(p -> !coPartitioned || wanted.contains(p)).toList();
        long records = view.catchUp(read);
        log.info("Stored results of news.enriched partitions {} up to date: read {} records of {} (partitions {})",
                wanted, records, view.topic(), read);
        return records;
    }

    private TopicIndex index() {
        if (index == null) {
            index = opener.get();
        }
        return index;
    }

    @Override
    public Optional<StoredResult> get(String id) {
        return index().get(id.getBytes(StandardCharsets.UTF_8)).map(CurrentView::decode);
    }

    @Override
    public void committed(Map<String, Optional<StoredResult>> changes) {
        Map<byte[], byte[]> writes = new LinkedHashMap<>();
        changes.forEach((id, result) -> writes.put(id.getBytes(StandardCharsets.UTF_8), result.map(CurrentView::encode).orElse(null)));
        index().applyAcknowledged(writes);
    }

    @Override
    public void close() {
        if (index != null) {
            index.close();
        }
    }

    @Override
    public void release() {
        if (index != null) {
            index.release();
        }
    }

    /** What the index keeps for a record of news.articles: its result's order, or nothing for a tombstone. */
    private static byte[] apply(ConsumerRecord<byte[], byte[]> record, byte[] current) {
        if (record.value() == null) {
            return null;
        }
        try {
            return encode(StoredResult.of(Serdes.ENRICHED_ARTICLE.deserialize(record.topic(), record.value())));
        } catch (SerializationException e) {
            log.warn("Ignoring an unreadable record in {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return current;
        }
    }

    static byte[] encode(StoredResult result) {
        try {
            return Json.mapper().writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot encode " + result, e);
        }
    }

    static StoredResult decode(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, StoredResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot decode a stored result from the store's state", e);
        }
    }
}

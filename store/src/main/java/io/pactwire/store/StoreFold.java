package io.pactwire.store;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Serdes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The store's decision for each record of {@code news.enriched} in one transaction, given what news.articles
 * holds: write the result, skip it as stale or as a duplicate, retract the article, or dead-letter a record
 * that cannot be read. Pure: it sends nothing and reads no topic; the transaction loop of {@link ArticleStore}
 * forwards each step to Kafka, and applies {@link #changes()} to what it knows once the transaction commits.
 *
 * <p>A result replaces the stored one only if it is newer ({@link StoredResult#ORDER}), so the stored result
 * is the greatest seen whatever the order of arrival, and any replay converges to the same store. Within a
 * transaction, a record sees what the records before it decided.
 */
final class StoreFold {
    /** What one record does. */
    sealed interface Step permits DeadLetter, Retract, Write, SkipStale, SkipDuplicate {
    }

    /** The record cannot be read (no key, not an EnrichedArticle, key and id disagreeing): to news.dlq. */
    record DeadLetter(String problem) implements Step {
    }

    /** A tombstone: the article is removed from news.articles. */
    record Retract(String id) implements Step {
    }

    /** A newer result than the stored one (or none is): written to news.articles as it came. */
    record Write(String id, StoredResult result) implements Step {
    }

    /** An older result than the stored one: skipped and counted. */
    record SkipStale(String id, StoredResult incoming, StoredResult stored) implements Step {
    }

    /** The stored result again: nothing to write. */
    record SkipDuplicate(String id) implements Step {
    }

    private final Function<String, Optional<StoredResult>> stored;
    private final Map<String, Optional<StoredResult>> changes = new LinkedHashMap<>();
    private final StoreCounters.Batch counts = new StoreCounters.Batch();

    /** @param stored what news.articles holds for an article id, before this transaction */
    StoreFold(Function<String, Optional<StoredResult>> stored) {
        this.stored = stored;
    }

    /** Decides what {@code record} does and counts it. */
    Step apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            counts.deadLetters++;
            return new DeadLetter("record has no key (the article id)");
        }
        String id = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            changes.put(id, Optional.empty());
            counts.retracted++;
            return new Retract(id);
        }
        EnrichedArticle article;
        try {
            article = Serdes.ENRICHED_ARTICLE.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            counts.deadLetters++;
            return new DeadLetter(e.getMessage());
        }
        if (!id.equals(article.id())) {
            counts.deadLetters++;
            return new DeadLetter("key '" + id + "' does not match the value's id '" + article.id() + "'");
        }
        Optional<StoredResult> pending = changes.get(id);
        StoredResult current = pending != null ? pending.orElse(null) : stored.apply(id).orElse(null);
        StoredResult incoming = StoredResult.of(article);
        return switch (StoredResult.decide(current, incoming)) {
            case STORE -> {
                changes.put(id, Optional.of(incoming));
                counts.stored++;
                yield new Write(id, incoming);
            }
            case SKIP_STALE -> {
                counts.skippedStale++;
                yield new SkipStale(id, incoming, current);
            }
            case SKIP_DUPLICATE -> {
                counts.skippedDuplicate++;
                yield new SkipDuplicate(id);
            }
        };
    }

    /** What news.articles holds after this transaction, for each article it changed (empty: retracted). */
    Map<String, Optional<StoredResult>> changes() {
        return Collections.unmodifiableMap(changes);
    }

    /** What this transaction did, added to the store's counters when it commits. */
    StoreCounters.Batch counts() {
        return counts;
    }
}

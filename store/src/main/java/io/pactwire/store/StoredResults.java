package io.pactwire.store;

import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the store knows news.articles holds, for the articles of the news.enriched partitions it is assigned:
 * its memory of what it stored, so that it never overwrites a newer result with an older one.
 */
interface StoredResults extends AutoCloseable {

    /**
     * Brings what is known of the articles of these news.enriched partitions up to date with news.articles,
     * before the store folds a record of them.
     *
     * @param enrichedPartitions the partitions just assigned
     * @param enrichedCount      how many partitions news.enriched has
     * @return how many records of news.articles it read
     */
    long assigned(Collection<TopicPartition> enrichedPartitions, int enrichedCount);

    /** The result news.articles holds for the article, if any. */
    Optional<StoredResult> get(String id);

    /** Takes what a committed transaction wrote to news.articles (empty: a tombstone), by article id. */
    void committed(Map<String, Optional<StoredResult>> changes);

    /** A clean close: what the store wrote is read back, so the next start reads none of it. */
    @Override
    void close();

    /** Releases the state without reading anything (the store stops on a failure). */
    void release();
}

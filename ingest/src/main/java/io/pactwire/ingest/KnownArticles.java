package io.pactwire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwire.model.Json;
import io.pactwire.model.RawArticle;
import io.pactwire.runtime.LogFields;
import io.pactwire.runtime.TopicIndex;
import io.pactwire.runtime.TopicReader;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The content hash and revision of every article already in {@code news.raw}, so that ingest publishes
 * only what is new or changed, and numbers a changed article's revisions.
 *
 * <p>The compacted topic itself is the record; ingest keeps a {@link TopicIndex} of it under
 * {@code ingest.state.dir} (id to hash and revision, off the heap), and at start reads only what news.raw
 * gained since the index's checkpoint: nothing after a clean stop, everything the first time or when the
 * cluster or the topic is not the one the index was built from. A lost or stale folder therefore costs one
 * read of the topic, and can never make ingest republish a whole archive or number revisions twice.
 *
 * <p>What this run sends is staged ({@link #put}) until news.raw shows it: a send that fails is
 * {@link #restore restored}, and the index takes an article's new revision only from the topic, never from
 * the send, so a crash between a send and its acknowledgement cannot make ingest believe an article is
 * published that is not. The staged writes are read back (and leave memory) at a clean close, and whenever
 * they pass {@link #CATCH_UP_AFTER}. Two ingest processes racing on the same changed article may both
 * publish it with the same revision number; the last one wins in compaction, and consumers key on the id.
 *
 * <p>A record whose revision is over {@link RawArticle#MAX_REVISION} (only another producer can write one)
 * is not trusted: it is logged with its topic-partition and offset, and while it is the article's latest
 * record {@link #overLimit} names it, so that ingest rejects that article rather than number a revision
 * after a number it cannot trust (retracting the article clears it).
 */
public final class KnownArticles implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KnownArticles.class);
    /** Staged sends after which the index reads news.raw to take those acknowledged since, bounding the overlay. */
    static final int CATCH_UP_AFTER = 10_000;

    /** What {@code news.raw} holds for one article. */
    public record Known(String contentHash, int revision) {
    }

    private final TopicIndex index;
    private int nextCatchUp = CATCH_UP_AFTER;

    private KnownArticles(TopicIndex index) {
        this.index = index;
    }

    /**
     * Opens ingest's index of news.raw under {@code ingest.state.dir} and catches it up (at most
     * {@code ingest.known.articles.timeout.ms}): what ingest runs with.
     */
    public static KnownArticles open(IngestConfig config) {
        TopicIndex.Settings settings = new TopicIndex.Settings(config.stateDir(), IngestConfig.STATE_DIR,
                config.knownArticlesTimeout(), IngestConfig.KNOWN_ARTICLES_TIMEOUT_MS);
        return caughtUp(TopicIndex.open(settings, config.topics().raw().name(), config.knownArticlesConsumerProperties(),
                config.adminProperties(), KnownArticles::apply));
    }

    /**
     * Reads {@code topic} (news.raw under the pipeline's prefix) to its end into a temporary index, deleted at
     * {@link #close}: for a one-off command that must not use a running ingest's state folder.
     */
    public static KnownArticles load(Map<String, Object> properties, String topic, Duration timeout) {
        return load(TopicReader.open(properties, IngestConfig.KNOWN_ARTICLES_TIMEOUT_MS), topic, timeout);
    }

    static KnownArticles load(TopicReader reader, String topic, Duration timeout) {
        return caughtUp(TopicIndex.temporary(topic, reader, timeout, IngestConfig.KNOWN_ARTICLES_TIMEOUT_MS,
                KnownArticles::apply));
    }

    private static KnownArticles caughtUp(TopicIndex index) {
        try {
            long read = index.catchUpAll();
            log.info("Read {} records of {}: {} articles known", read, index.topic(), index.size());
            return new KnownArticles(index);
        } catch (RuntimeException e) {
            index.release();
            throw e;
        }
    }

    /** What the index keeps for an article, given its record and what it keeps now. */
    private static byte[] apply(ConsumerRecord<byte[], byte[]> record, byte[] current) {
        String key = Topics.RAW.keySerde().deserializer().deserialize(record.topic(), record.key());
        if (record.value() == null) {
            return null; // tombstone: the article was retracted
        }
        Entry now = current == null ? Entry.NONE : Entry.decode(current);
        Known found = fromHeaders(record);
        if (found == null) {
            try {
                // written by another producer than ingest, or before ingest wrote the headers
                RawArticle article = Topics.RAW.valueSerde().deserializer().deserialize(record.topic(), record.value());
                found = new Known(article.contentHash(), article.revision());
            } catch (SerializationException e) {
                BigInteger revision = revisionIn(record.value());
                if (revision != null && revision.compareTo(BigInteger.valueOf(RawArticle.MAX_REVISION)) > 0) {
                    return new Entry(now.known(), overTheLimit(key, record, revision.toString())).encode();
                }
                LogFields.record(log.atWarn(), record.topic(), record.partition(), record.offset())
                        .addKeyValue(LogFields.REASON, e.getMessage())
                        .log("Unreadable record in {} at {}: {}", record.topic(), where(record), e.getMessage());
                return current;
            }
        }
        if (found.revision() > RawArticle.MAX_REVISION) {
            return new Entry(now.known(), overTheLimit(key, record, Integer.toString(found.revision()))).encode();
        }
        Known kept = now.known() != null && now.known().revision() > found.revision() ? now.known() : found;
        return new Entry(kept, null).encode();
    }

    private static String overTheLimit(String key, ConsumerRecord<byte[], byte[]> record, String revision) {
        String what = "revision " + revision + " at " + where(record);
        LogFields.record(log.atWarn(), record.topic(), record.partition(), record.offset())
                .addKeyValue(LogFields.ARTICLE_ID, key).addKeyValue(LogFields.REASON, "revision " + revision + " over the limit")
                .log("Unreadable record in {} for article {}: {}, over the limit of {} (RawArticle.MAX_REVISION); not trusted,"
                + " and the article is rejected until it is retracted", record.topic(), key, what, RawArticle.MAX_REVISION);
        return what;
    }
    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** The number a value that the serde refused gives as its revision, or null when it gives none. */
    private static BigInteger revisionIn(byte[] value) {
        try {
            JsonNode revision = Json.mapper().readTree(value).path("revision");
            return revision.isIntegralNumber() ? revision.bigIntegerValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The content hash and revision ingest wrote in the headers, or null when a header is missing or malformed. */
    private static Known fromHeaders(ConsumerRecord<byte[], byte[]> record) {
        Header hash = record.headers().lastHeader(ArticlePublisher.CONTENT_HASH_HEADER);
        Header revision = record.headers().lastHeader(ArticlePublisher.REVISION_HEADER);
        if (hash == null || revision == null || hash.value() == null || revision.value() == null) {
            return null;
        }
        try {
            // over the limit but within an int: apply() refuses it; beyond an int: the value decides
            int number = Integer.parseInt(new String(revision.value(), StandardCharsets.US_ASCII));
            return number > 0 && hash.value().length > 0 ? new Known(new String(hash.value(), StandardCharsets.US_ASCII), number) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What is known of {@code id}: what this run sent while it is in flight, else what news.raw holds. */
    public Optional<Known> get(String id) {
        return index.get(key(id)).map(Entry::decode).map(Entry::known);
    }

    /**
     * The latest record of {@code id} when its revision is over {@link RawArticle#MAX_REVISION}: which revision
     * it claims and where it is ({@code news.raw-0@12}).
     */
    public Optional<String> overLimit(String id) {
        return index.get(key(id)).map(Entry::decode).map(Entry::overLimit);
    }

    /**
     * Records that {@code id} is being sent with this content at this revision: staged until news.raw shows it,
     * or until {@link #restore} takes it back.
     */
    public void put(String id, Known value) {
        index.stage(key(id), new Entry(value, null).encode());
        if (index.staged() >= nextCatchUp) {
            index.catchUpAll();
            nextCatchUp = Math.max(CATCH_UP_AFTER, 2 * index.staged());
        }
    }

    /** Forgets a revision that was not published after all, restoring the one before. */
    public void restore(String id, Known attempted, Optional<Known> before) {
        index.restage(key(id), new Entry(attempted, null).encode(), before.map(b -> new Entry(b, null).encode()).orElse(null));
    }

    /** The number of articles news.raw holds, as far as ingest has read it (this run's sends once read back). */
    public int size() {
        return Math.toIntExact(index.size());
    }

    /** How many records of news.raw the last catch-up read (at start: what news.raw gained since the last run). */
    public long recordsRead() {
        return index.lastCatchUpRecords();
    }

    /** How many records of news.raw the catch-ups read since this was opened (its start's, and this run's own sends read back). */
    public long recordsReadSinceOpen() {
        return index.recordsRead();
    }

    /** The index's folder. */
    public java.nio.file.Path folder() {
        return index.folder();
    }

    /**
     * A clean close: reads back what this run sent (so the next start reads nothing of it) and releases the
     * index; a temporary index is deleted.
     */
    @Override
    public void close() {
        index.close();
    }

    /** Releases the index without reading back (ingest stops on a failure): the next start reads from the checkpoint. */
    public void release() {
        index.release();
    }

    private static byte[] key(String id) {
        return Topics.RAW.keySerde().serializer().serialize(null, id);
    }

    /**
     * What the index keeps for an article: its latest trusted hash and revision, and the over-limit mark while
     * its latest record is over the limit. Encoded as flags, then the revision and hash, then the mark.
     */
    private record Entry(Known known, String overLimit) {
        static final Entry NONE = new Entry(null, null);
        private static final byte KNOWN = 1;
        private static final byte OVER_LIMIT = 2;

        byte[] encode() {
            byte[] hash = known == null ? new byte[0] : known.contentHash().getBytes(StandardCharsets.UTF_8);
            byte[] mark = overLimit == null ? new byte[0] : overLimit.getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.allocate(1 + (known == null ? 0 : 8 + hash.length) + mark.length);
            buffer.put((byte) ((known == null ? 0 : KNOWN) | (overLimit == null ? 0 : OVER_LIMIT)));
            if (known != null) {
                buffer.putInt(known.revision()).putInt(hash.length).put(hash);
            }
            return buffer.put(mark).array();
        }

        static Entry decode(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte flags = buffer.get();
            Known known = null;
            if ((flags & KNOWN) != 0) {
                int revision = buffer.getInt();
                byte[] hash = new byte[buffer.getInt()];
                buffer.get(hash);
                known = new Known(new String(hash, StandardCharsets.UTF_8), revision);
            }
            String mark = (flags & OVER_LIMIT) == 0 ? null
                    : new String(bytes, buffer.position(), buffer.remaining(), StandardCharsets.UTF_8);
            return new Entry(known, mark);
        }
    }
}

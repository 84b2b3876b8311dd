package io.pactwire.ingest;

import io.pactwire.model.RawArticle;
import io.pactwire.runtime.TopicReader;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KnownArticlesTest {
    private static final TopicPartition PARTITION = new TopicPartition(Topics.RAW.name(), 0);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

    @Test
    void hashAndRevisionComeFromIngestsHeadersAndFromTheValueWithoutThem() {
        RawArticle first = RawArticle.of("a", "Title", "First text");
        RawArticle second = new RawArticle("a", null, null, "Title", "Second text", null, null, null, null, 2, null);
        RawArticle plain = new RawArticle("b", null, null, "Other", "Written by another producer", null, null, null, null, 3, null);
        add("a", first, headers(first.contentHash(), "1"));
        add("a", second, headers(second.contentHash(), "2"));
        add("b", plain, new RecordHeaders());
        add("c", RawArticle.of("c", "", "Revision header malformed"), headers("abc", "two"));
        add("d", RawArticle.of("d", "", "Retracted later"), headers("def", "1"));
        add("d", null, new RecordHeaders());
        // headers are read, the value is not parsed: here it is not even JSON
        addBytes("e", "not json".getBytes(StandardCharsets.UTF_8), headers("e0", "4"));

        consumer.updatePartitions(Topics.RAW.name(), List.of(new PartitionInfo(Topics.RAW.name(), 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, (long) records.size()));
        consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));

        KnownArticles known = KnownArticles.load(new TopicReader(consumer, "test.timeout.ms"), Topics.RAW.name(), Duration.ofSeconds(5));

        assertThat(known.get("a")).contains(new KnownArticles.Known(second.contentHash(), 2));
        assertThat(known.get("b")).contains(new KnownArticles.Known(plain.contentHash(), 3));
        assertThat(known.get("c")).contains(new KnownArticles.Known(RawArticle.of("c", "", "Revision header malformed").contentHash(), 1));
        assertThat(known.get("d")).isEqualTo(Optional.empty());
        assertThat(known.get("e")).contains(new KnownArticles.Known("e0", 4));
        assertThat(known.size()).isEqualTo(4);
    }

    @Test
    void aRevisionOverTheLimitIsNotTrustedAndNamesItsRecordUntilALaterOneReplacesIt() {
        RawArticle valid = RawArticle.of("a", "Title", "Valid text").withRevision(3);
        add("a", valid, headers(valid.contentHash(), "3"));
        addBytes("a", json("a", "2147483647"), new RecordHeaders()); // another producer's, over the limit
        addBytes("b", json("b", "99999999999"), new RecordHeaders()); // over an int even
        add("c", RawArticle.of("c", "", "Headers over the limit"), headers("c0", "1000001"));
        addBytes("d", json("d", "2147483647"), new RecordHeaders());
        add("d", null, new RecordHeaders()); // retracted: nothing is known of it any more
        addBytes("e", json("e", "2147483647"), new RecordHeaders());
        add("e", RawArticle.of("e", "", "Written again"), headers("e1", "1")); // the latest record is valid again
        addBytes("f", json("f", "\"many\""), new RecordHeaders()); // unreadable, but no revision over the limit

        KnownArticles known = load();

        assertThat(known.overLimit("a")).contains("revision 2147483647 at news.raw-0@1");
        assertThat(known.overLimit("b")).contains("revision 99999999999 at news.raw-0@2");
        assertThat(known.overLimit("c")).contains("revision 1000001 at news.raw-0@3");
        assertThat(known.overLimit("d")).isEmpty();
        assertThat(known.get("d")).isEmpty();
        assertThat(known.overLimit("e")).isEmpty();
        assertThat(known.get("e")).contains(new KnownArticles.Known("e1", 1));
        assertThat(known.overLimit("f")).isEmpty();
        assertThat(known.get("f")).isEmpty();
        assertThat(known.get("b")).isEmpty();
        assertThat(known.get("c")).as("not trusted: its hash and revision are not taken").isEmpty();
    }

    @Test
    void stagedSendsLeaveMemoryOnceNewsRawShowsThemWhenTheyPassTheLimit() {
        // news.raw as the broker holds it at each call: the sends acknowledged so far
        MockConsumer<byte[], byte[]> live = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name()) {
            @Override
            public synchronized Map<TopicPartition, Long> endOffsets(java.util.Collection<TopicPartition> partitions,
                                                                     Duration timeout) {
                updateEndOffsets(Map.of(PARTITION, (long) records.size()));
                return super.endOffsets(partitions, timeout);
            }

            @Override
            public synchronized org.apache.kafka.clients.consumer.ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
                if (assignment().contains(PARTITION)) {
                    long position = position(PARTITION);
                    records.stream().filter(r -> r.offset() >= position).forEach(this::addRecord);
                }
                return super.poll(timeout);
            }
        };
        live.updatePartitions(Topics.RAW.name(), List.of(new PartitionInfo(Topics.RAW.name(), 0, null, null, null)));
        live.updateBeginningOffsets(Map.of(PARTITION, 0L));
        try (KnownArticles known = KnownArticles.load(new TopicReader(live, "test.timeout.ms"), Topics.RAW.name(),
                Duration.ofSeconds(30))) {
            for (int i = 0; i < KnownArticles.CATCH_UP_AFTER - 1; i++) {
                RawArticle article = RawArticle.of("a" + i, "Title", "Text " + i);
                known.put(article.id(), new KnownArticles.Known(article.contentHash(), 1));
                add(article.id(), article, headers(article.contentHash(), "1")); // acknowledged
            }
            assertThat(known.size()).as("staged, not yet read back").isZero();
            assertThat(known.get("a7")).contains(new KnownArticles.Known(RawArticle.of("a7", "Title", "Text 7").contentHash(), 1));

            RawArticle last = RawArticle.of("last", "Title", "Still in flight");
            known.put(last.id(), new KnownArticles.Known(last.contentHash(), 1));

            assertThat(known.size()).as("read back from news.raw").isEqualTo(KnownArticles.CATCH_UP_AFTER - 1);
            assertThat(known.recordsRead()).isEqualTo(KnownArticles.CATCH_UP_AFTER - 1);
            assertThat(known.get("last")).as("in flight: staged still").contains(new KnownArticles.Known(last.contentHash(), 1));
        }
    }

    private KnownArticles load() {
        consumer.updatePartitions(Topics.RAW.name(), List.of(new PartitionInfo(Topics.RAW.name(), 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, (long) records.size()));
        consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
        return KnownArticles.load(new TopicReader(consumer, "test.timeout.ms"), Topics.RAW.name(), Duration.ofSeconds(5));
    }

    private static byte[] json(String id, String revision) {
        return ("{\"id\":\"" + id + "\",\"title\":\"t\",\"body\":\"Some text\",\"revision\":" + revision + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static RecordHeaders headers(String hash, String revision) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ArticlePublisher.CONTENT_HASH_HEADER, hash.getBytes(StandardCharsets.US_ASCII));
        headers.add(ArticlePublisher.REVISION_HEADER, revision.getBytes(StandardCharsets.US_ASCII));
        return headers;
    }

    private void add(String key, RawArticle value, RecordHeaders headers) {
        addBytes(key, value == null ? null : Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), value), headers);
    }

    private void addBytes(String key, byte[] value, RecordHeaders headers) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        records.add(new ConsumerRecord<>(PARTITION.topic(), 0, records.size(), 0L, TimestampType.CREATE_TIME, keyBytes.length,
                value == null ? -1 : value.length, keyBytes, value, headers, Optional.empty()));
    }
}

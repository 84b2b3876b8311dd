package io.pactwire.ingest;

import io.pactwire.model.RawArticle;
import io.pactwire.runtime.TopicReader;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revision decision and the publisher together, without a broker: a MockProducer acknowledges or fails each
 * send when the test says, and the tally counts every outcome where it happens.
 */
class DeciderTest {
    private static final RawArticle FIRST =
            new RawArticle("a1", "file:/a.txt", null, "Title", "The first text of the article.", null, null, null, null, 1, null);
    private static final RawArticle SECOND =
            new RawArticle("a1", "file:/a.txt", null, "Title", "The second text of the article.", null, null, null, null, 1, null);

    private final MockProducer<String, RawArticle> producer =
            new MockProducer<>(false, null, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    private final ArticlePublisher publisher = new ArticlePublisher(producer, "localhost:9092", "news.raw");
    /** What each test's known articles opened, released after it. */
    private final List<KnownArticles> opened = new ArrayList<>();
    private final KnownArticles known = emptyNewsRaw();
    private final Tally tally = new Tally(Progress.NONE);
    private final Decider decider = new Decider(known, publisher, tally);

    @AfterEach
    void releaseTheIndexes() {
        opened.forEach(KnownArticles::release);
    }

    /** Ingest's knowledge of a news.raw that holds nothing yet (a consumer without a broker over an empty partition). */
    private KnownArticles emptyNewsRaw() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        TopicPartition partition = new TopicPartition(Topics.RAW.name(), 0);
        consumer.updatePartitions(Topics.RAW.name(), List.of(new PartitionInfo(Topics.RAW.name(), 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.updateEndOffsets(Map.of(partition, 0L));
        KnownArticles empty = KnownArticles.load(new TopicReader(consumer, "test.timeout.ms"), Topics.RAW.name(), Duration.ofSeconds(5));
        opened.add(empty);
        return empty;
    }

    @Test
    void aNewArticleIsPublishedAtRevisionOneAndCountedOnceAcknowledged() {
        read(new Input.Article("file:/a.txt", FIRST));

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("a1");
            assertThat(record.value().revision()).isEqualTo(1);
        });
        assertThat(tally.unaccounted()).as("in flight until acknowledged").isEqualTo(1);
        assertThat(producer.completeNext()).isTrue();
        assertThat(tally.unaccounted()).isZero();
        assertThat(tally.report().published()).containsExactly(new IngestReport.Published("a1", "file:/a.txt", 1));
    }

    @Test
    void theSameContentReadAgainIsUnchangedAndChangedContentIsTheNextRevision() {
        read(new Input.Article("file:/a.txt", FIRST));
        read(new Input.Article("file:/a.txt", FIRST));
        read(new Input.Article("file:/a.txt", SECOND));
        producer.completeNext();
        producer.completeNext();

        assertThat(producer.history()).extracting(record -> record.value().revision()).containsExactly(1, 2);
        IngestReport report = tally.report();
        assertThat(report.published()).extracting(IngestReport.Published::revision).containsExactly(1, 2);
        assertThat(report.unchanged()).containsExactly(new IngestReport.Unchanged("a1", "file:/a.txt"));
        assertThat(tally.unaccounted()).isZero();
        assertThat(known.get("a1")).contains(new KnownArticles.Known(SECOND.contentHash(), 2));
    }

    @Test
    void aFailedSendIsRejectedWithItsCauseAndWhatWasKnownBeforeComesBack() {
        known.put("a1", new KnownArticles.Known(FIRST.contentHash(), 3));

        read(new Input.Article("file:/a.txt", SECOND));
        assertThat(known.get("a1")).as("known while in flight").contains(new KnownArticles.Known(SECOND.contentHash(), 4));
        producer.errorNext(new RecordTooLargeException("the record is too large"));

        assertThat(tally.report().rejected())
                .containsExactly(new Input.Rejected("file:/a.txt", "not published: the record is too large"));
        assertThat(tally.unaccounted()).isZero();
        assertThat(known.get("a1")).contains(new KnownArticles.Known(FIRST.contentHash(), 3));
    }

    @Test
    void anArticleWhoseRevisionsAreUsedUpIsRejectedWithoutASend() {
        known.put("a1", new KnownArticles.Known(FIRST.contentHash(), RawArticle.MAX_REVISION));

        read(new Input.Article("file:/a.txt", SECOND));

        assertThat(producer.history()).isEmpty();
        assertThat(tally.report().rejected()).singleElement()
                .satisfies(rejected -> assertThat(rejected.reason()).startsWith("revision limit reached: article a1"));
        assertThat(tally.unaccounted()).isZero();
    }

    @Test
    void inputsRejectedOrSkippedWhileReadingAreCountedAsTheyAre() {
        read(new Input.Rejected("file:/b.txt", "no article text"));
        read(new Input.Skipped("file:/c.png", "unsupported file type .png"));

        IngestReport report = tally.report();
        assertThat(report.rejected()).containsExactly(new Input.Rejected("file:/b.txt", "no article text"));
        assertThat(report.skipped()).containsExactly(new Input.Skipped("file:/c.png", "unsupported file type .png"));
        assertThat(report.inputs()).isEqualTo(2);
        assertThat(tally.unaccounted()).isZero();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void everyInputReadHasOneOutcomeTheProgressHearsInTurn() {
        StringBuilder heard = new StringBuilder();
        Tally heardTally = new Tally(new Progress() {
            @Override
            public void received(Input input) {
                heard.append("in ");
            }

            @Override
            public void published(IngestReport.Published published) {
                heard.append("published ");
            }

            @Override
            public void unchanged(IngestReport.Unchanged unchanged) {
                heard.append("unchanged ");
            }

            @Override
            public void rejected(Input.Rejected rejected) {
                heard.append("rejected ");
            }
        });
        Decider heardDecider = new Decider(emptyNewsRaw(), publisher, heardTally);
        for (Input input : new Input[] {new Input.Article("file:/a.txt", FIRST), new Input.Article("file:/a.txt", FIRST),
                new Input.Rejected("file:/b.txt", "no article text")}) {
            heardTally.received(input);
            heardDecider.accept(input);
        }
        producer.completeNext();

        assertThat(heard.toString()).isEqualTo("in in unchanged in rejected published ");
        assertThat(heardTally.unaccounted()).isZero();
        assertThat(heardTally.report().inputs()).isEqualTo(3);
    }

    private void read(Input input) {
        tally.received(input);
        decider.accept(input);
    }
}

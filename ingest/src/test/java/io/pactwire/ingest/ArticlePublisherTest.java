package io.pactwire.ingest;

import io.pactwire.model.RawArticle;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The publisher alone, over a MockProducer: what it sends, and what it does once no broker answers. */
class ArticlePublisherTest {
    private final MockProducer<String, RawArticle> producer =
            new MockProducer<>(false, null, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    private final ArticlePublisher publisher = new ArticlePublisher(producer, "broker-1:9092", "news.raw");

    private static RawArticle article(String id) {
        return new RawArticle(id, "file:/" + id + ".txt", null, "Title", "The text of " + id + ".", null, null, null, null, 2, null);
    }

    @Test
    void sendsEachArticleKeyedByItsIdWithItsHeadersAndReportsItOnceAcknowledged() {
        List<IngestReport.Published> published = new ArrayList<>();
        publisher.publish("file:/a.txt", article("a"), published::add, rejected -> { });

        assertThat(published).as("not before the broker acknowledges").isEmpty();
        producer.completeNext();

        assertThat(published).containsExactly(new IngestReport.Published("a", "file:/a.txt", 2));
        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("news.raw");
            assertThat(record.key()).isEqualTo("a");
            assertThat(record.headers().lastHeader(ArticlePublisher.SOURCE_HEADER).value())
                    .isEqualTo("file:/a.txt".getBytes(StandardCharsets.UTF_8));
            assertThat(record.headers().toArray()).extracting(Header::key).hasSize(5);
        });
        assertThat(publisher.finish().published()).containsExactlyElementsOf(published);
    }

    @Test
    void onceASendTimesOutEveryLaterArticleIsRejectedAtOnceWithoutASend() {
        List<Input.Rejected> rejected = new ArrayList<>();
        AtomicReference<String> dead = new AtomicReference<>();
        publisher.onDead(dead::set);
        publisher.publish("file:/a.txt", article("a"), p -> { }, rejected::add);
        producer.errorNext(new TimeoutException("Expiring 1 record(s) for news.raw-0: 3000 ms has passed"));

        publisher.publish("file:/b.txt", article("b"), p -> { }, rejected::add);

        assertThat(dead.get()).isEqualTo("Kafka unreachable at broker-1:9092: Expiring 1 record(s) for news.raw-0: 3000 ms has passed");
        assertThat(producer.history()).as("b is never sent").hasSize(1);
        assertThat(rejected).extracting(Input.Rejected::source).containsExactly("file:/a.txt", "file:/b.txt");
        assertThat(rejected.get(0).reason()).isEqualTo("not published: " + dead.get());
        assertThat(rejected.get(1).reason()).isEqualTo("not published: " + dead.get()
                + " (not sent: the producer had already failed)");
        assertThat(publisher.deadBecause()).contains(dead.get());
    }
}

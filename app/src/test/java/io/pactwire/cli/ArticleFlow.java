package io.pactwire.cli;

import io.pactwire.enrich.Enricher;
import io.pactwire.ingest.ArticlePublisher;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.tagger.Tagger;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.testing.RecordReader;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream of distinct small articles for fault tests: published to {@code news.raw} at a steady pace by
 * ingest's own publisher (idempotent, {@code acks=all}) from a thread of the test, and checked at the end
 * against what the standard tagger makes of each one.
 */
final class ArticleFlow implements AutoCloseable {
    private static final List<String> PARTNERS = List.of("Japan", "China", "Chile", "Peru", "Norway", "Brazil", "Kenya",
            "Canada", "India", "Mexico", "Portugal", "Russia");
    private static final Tagger TAGGER = Tagger.standard();

    private final Map<String, RawArticle> articles = new LinkedHashMap<>();
    private final List<RawArticle> queue;
    private final ArticlePublisher publisher;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "article-flow"));
    private final AtomicInteger sent = new AtomicInteger();

    /** {@code count} articles with ids {@code prefix-0 ...}; none is sent before {@link #start}. */
    ArticleFlow(KafkaTestCluster cluster, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String partner = PARTNERS.get(i % PARTNERS.size());
            String id = prefix + "-" + i;
            RawArticle raw = RawArticle.of(id, "Luxembourg and " + partner + " sign a memorandum of understanding, no. " + i,
                            "Luxembourg and " + partner + " signed a memorandum of understanding on space resources"
                                    + " (agreement number " + i + " of the series).")
                    .withPublishedAt("2018-01-16")
                    .withSourceUri("test:" + id);
            articles.put(id, raw);
        }
        this.queue = new ArrayList<>(articles.values());
        Map<String, Object> props = new HashMap<>(cluster.clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.publisher = new ArticlePublisher(props, Topics.RAW.name());
    }

    /** Publishes {@code perTick} articles every {@code tick} until all are sent. */
    ArticleFlow start(int perTick, Duration tick) {
        pacer.scheduleAtFixedRate(() -> {
            int from = sent.get();
            int to = Math.min(queue.size(), from + perTick);
            for (int i = from; i < to; i++) {
                RawArticle raw = queue.get(i);
                publisher.publish(raw.sourceUri(), raw);
            }
            sent.set(to);
        }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    int sent() {
        return sent.get();
    }

    boolean allSent() {
        return sent.get() == queue.size();
    }

    /** Stops the pacer once everything is sent and checks that every article was acknowledged. */
    void finishPublishing() throws InterruptedException {
        org.awaitility.Awaitility.await("every article sent").atMost(Duration.ofSeconds(60)).until(this::allSent);
        pacer.shutdown();
        assertThat(pacer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        ArticlePublisher.Outcome outcome = publisher.finish();
        assertThat(outcome.failed()).as("articles not acknowledged by news.raw").isEmpty();
        assertThat(outcome.published()).hasSize(articles.size());
    }

    Map<String, RawArticle> articles() {
        return articles;
    }

    /** Records committed on {@code topic} so far (its last stable offsets summed; transaction markers included). */
    static long committedOffsets(KafkaTestCluster cluster, String topic) throws Exception {
        try (Admin admin = cluster.admin()) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().values()
                    .stream().mapToLong(info -> info.offset()).sum();
        }
    }

    /** Distinct article ids of this flow among the committed results on {@code news.enriched} now. */
    long visibleResults(KafkaTestCluster cluster) {
        return enriched(cluster).stream().map(ConsumerRecord::key).filter(articles::containsKey).distinct().count();
    }

    private static List<ConsumerRecord<String, EnrichedArticle>> enriched(KafkaTestCluster cluster) {
        return new RecordReader<>(cluster, Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
                Topics.ENRICHED.valueSerde().deserializer()).readToEnd(Duration.ofSeconds(30));
    }

    /**
     * Waits until news.articles holds every article of this flow, then checks, as a read_committed consumer
     * sees them: news.articles has exactly one record per article, each the standard tagger's result for
     * its raw input; news.enriched has no result twice (same article, content and versions).
     */
    void verify(KafkaTestCluster cluster, Duration timeout) {
        RecordReader<String, EnrichedArticle> reader = new RecordReader<>(cluster, Topics.ARTICLES.name(),
                Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer());
        reader.readUntil(r -> RecordReader.latestByKey(r).keySet().containsAll(articles.keySet()), timeout);
        List<ConsumerRecord<String, EnrichedArticle>> stored = reader.readToEnd(Duration.ofSeconds(30)).stream()
                .filter(r -> articles.containsKey(r.key())).toList();

        Map<String, Long> copies = stored.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(copies.keySet()).as("article ids in news.articles").isEqualTo(articles.keySet());
        assertThat(copies).as("records per article in news.articles").allSatisfy((id, n) -> assertThat(n).isOne());

        Enricher expected = new Enricher(TAGGER, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        for (ConsumerRecord<String, EnrichedArticle> record : stored) {
            EnrichedArticle actual = record.value();
            EnrichedArticle want = expected.enrich(articles.get(record.key()));
            assertThat(actual).as("stored result of %s", record.key())
                    .usingRecursiveComparison().ignoringFields("enrichedAt").isEqualTo(want);
        }

        Map<String, Long> results = enriched(cluster).stream()
                .filter(r -> articles.containsKey(r.key()))
                .collect(Collectors.groupingBy(ArticleFlow::resultIdentity, Collectors.counting()));
        assertThat(results.keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).collect(Collectors.toSet()))
                .as("articles with a result in news.enriched").isEqualTo(articles.keySet());
        assertThat(results).as("the same result twice in news.enriched (read_committed)")
                .allSatisfy((identity, n) -> assertThat(n).isOne());
    }

    /** What makes two results the same: article, content hash and revision, tagger versions. */
    private static String resultIdentity(ConsumerRecord<String, EnrichedArticle> record) {
        EnrichedArticle a = Objects.requireNonNull(record.value(), "a tombstone on news.enriched");
        return record.key() + "|" + a.contentHash() + "|" + a.revision() + "|" + a.versions();
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        publisher.close();
    }
}

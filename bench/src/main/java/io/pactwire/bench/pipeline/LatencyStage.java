package io.pactwire.bench.pipeline;

import io.pactwire.enrich.EnrichConfig;
import io.pactwire.ingest.ArticlePublisher;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.topics.Topics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** The end-to-end latency at a fixed offered rate, ingest's publisher to news.articles (read_committed). */
final class LatencyStage {
    /**
     * Seconds of articles offered, at the rate, before the measured ones: the services start as fresh processes
     * and compile the tagger's code in their first tens of seconds (a C2 compiler thread took more CPU than the
     * stream threads in a 5 s warm-up, and the backlog it left was measured as latency; after 20 s, nearly all the
     * articles later than 150 ms were still in the first 10-15 s measured).
     */
    static final int WARM_UP_SECONDS = 60;
    private final Path home;
    private final int rate;
    private final int latencySeconds;
    private final BenchArticles corpus;

    LatencyStage(Path home, int rate, int latencySeconds, BenchArticles corpus) {
        this.home = home;
        this.rate = rate;
        this.latencySeconds = latencySeconds;
        this.corpus = corpus;
    }

    /**
     * The end-to-end latency: the enricher and the store as processes of their own, as deployed, and articles
     * offered at {@code --rate} through ingest's publisher in this JVM, read back from news.articles
     * (read_committed) here. First a warm-up at the same rate, until all of it has come through, not measured.
     */
    void run(Stage stage, Results results) throws Exception {
        Map<String, Long> intended = new ConcurrentHashMap<>();
        Map<String, Long> warmIntended = new ConcurrentHashMap<>();
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        Parts parts = new Parts();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Set<String> warmSeen = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        AtomicBoolean reading = new AtomicBoolean(true);
        IngestConfig ingestConfig = new IngestConfig(stage.input(Map.of()));
        int total = rate * latencySeconds;
        int warm = Math.min(total, rate * WARM_UP_SECONDS);
        List<ServiceProcess> running = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(ingestConfig.producerProperties(), ingestConfig.topics().raw().name())) {
            running.add(ServiceProcess.start(home, stage.dir, "enrich", stage.bootstrap,
                    stage.serviceArgs("--set", EnrichConfig.STATE_DIR + "=" + stage.dir.resolve("enrich-state"))));
            running.add(ServiceProcess.start(home, stage.dir, "store", stage.bootstrap, stage.serviceArgs()));
            for (ServiceProcess service : running) {
                service.awaitHealthy(Duration.ofMinutes(2));
            }
            Thread reader = new Thread(() -> readArticles(stage.bootstrap, intended, histogram, parts, seen, duplicates,
                    warmIntended.keySet(), warmSeen, reading), "bench-latency-reader");
            reader.start();
            Path file = stage.dir.resolve("latency.jsonl");
            offer(publisher, corpus, "warm-latency-", warm, file, warmIntended);
            awaitCount(warmSeen, warm, "the latency stage's warm-up");
            long began = System.nanoTime();
            offer(publisher, corpus, "latency-", total, file, intended);
            double offered = total / ((System.nanoTime() - began) / 1e9);
            publisher.finish();
            awaitCount(seen, total, "the latency stage");
            reading.set(false);
            reader.join(10_000);
            if (duplicates.get() > 0) {
                throw new IllegalStateException("latency stage: " + duplicates.get() + " articles reached "
                        + Topics.ARTICLES.name() + " twice");
            }
            for (ServiceProcess service : running) {
                service.stop();
            }
            results.latency = new Results.Latency(offered, histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0, total);
            System.out.printf(Locale.ROOT, "end to end at %,.0f articles/s: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    offered, results.latency.p50Millis(), results.latency.p99Millis(), results.latency.maxMillis());
            parts.print();
        } finally {
            for (ServiceProcess service : running) {
                service.kill();
            }
        }
    }

    /** Waits until {@code seen} holds {@code count} articles; fails after 5 minutes. */
    private static void awaitCount(Set<String> seen, int count, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (seen.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + ": " + seen.size() + " of " + count + " articles reached "
                        + Topics.ARTICLES.name() + " within 5 minutes");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * Publishes {@code count} articles at the offered rate. Each article's latency counts from when it
     * was due, not from when it was sent, so that a stall of the sender is measured, not hidden.
     */
    private void offer(ArticlePublisher publisher, BenchArticles corpus, String prefix, int count, Path file,
                       Map<String, Long> intended) {
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            RawArticle article = corpus.raw(prefix, i, file);
            intended.put(article.id(), due);
            publisher.publish(article.sourceUri(), article);
        }
    }

    /** Reads news.articles, recording each measured article's latency, and which of the warm-up's have come. */
    private static void readArticles(String bootstrap, Map<String, Long> intended, Histogram histogram, Parts parts, Set<String> seen,
                                     AtomicLong duplicates, Set<String> warmIds, Set<String> warmSeen, AtomicBoolean reading) {
        try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "isolation.level", "read_committed", "enable.auto.commit", false),
                new StringDeserializer(), Topics.ARTICLES.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (reading.get()) {
                for (ConsumerRecord<String, EnrichedArticle> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    Long due = intended.get(record.key());
                    if (due == null) {
                        if (warmIds.contains(record.key())) {
                            warmSeen.add(record.key());
                        }
                        continue;
                    }
                    if (seen.add(record.key())) {
                        histogram.recordValue(Math.max(0, (now - due) / 1000));
                        parts.record(due, record.value().enrichedAt(), record.timestamp(), now);
                    } else {
                        duplicates.incrementAndGet();
                    }
                }
            }
        }
    }

    /**
     * Where an article's time went, from the clocks the records carry: until the enricher tagged it (ingest's
     * batching, news.raw, the enricher's fetch: the result's {@code enrichedAt}), until the store wrote it (the
     * enricher's transaction, the store's fetch: the timestamp of its record in news.articles), and until it was
     * read (the store's transaction, the reader's fetch). Wall-clock milliseconds of one machine.
     */
    private static final class Parts {
        private final long wallMinusNanos = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
        private final Histogram tagged = new Histogram(TimeUnit.MINUTES.toMillis(5), 3);
        private final Histogram written = new Histogram(TimeUnit.MINUTES.toMillis(5), 3);
        private final Histogram read = new Histogram(TimeUnit.MINUTES.toMillis(5), 3);

        synchronized void record(long dueNanos, Instant enrichedAt, long writtenMillis, long readNanos) {
            long due = (dueNanos + wallMinusNanos) / 1_000_000;
            long enriched = enrichedAt.toEpochMilli();
            long readAt = (readNanos + wallMinusNanos) / 1_000_000;
            tagged.recordValue(Math.max(0, enriched - due));
            written.recordValue(Math.max(0, writtenMillis - enriched));
            read.recordValue(Math.max(0, readAt - writtenMillis));
        }

        synchronized void print() {
            System.out.printf(Locale.ROOT, "  of which: until tagged p50 %d ms, p99 %d ms; until the store wrote it p50 %d ms,"
                            + " p99 %d ms; until read p50 %d ms, p99 %d ms%n",
                    tagged.getValueAtPercentile(50), tagged.getValueAtPercentile(99), written.getValueAtPercentile(50),
                    written.getValueAtPercentile(99), read.getValueAtPercentile(50), read.getValueAtPercentile(99));
        }
    }
}

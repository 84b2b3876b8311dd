package io.pactwire.bench.pipeline;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.pactwire.embedded.EmbeddedKafkaBroker;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.ingest.KnownArticles;
import io.pactwire.model.RawArticle;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest beside Kafka's own ceiling for it: ingest's whole path ({@link IngestService} over JSON lines) against
 * a bare producer sending the same records with the same settings, and the bare producer's two bounds on
 * ingest's ratio (reading each JSON line first; reading and writing it back). Then ingest's start-up read of
 * what news.raw holds.
 */
final class IngestStage {
    private final int articles;
    private final BenchArticles corpus;
    private final Map<String, String> settings;

    IngestStage(int articles, BenchArticles corpus, Map<String, String> settings) {
        this.articles = articles;
        this.corpus = corpus;
        this.settings = Map.copyOf(settings);
    }

    /**
     * Ingest and the bare producer, each warmed up, then in turns, {@value PipelineBench#ROUNDS} rounds each: the
     * median round of each is reported, so that one round slowed by the machine decides nothing. Each
     * round has a broker of its own, so that ingest always starts on an empty news.raw (what it reads
     * of news.raw at start is measured after the last round, on its articles).
     */
    void run(Path work, Results results) throws Exception {
        List<Measured> bares = new ArrayList<>();
        List<Measured> bareReadings = new ArrayList<>();
        List<Measured> bareRewritings = new ArrayList<>();
        List<Measured> ours = new ArrayList<>();
        for (int round = -1; round < PipelineBench.ROUNDS; round++) {
            boolean warmUp = round < 0;
            int count = warmUp ? Math.min(PipelineBench.WARM_UP, articles) : articles;
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, Duration.ofSeconds(60))) {
                Stage stage = new Stage(broker.bootstrapServers(), work.resolve("ingest-" + (round + 1)), settings);
                stage.createTopics();
                IngestConfig config = new IngestConfig(stage.input(Map.of()));
                Path file = stage.dir.resolve("articles.jsonl");
                Measured bare = bare(config, corpus, "bare-", count, file, Stage.BARE_TOPIC, LineWork.NONE);
                Measured bareReading = bare(config, corpus, "bare-reading-", count, file, Stage.BARE_READING_TOPIC, LineWork.READ);
                Measured bareRewriting = bare(config, corpus, "bare-rewriting-", count, file, Stage.BARE_REWRITING_TOPIC,
                        LineWork.READ_AND_WRITE);
                Measured ingest = ingest(config, corpus, "ingest-", count, file);
                System.out.printf(Locale.ROOT, "%s ingest: %,.0f articles/s (%.2f cores); bare producer %,.0f articles/s (%.2f cores)"
                                + " (%.2fx); bare producer reading the JSON lines %,.0f articles/s (%.2fx the bare producer),"
                                + " reading and writing them %,.0f articles/s (%.2fx)%n",
                        warmUp ? "warm-up" : "round " + (round + 1), ingest.perSecond(), ingest.cores(), bare.perSecond(),
                        bare.cores(), ingest.perSecond() / bare.perSecond(), bareReading.perSecond(),
                        bareReading.perSecond() / bare.perSecond(), bareRewriting.perSecond(),
                        bareRewriting.perSecond() / bare.perSecond());
                if (!warmUp) {
                    bares.add(bare);
                    bareReadings.add(bareReading);
                    bareRewritings.add(bareRewriting);
                    ours.add(ingest);
                    results.roundRatio("ingest", ingest, bare);
                    results.roundRatio("bare-reading", bareReading, bare);
                    results.roundRatio("bare-rewriting", bareRewriting, bare);
                }
                if (round == PipelineBench.ROUNDS - 1) {
                    long start = System.nanoTime();
                    int known;
                    try (KnownArticles read = KnownArticles.load(config.knownArticlesConsumerProperties(),
                            config.topics().raw().name(), config.knownArticlesTimeout())) {
                        known = read.size();
                    }
                    if (known != count) {
                        throw new IllegalStateException("ingest knows " + known + " articles in news.raw, not " + count);
                    }
                    results.knownArticlesLoad = new Measured(known, 0, System.nanoTime() - start);
                }
            }
        }
        results.ingest = Measured.median(ours);
        results.bareProducer = Measured.median(bares);
        results.bareReading = Measured.median(bareReadings);
        results.bareRewriting = Measured.median(bareRewritings);
        System.out.printf(Locale.ROOT, "ingest, median of %d rounds: %,.0f articles/s (%.2f cores); bare producer %,.0f articles/s"
                        + " (%.2f cores) (%.2fx); bare producer reading the JSON lines %.2fx the bare producer, reading and"
                        + " writing them %.2fx; start-up read of news.raw %,.0f articles/s%n", PipelineBench.ROUNDS,
                results.ingest.perSecond(), results.ingest.cores(), results.bareProducer.perSecond(),
                results.bareProducer.cores(), results.ingestRatio(), results.bareReadingRatio(), results.bareRewritingRatio(),
                results.knownArticlesLoad.perSecond());
    }

    /** What the bare producer does with each record's JSON line before it sends the record. */
    enum LineWork {
        /** Nothing: Kafka's ceiling. */
        NONE,
        /** Reads it ({@link BenchArticles#readStrings}): the floor under any ingest of JSON lines. */
        READ,
        /** Reads and writes it back ({@link BenchArticles#rewrite}): the floor under any ingest that writes JSON records. */
        READ_AND_WRITE
    }

    /**
     * The records ingest would publish (key, value and headers, serialized beforehand), sent by a plain
     * producer with ingest's settings, doing {@code work} on the record's JSON line on the producer's
     * thread before each send, and nothing else of ingest's work. The records sent are the same whatever
     * the work, so that only the work differs.
     */
    private static Measured bare(IngestConfig config, BenchArticles corpus, String prefix, int count, Path file, String topic,
                                 LineWork work) throws Exception {
        boolean readLines = work != LineWork.NONE;
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        List<byte[]> lines = new ArrayList<>(readLines ? count : 0);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            RawArticle article = corpus.raw(prefix, i, file);
            if (readLines) {
                lines.add(corpus.jsonLine(prefix, i));
            }
            byte[] value = BenchArticles.bytes(article);
            records.add(new ProducerRecord<>(topic, null, article.id().getBytes(StandardCharsets.UTF_8), value,
                    BenchArticles.headers(article)));
            bytes += value.length;
        }
        AtomicLong failed = new AtomicLong();
        ThreadCpu threads = new ThreadCpu();
        long cpu = PipelineBench.processCpuNanos();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config.producerProperties(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            long chars = 0;
            ByteArrayBuilder rewritten = new ByteArrayBuilder(4096);
            for (int i = 0; i < count; i++) {
                if (work == LineWork.READ) {
                    chars += BenchArticles.readStrings(lines.get(i));
                } else if (work == LineWork.READ_AND_WRITE) {
                    chars += BenchArticles.rewrite(lines.get(i), rewritten);
                }
                producer.send(records.get(i), (m, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
            }
            producer.flush();
            long elapsed = System.nanoTime() - start;
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " sends of the bare producer failed");
            }
            if (readLines && chars == 0) {
                throw new IllegalStateException("the bare producer read no text from its JSON lines");
            }
            System.out.println("  " + topic + " " + elapsed / 1_000_000 + " ms, CPU ms by thread: " + threads.since());
            return new Measured(count, bytes, elapsed, PipelineBench.processCpuNanos() - cpu);
        }
    }

    /** Ingest's whole path: JSON lines read, articles built and identified, published, acknowledged. */
    static Measured ingest(IngestConfig config, BenchArticles corpus, String prefix, int count, Path file) throws Exception {
        corpus.writeJsonLines(prefix, count, file);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += BenchArticles.bytes(corpus.raw(prefix, i, file)).length;
        }
        byte[] lines = Files.readAllBytes(file);
        IngestService service = new IngestService(config, Clock.systemUTC());
        ThreadCpu threads = new ThreadCpu();
        long cpu = PipelineBench.processCpuNanos();
        long start = System.nanoTime();
        IngestReport report;
        try (InputStream in = new ByteArrayInputStream(lines)) {
            report = service.ingestJsonLines(in, file.toUri().toString());
        }
        long elapsed = System.nanoTime() - start;
        // ingest's publishing thread and its producer's I/O thread have ended by now: not in the groups
        System.out.println("  ingest " + elapsed / 1_000_000 + " ms, CPU ms by thread still running: " + threads.since());
        if (report.published().size() != count || !report.rejected().isEmpty()) {
            throw new IllegalStateException("ingest published " + report.published().size() + " of " + count + ": " + report.summary());
        }
        return new Measured(count, bytes, elapsed, PipelineBench.processCpuNanos() - cpu);
    }
}

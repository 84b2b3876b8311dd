package io.pactwire.bench;

import io.pactwire.ingest.Input;
import io.pactwire.ingest.InputReader;
import io.pactwire.model.ContentHash;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.topics.Topics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What ingest spends per article on its own, before the producer: a JSON line read, parsed, checked and
 * identified (content hash included), then serialized as the value of {@code news.raw}; and each of
 * those parts alone. The Kafka side is the pipeline benchmark's; this says where ingest's own time goes.
 * Scores are articles per second per thread. Run with {@code -prof gc} for bytes allocated per article.
 *
 * <p>The corpus is {@code -Dpactwire.corpus=FILE} (JSON lines; default {@code ../shared/eval/dev.jsonl},
 * the dev set, read from where it is and never copied).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IngestPathBenchmark {
    private static final int LINES = 1_000;

    /** A thousand JSON lines of the corpus as one input, and the articles ingest makes of them. */
    @State(Scope.Benchmark)
    public static class Lines {
        byte[] input;
        List<RawArticle> articles;
        InputReader reader;

        @Setup(Level.Trial)
        public void load() {
            List<String> lines = JmhCorpus.lines().stream().limit(LINES).toList();
            if (lines.size() < LINES) {
                throw new IllegalStateException("the corpus " + JmhCorpus.file() + " has fewer than " + LINES + " articles");
            }
            input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            reader = new InputReader(16L * 1024 * 1024, Clock.systemUTC());
            articles = new ArrayList<>();
            reader.readJsonLines(new ByteArrayInputStream(input), "bench", in -> {
                if (!(in instanceof Input.Article a)) {
                    throw new IllegalStateException("not an article: " + in);
                }
                articles.add(a.article());
            });
            System.out.printf("%n%d articles, %.0f bytes per JSON line%n", articles.size(), input.length / (double) LINES);
        }
    }

    /** Ingest's whole own path per article: read, parse, check, hash, serialize. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void jsonLineToRecordValue(Lines lines, Blackhole sink) {
        lines.reader.readJsonLines(new ByteArrayInputStream(lines.input), "bench", in -> {
            RawArticle article = ((Input.Article) in).article();
            sink.consume(Serdes.RAW_ARTICLE.serialize(Topics.RAW.name(), article));
        });
    }

    /** Read, parse, check and hash only. */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public void jsonLineToArticle(Lines lines, Blackhole sink) {
        lines.reader.readJsonLines(new ByteArrayInputStream(lines.input), "bench", sink::consume);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void contentHash(Lines lines, Blackhole sink) {
        for (RawArticle article : lines.articles) {
            sink.consume(ContentHash.of(article.title(), article.body()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void serialize(Lines lines, Blackhole sink) {
        for (RawArticle article : lines.articles) {
            sink.consume(Serdes.RAW_ARTICLE.serialize(Topics.RAW.name(), article));
        }
    }
}

package io.pactwire.bench;

import io.pactwire.enrich.LastResultsStore;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What the enricher asks of its last-results store for each article, in Pactwire's store
 * ({@link LastResultsStore}) against Kafka Streams' own RocksDB store with its default options: the lookup of
 * an article the store has never seen (most articles: a miss), and of one it holds (a replay, or a revision),
 * in a store holding {@value #HELD} last results of 194 bytes (the size of one without agreements), most of
 * them in files and the rest in memory. The stores alone, without the changelog and metrics layers Streams
 * wraps both in alike. Scores are look-ups per second.
 *
 * <p>Writes are not measured here: written as fast as one thread can, both stores stall while RocksDB
 * flushes, and the error bars exceed the scores; the pipeline benchmark measures them at the enricher's pace.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class LastResultsStoreBenchmark {
    private static final int HELD = 200_000;

    /** {@code pactwire}: {@link LastResultsStore}; {@code streams}: {@code Stores.persistentKeyValueStore}. */
    @Param({"pactwire", "streams"})
    public String store;

    private Path stateDir;
    private KeyValueStore<Bytes, byte[]> kv;
    private final byte[] value = new byte[194];
    private long read;

    @Setup(Level.Trial)
    public void open() throws IOException {
        stateDir = Files.createTempDirectory("pactwire-jmh-store-");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "jmh");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        kv = (store.equals("pactwire") ? LastResultsStore.supplier("last-results")
                : Stores.persistentKeyValueStore("last-results")).get();
        kv.init(new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile()).getStateStoreContext(), kv);
        fill();
    }

    private static Bytes key(String prefix, long n) {
        return Bytes.wrap((prefix + n).getBytes(StandardCharsets.UTF_8));
    }

    /** The store as a run of the enricher leaves it: {@value #HELD} articles, most in files, the last in memory. */
    private void fill() {
        for (int i = 0; i < HELD; i++) {
            kv.put(key("held-", i), value);
            if (i == HELD * 3 / 4) {
                kv.flush();
            }
        }
    }

    /** The lookup of an article the store never saw: what the enricher does first for every new article. */
    @Benchmark
    public void lookUpNew(Blackhole sink) {
        sink.consume(kv.get(key("new-", read++)));
    }

    /** The lookup of an article the store holds (a replay, or a revision). */
    @Benchmark
    public void lookUpKnown(Blackhole sink) {
        sink.consume(kv.get(key("held-", read++ % HELD)));
    }

    @TearDown(Level.Trial)
    public void close() {
        kv.close();
        try {
            Utils.delete(stateDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + stateDir, e);
        }
    }
}

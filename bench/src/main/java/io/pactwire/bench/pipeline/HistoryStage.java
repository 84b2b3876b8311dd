package io.pactwire.bench.pipeline;

import io.pactwire.config.ConfigInput;
import io.pactwire.config.PactwireConfig;
import io.pactwire.embedded.EmbeddedKafkaBroker;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.model.RawArticle;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.store.StoreConfig;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The history stage of `pactwire bench`: how a restart of each service grows with the articles already in
 * the topics. For each size, on a fresh embedded broker: news.raw filled as ingest writes it, news.enriched
 * and news.articles by the real enricher and store as processes of their own; both stopped cleanly; then
 * ingest (watching a folder that holds one new article), the enricher and the store restarted one at a time,
 * each as its own process, and measured from outside its JVM: the time to {@code /health/ready} answering
 * 200, the time to its record of that one article (ingest's in news.raw, the enricher's result, the store's),
 * which a service writes only once it has loaded its state, and its heap after a full GC ({@code jcmd}) then.
 *
 * <p>Each service gets a state folder of its own under the stage's work folder, by its key where it has one
 * ({@code enrich.state.dir}, and {@code ingest.state.dir}, {@code store.state.dir} once the services keep local
 * state) and through {@code XDG_STATE_HOME} for the defaults, so that a service's local state survives its
 * restart as it would on a host, and nothing is written outside the work folder.
 */
final class HistoryStage {
    /** The restarted services' heap limit: room for today's start, which holds the whole history in the heap. */
    static final String HEAP = "-Xmx2g";
    private static final String PREFIX = "hist-";
    /** Restarts of each service per size, the median reported: one restart on a shared machine is noise. */
    static final int RESTARTS = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final Path home;
    private final Map<String, String> settings;
    private final BenchArticles corpus;

    HistoryStage(Path home, Map<String, String> settings, BenchArticles corpus) {
        this.home = home;
        this.settings = Map.copyOf(settings);
        this.corpus = corpus;
    }

    /** Runs the stage for each size, smallest first, into {@code restarts}. */
    void run(Path work, List<Integer> sizes, Restarts restarts) throws Exception {
        long began = System.nanoTime();
        for (int articles : sizes.stream().sorted().toList()) {
            Path dir = Files.createDirectories(work.resolve("history-" + articles));
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, Duration.ofSeconds(60))) {
                run(broker.bootstrapServers(), dir, articles, restarts);
            } finally {
                Utils.delete(dir.toFile());
            }
            System.out.printf(Locale.ROOT, "history %,d: done, %.0f s since the stage began%n", articles,
                    (System.nanoTime() - began) / 1e9);
        }
        restarts.wallSeconds((System.nanoTime() - began) / 1e9);
    }

    private void run(String bootstrap, Path dir, int articles, Restarts restarts) throws Exception {
        Map<String, String> base = new HashMap<>(settings);
        base.put(PactwireConfig.BOOTSTRAP_SERVERS, bootstrap);
        IngestConfig ingestConfig = new IngestConfig(ConfigInput.of(base));
        EnrichConfig enrichConfig = new EnrichConfig(ConfigInput.of(base));
        StoreConfig storeConfig = new StoreConfig(ConfigInput.of(base));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            new TopicProvisioner(admin, storeConfig.topicSettings(), Duration.ofSeconds(60)).ensure(Topics.all());
            Offsets offsets = new Offsets(admin);
            Instant filling = Instant.now();
            fillRaw(ingestConfig, articles);
            Map<TopicPartition, Long> rawEnd = offsets.end(ingestConfig.topics().raw().name());

            ServiceProcess enrich = start(dir, "enrich", bootstrap, ServiceProcess.HEAP, stateSettings(dir, "enrich", enrichConfig));
            ServiceProcess store = start(dir, "store", bootstrap, HEAP, stateSettings(dir, "store", storeConfig));
            try {
                awaitCommitted(offsets, enrichConfig.applicationId(), rawEnd, "enriched", articles, enrich);
                Map<TopicPartition, Long> enrichedEnd = offsets.end(enrichConfig.topics().enriched().name());
                awaitCommitted(offsets, storeConfig.groupId(), enrichedEnd, "stored", articles, store);
                double seconds = Duration.between(filling, Instant.now()).toMillis() / 1000.0;
                Set<String> ids = new HashSet<>(articles * 2);
                for (int i = 0; i < articles; i++) {
                    ids.add(PREFIX + i);
                }
                ExactlyOnce.check(bootstrap, ids, "the history stage (" + articles + " articles)");
                enrich.stop();
                store.stop();
                long topicBytes = topicBytes(admin, storeConfig);
                ServiceProcess.Usage enricherUsage = enrich.usage();
                restarts.add(new Restarts.Fill(articles, seconds, topicBytes, enricherUsage.peakHeapAfterGcBytes(),
                        ServiceProcess.HEAP));
                System.out.printf(Locale.ROOT, "history %,d: filled in %.0f s, %s of topics on disk, %s free; enricher's peak"
                                + " heap after GC %s%n", articles, seconds, Restarts.mb(topicBytes),
                        Restarts.mb(Files.getFileStore(dir).getUsableSpace()), Restarts.mb(enricherUsage.peakHeapAfterGcBytes()));
            } finally {
                enrich.kill();
                store.kill();
            }

            // Each round, one article written while the services are stopped goes through the restarted pipeline:
            // ingest finds it in the folder it watches (and publishes it only once it has loaded what news.raw
            // holds), the enricher then has it as its first new record, and the store the enricher's result of it.
            Path watched = Files.createDirectories(dir.resolve("watched"));
            Map<String, List<Restarts.Restart>> rounds = new LinkedHashMap<>();
            for (int round = 0; round < RESTARTS; round++) {
                String probeId = PREFIX + "probe-" + round + "-";
                Path probeFile = watched.resolve("probe-" + round + ".jsonl");
                Files.write(probeFile, corpus.jsonLine(probeId, articles));
                // settled: read on the watch's first pass
                Files.setLastModifiedTime(probeFile, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
                String probe = probeId + articles;
                rounds.computeIfAbsent("ingest", s -> new ArrayList<>()).add(restart(dir, "ingest", articles, bootstrap,
                        stateSettings(dir, "ingest", ingestConfig), List.of("--watch", watched.toString()),
                        Probe.arm(bootstrap, ingestConfig.topics().raw().name(), probe)));
                rounds.computeIfAbsent("enrich", s -> new ArrayList<>()).add(restart(dir, "enrich", articles, bootstrap,
                        stateSettings(dir, "enrich", enrichConfig), List.of(),
                        Probe.arm(bootstrap, enrichConfig.topics().enriched().name(), probe)));
                rounds.computeIfAbsent("store", s -> new ArrayList<>()).add(restart(dir, "store", articles, bootstrap,
                        stateSettings(dir, "store", storeConfig), List.of(),
                        Probe.arm(bootstrap, storeConfig.topics().articles().name(), probe)));
            }
            rounds.values().forEach(each -> restarts.add(Restarts.Restart.median(each)));
        }
    }

    /** news.raw holds {@code articles} articles, written as ingest writes them; progress every 100,000. */
    private void fillRaw(IngestConfig config, int articles) {
        Path source = Path.of("history.jsonl").toAbsolutePath();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config.producerProperties(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < articles; i++) {
                producer.send(record(config, corpus.raw(PREFIX, i, source)), (m, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
                if ((i + 1) % 100_000 == 0) {
                    System.out.printf(Locale.ROOT, "  news.raw: %,d of %,d articles sent (%.0f s)%n", i + 1, articles,
                            (System.nanoTime() - start) / 1e9);
                }
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + articles + " articles could not be written to news.raw");
        }
    }

    /** The record ingest writes for {@code article}: key, value and headers. */
    private static ProducerRecord<byte[], byte[]> record(IngestConfig config, RawArticle article) {
        return new ProducerRecord<>(config.topics().raw().name(), null, article.id().getBytes(StandardCharsets.UTF_8),
                BenchArticles.bytes(article), BenchArticles.headers(article));
    }

    /** Waits until {@code group} has committed {@code end}, printing its progress. */
    private static void awaitCommitted(Offsets offsets, String group, Map<TopicPartition, Long> end, String what,
                                       int articles, ServiceProcess process) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        while (!offsets.caughtUp(group, end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(process.service() + " did not catch up within " + TIMEOUT + "; log: "
                        + process.logTail());
            }
            if (Instant.now().isAfter(nextProgress)) {
                System.out.printf(Locale.ROOT, "  %s: %,d of %,d offsets (%,d articles)%n", what,
                        offsets.committed(group, end.keySet()), total, articles);
                nextProgress = Instant.now().plus(PROGRESS_EVERY);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /**
     * Restarts {@code service} over {@code articles} articles of history and measures it; then stops it.
     *
     * @param probe the service's result of the article written while the services were stopped, watched for
     */
    private Restarts.Restart restart(Path dir, String service, int articles, String bootstrap, List<String> state,
                                     List<String> args, Probe probe) throws Exception {
        int port = freePort();
        List<String> all = new ArrayList<>(state);
        all.addAll(List.of("--set", PactwireConfig.METRICS_PORT + "=" + port, "--set", PactwireConfig.METRICS_HOST + "=127.0.0.1"));
        all.addAll(args);
        ServiceProcess process = start(dir, service, bootstrap, HEAP, all);
        try (Probe watched = probe) {
            long readyNanos = process.awaitReady(port, TIMEOUT);
            long firstNanos = process.sinceStart(watched.awaitSeen(TIMEOUT));
            long heap = HeapInfo.afterFullGc(process.pid());
            process.stop();
            Restarts.Restart restart = new Restarts.Restart(service, articles, readyNanos / 1_000_000, firstNanos / 1_000_000, heap);
            System.out.printf(Locale.ROOT, "history %,d: %s restarted, /health/ready 200 in %.1f s, first new record out in %.1f s,"
                    + " heap after GC %s%n", articles, service, readyNanos / 1e9, firstNanos / 1e9, Restarts.mb(heap));
            return restart;
        } finally {
            process.kill();
        }
    }

    private ServiceProcess start(Path dir, String service, String bootstrap, String heap, List<String> args) throws IOException {
        List<String> all = new ArrayList<>(args);
        settings.forEach((key, value) -> all.addAll(List.of("--set", key + "=" + value)));
        return ServiceProcess.start(home, dir, service, bootstrap, heap,
                Map.of("XDG_STATE_HOME", dir.resolve("xdg-state").toString()), all);
    }

    /**
     * The service's state folder under {@code dir}, as the flag of its state key when it has one: the enricher's
     * today, ingest's and the store's once they keep local state.
     */
    static List<String> stateSettings(Path dir, String service, PactwireConfig config) {
        String key = service + ".state.dir";
        if (!config.configDef().names().contains(key)) {
            return List.of();
        }
        return List.of("--set", key + "=" + dir.resolve(service + "-state"));
    }

    /** Bytes of the pipeline's topics in the broker's log folders. */
    private static long topicBytes(Admin admin, PactwireConfig config) throws Exception {
        Set<String> topics = Set.of(config.topics().raw().name(), config.topics().enriched().name(),
                config.topics().articles().name());
        List<Integer> brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(Node::id).toList();
        long bytes = 0;
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get(30, TimeUnit.SECONDS).values()) {
            for (LogDirDescription logDir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : logDir.replicaInfos().entrySet()) {
                    if (topics.contains(replica.getKey().topic())) {
                        bytes += replica.getValue().size();
                    }
                }
            }
        }
        return bytes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /**
     * A watch for one key in a topic from its end as it is when the watch is armed: a thread that reads it
     * (read_committed) and notes when the key first comes.
     */
    static final class Probe implements AutoCloseable {
        private final String key;
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread reader;
        private final AtomicLong seenNanos = new AtomicLong(-1);
        private volatile boolean closing;
        private volatile RuntimeException failure;

        private Probe(String bootstrap, String topic, String key) {
            this.key = key;
            this.consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed",
                    "enable.auto.commit", false), new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // the end now, not when the thread first polls
            this.reader = new Thread(this::read, "bench-probe-" + topic);
            reader.setDaemon(true); // a stage that failed before closing it still lets the benchmark exit
        }

        static Probe arm(String bootstrap, String topic, String key) {
            Probe probe = new Probe(bootstrap, topic, key);
            probe.reader.start();
            return probe;
        }

        private void read() {
            try {
                while (!closing && seenNanos.get() < 0) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        if (key.equals(record.key()) && record.value() != null) {
                            seenNanos.compareAndSet(-1, System.nanoTime());
                        }
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }

        /** The {@link System#nanoTime()} at which the key was first read. */
        long awaitSeen(Duration timeout) throws InterruptedException {
            reader.join(timeout.toMillis());
            if (failure != null) {
                throw new IllegalStateException("The probe of " + key + " failed", failure);
            }
            if (seenNanos.get() < 0) {
                throw new IllegalStateException(key + " did not come within " + timeout);
            }
            return seenNanos.get();
        }

        @Override
        public void close() throws InterruptedException {
            closing = true;
            reader.join(10_000);
        }
    }
}

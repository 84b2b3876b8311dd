package io.pactwire.bench.pipeline;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.pactwire.config.ConfigInput;
import io.pactwire.config.PactwireConfig;
import io.pactwire.embedded.EmbeddedKafkaBroker;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.ArticlePublisher;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.ingest.KnownArticles;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.ArticleText;
import io.pactwire.tagger.Tagger;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.Topics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * `pactwire bench`: every stage of the pipeline beside Kafka's own ceiling for it, in one run on an
 * embedded broker, so that the ratios (ours ÷ ceiling) mean something on a shared machine where
 * absolute figures drift. Stages: ingest against a bare producer with the same records and settings;
 * the enricher against an identity pass-through topology with the same Streams config (exactly-once and
 * at-least-once) and against its own bound (reading, tagging and writing the result, same config); the
 * store; the end-to-end latency at a fixed offered rate; the heap and CPU of each service as its own
 * process; and the history stage ({@link HistoryStage}): each service's restart over 100,000 and 1,000,000
 * articles already in the topics. The run checks its own result (every article in news.articles, once)
 * before it prints figures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the pipeline on an embedded broker, each stage beside Kafka's own ceiling.")
public final class PipelineBench implements Callable<Integer> {
    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(20);
    private static final String MARK_BEGIN = "<!-- pipeline-bench:begin -->";
    private static final String MARK_END = "<!-- pipeline-bench:end -->";
    private static final String HISTORY_BEGIN = "<!-- pipeline-bench-history:begin -->";
    private static final String HISTORY_END = "<!-- pipeline-bench-history:end -->";

    @Option(names = "--articles", defaultValue = "100000", description = "Articles per throughput stage (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--rate", defaultValue = "2000", description = "Offered rate of the latency stage, articles/s (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "30", description = "Length of the latency stage (default ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "JSON lines of articles (title, dateline, body). Default: ../shared/eval/dev.jsonl next to the"
                    + " checkout when there, else the bundled samples.")
    Path corpus;

    @Option(names = "--report", paramLabel = "FILE", description = "Markdown file whose pipeline section is rewritten"
            + " with the figures. Default: docs/performance.md of the checkout.")
    Path report;

    @Option(names = "--no-report", description = "Print the figures only.")
    boolean noReport;

    @Option(names = "--stage", paramLabel = "STAGE", description = "Run only this stage (${COMPLETION-CANDIDATES}). ingest and"
            + " enrich (with the store) print their rounds, no report: a quick look while tuning; history writes its own"
            + " section of the report and exits 1 if a target is missed.")
    OnlyStage only;

    /** The stages {@code --stage} can run alone. */
    enum OnlyStage { ingest, enrich, history }

    @Option(names = "--history", paramLabel = "N[,N...]", split = ",", defaultValue = "100000,1000000",
            description = "Articles of history the history stage restarts the services over, one fresh broker each"
                    + " (default ${DEFAULT-VALUE}).")
    List<Integer> history;

    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting for every stage, as the services take it"
            + " (enrich.threads=2, linger.ms=5, ...), to measure a setting against the defaults.")
    Map<String, String> settings = new HashMap<>();

    private final Path home = Path.of(System.getProperty("pactwire.home", ".")).toAbsolutePath().normalize();

    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelineBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.pactwire")).setLevel(Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.ERROR);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("kafka")).setLevel(Level.ERROR);
        BenchArticles corpusArticles = BenchArticles.load(
                corpus != null ? corpus : home.resolve("../shared/eval/dev.jsonl").normalize(), home.resolve("samples"));
        Path work = Files.createTempDirectory("pactwire-bench-");
        Results results = new Results(articles, rate, latencySeconds, corpusArticles.origin());
        settings.forEach((key, value) -> results.settingsText += " --set " + key + "=" + value);
        System.out.println("Pactwire pipeline benchmark: " + articles + " articles from " + corpusArticles.origin());
        if (history.stream().anyMatch(n -> n <= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--history takes positive sizes, got " + history);
        }
        if (only == OnlyStage.ingest || only == OnlyStage.enrich) {
            try {
                if (only == OnlyStage.ingest) {
                    ingestBesideBareProducer(work, corpusArticles, results);
                } else {
                    warmTagger(corpusArticles);
                    enrichBesidePassThrough(work, corpusArticles, results);
                }
            } finally {
                Utils.delete(work.toFile());
            }
            return 0;
        }
        Restarts restarts = new Restarts();
        try {
            if (only == null) {
                warmTagger(corpusArticles);
                // each stage on a broker of its own, so that none pays for what the one before left (log cleaning)
                ingestBesideBareProducer(work, corpusArticles, results);
                enrichBesidePassThrough(work, corpusArticles, results);
                try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, Duration.ofSeconds(60))) {
                    Stage stage = new Stage(broker.bootstrapServers(), work.resolve("latency"));
                    stage.createTopics();
                    latency(stage, corpusArticles, results);
                }
                try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, Duration.ofSeconds(60))) {
                    Stage stage = new Stage(broker.bootstrapServers(), work.resolve("resources"));
                    stage.createTopics();
                    servicesAsProcesses(stage, corpusArticles, results);
                }
            }
            new HistoryStage(home, settings, corpusArticles).run(work, history, restarts);
        } finally {
            Utils.delete(work.toFile());
        }
        String historyMarkdown = restarts.markdown(command(spec.commandLine().getParseResult().originalArgs()));
        Path file = report != null ? report : home.resolve("docs/performance.md");
        boolean met = restarts.targetsMet();
        if (only == null) {
            String markdown = results.markdown();
            System.out.println();
            System.out.println(markdown);
            if (!noReport) {
                writeSection(file, MARK_BEGIN, MARK_END, markdown);
            }
            met &= results.targetsMet();
        }
        System.out.println();
        System.out.println(historyMarkdown);
        if (!noReport) {
            writeSection(file, HISTORY_BEGIN, HISTORY_END, historyMarkdown);
            System.out.println("Written to " + file);
        }
        return met ? 0 : 1;
    }

    /** Settings and clients of one broker's stages. */
    private final class Stage {
        final String bootstrap;
        final Path dir;

        Stage(String bootstrap, Path dir) throws IOException {
            this.bootstrap = bootstrap;
            this.dir = Files.createDirectories(dir);
        }

        ConfigInput input(Map<String, String> extra) {
            Map<String, String> all = new HashMap<>(settings);
            all.putAll(Map.of(PactwireConfig.BOOTSTRAP_SERVERS, bootstrap, EnrichConfig.STATE_DIR, dir.resolve("state").toString()));
            all.putAll(extra);
            return ConfigInput.of(all);
        }

        Admin admin() {
            return Admin.create(Map.of("bootstrap.servers", bootstrap));
        }

        void createTopics() throws Exception {
            StoreConfig config = new StoreConfig(input(Map.of()));
            try (Admin admin = admin()) {
                new TopicProvisioner(admin, config.topicSettings(), Duration.ofSeconds(60)).ensure(Topics.all());
                // the ceilings' topics, configured as the topics they stand beside
                admin.createTopics(List.of(
                        new NewTopic(BARE_TOPIC, config.topicSettings().partitions(), config.topicSettings().replicationFactor())
                                .configs(Topics.RAW.configs(config.topicSettings())),
                        new NewTopic(BARE_READING_TOPIC, config.topicSettings().partitions(), config.topicSettings().replicationFactor())
                                .configs(Topics.RAW.configs(config.topicSettings())),
                        new NewTopic(BARE_REWRITING_TOPIC, config.topicSettings().partitions(), config.topicSettings().replicationFactor())
                                .configs(Topics.RAW.configs(config.topicSettings())),
                        new NewTopic(ReadAndTagTopology.RESULTS_OUTPUT, config.topicSettings().partitions(),
                                config.topicSettings().replicationFactor()).configs(Topics.ENRICHED.configs(config.topicSettings())),
                        new NewTopic(PassThroughTopology.OUTPUT, config.topicSettings().partitions(),
                                config.topicSettings().replicationFactor()).configs(Topics.RAW.configs(config.topicSettings()))))
                        .all().get(60, TimeUnit.SECONDS);
            }
        }
    }

    static final String BARE_TOPIC = "bench.bare";
    static final String BARE_READING_TOPIC = "bench.bare-reading";
    static final String BARE_REWRITING_TOPIC = "bench.bare-rewriting";
    static final String ENRICH_PREFIX = "bench-";

    /** The tagger's code is compiled before the enricher is measured, as the pass-through's is trivially. */
    private static void warmTagger(BenchArticles corpus) {
        Tagger tagger = Tagger.standard();
        for (int i = 0; i < 30_000; i++) {
            BenchArticles.Base base = corpus.base(i);
            tagger.tag(new ArticleText(base.title(), base.dateline(), base.body()));
        }
    }

    // ---------------------------------------------------------------- ingest

    static final int ROUNDS = 3;
    /**
     * Articles of the warm-up round of each stage. 20,000 left the JIT compiler busy through the first
     * measured round (1-4 s of compiler CPU in it, against 0.2-0.3 s in the third), taking a core from the
     * stage on a two-core machine.
     */
    private static final int WARM_UP = 50_000;

    /**
     * Ingest and the bare producer, each warmed up, then in turns, {@value #ROUNDS} rounds each: the
     * median round of each is reported, so that one round slowed by the machine decides nothing. Each
     * round has a broker of its own, so that ingest always starts on an empty news.raw (what it reads
     * of news.raw at start is measured after the last round, on its articles).
     */
    private void ingestBesideBareProducer(Path work, BenchArticles corpus, Results results) throws Exception {
        List<Measured> bares = new ArrayList<>();
        List<Measured> bareReadings = new ArrayList<>();
        List<Measured> bareRewritings = new ArrayList<>();
        List<Measured> ours = new ArrayList<>();
        for (int round = -1; round < ROUNDS; round++) {
            boolean warmUp = round < 0;
            int count = warmUp ? Math.min(WARM_UP, articles) : articles;
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, Duration.ofSeconds(60))) {
                Stage stage = new Stage(broker.bootstrapServers(), work.resolve("ingest-" + (round + 1)));
                stage.createTopics();
                IngestConfig config = new IngestConfig(stage.input(Map.of()));
                Path file = stage.dir.resolve("articles.jsonl");
                Measured bare = bare(config, corpus, "bare-", count, file, BARE_TOPIC, LineWork.NONE);
                Measured bareReading = bare(config, corpus, "bare-reading-", count, file, BARE_READING_TOPIC, LineWork.READ);
                Measured bareRewriting = bare(config, corpus, "bare-rewriting-", count, file, BARE_REWRITING_TOPIC,
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
                if (round == ROUNDS - 1) {
                    long start = System.nanoTime();
                    int known = KnownArticles.load(config.knownArticlesConsumerProperties(), config.topics().raw().name(), config.knownArticlesTimeout()).size();
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
                        + " writing them %.2fx; start-up read of news.raw %,.0f articles/s%n", ROUNDS,
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
        long cpu = processCpuNanos();
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
            return new Measured(count, bytes, elapsed, processCpuNanos() - cpu);
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Ingest's whole path: JSON lines read, articles built and identified, published, acknowledged. */
    private static Measured ingest(IngestConfig config, BenchArticles corpus, String prefix, int count, Path file) throws Exception {
        corpus.writeJsonLines(prefix, count, file);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += BenchArticles.bytes(corpus.raw(prefix, i, file)).length;
        }
        byte[] lines = Files.readAllBytes(file);
        IngestService service = new IngestService(config, Clock.systemUTC());
        ThreadCpu threads = new ThreadCpu();
        long cpu = processCpuNanos();
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
        return new Measured(count, bytes, elapsed, processCpuNanos() - cpu);
    }

    // ---------------------------------------------------------------- enrich and store

    /**
     * The enricher beside the pass-through, under both guarantees, and the store, in rounds like ingest's:
     * one on {@value #WARM_UP} articles (at most {@code articles}) to compile the code of both (the JIT compiler took most of the CPU
     * of a first run), then {@value #ROUNDS} measured on {@code articles}, each on a broker of its own
     * whose news.raw holds the round's articles; the median round of each is reported. The store folds
     * the exactly-once enricher's output, and every round checks that each of its articles is in
     * news.articles exactly once.
     */
    private void enrichBesidePassThrough(Path work, BenchArticles corpus, Results results) throws Exception {
        Map<String, List<Measured>> ours = new java.util.LinkedHashMap<>();
        Map<String, List<Measured>> passes = new java.util.LinkedHashMap<>();
        List<Measured> stores = new ArrayList<>();
        List<Measured> bounds = new ArrayList<>();
        for (int round = -1; round < ROUNDS; round++) {
            boolean warmUp = round < 0;
            int count = warmUp ? Math.min(WARM_UP, articles) : articles;
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, Duration.ofSeconds(60));
                 Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                Stage stage = new Stage(broker.bootstrapServers(), work.resolve("enrich-" + (round + 1)));
                stage.createTopics();
                ingest(new IngestConfig(stage.input(Map.of())), corpus, ENRICH_PREFIX, count, stage.dir.resolve("articles.jsonl"));
                Offsets offsets = new Offsets(admin);
                Map<TopicPartition, Long> rawEnd = offsets.end(Topics.RAW.name());
                for (String guarantee : List.of("exactly_once_v2", "at_least_once")) {
                    Measured pass = streams(config(stage, "bench-pass-", guarantee), offsets, rawEnd, count,
                            PassThroughTopology.build(), PassThroughTopology.OUTPUT);
                    Measured enrich = enricher(config(stage, "bench-enrich-", guarantee), offsets, rawEnd, count);
                    System.out.printf(Locale.ROOT, "%s enrich (%s): %,.0f articles/s (%.2f cores); pass-through %,.0f articles/s"
                                    + " (%.2f cores) (%.2fx)%n", warmUp ? "warm-up" : "round " + (round + 1), guarantee,
                            enrich.perSecond(), enrich.cores(), pass.perSecond(), pass.cores(), enrich.perSecond() / pass.perSecond());
                    if (guarantee.equals(Results.EXACTLY_ONCE)) {
                        Measured bound = streams(config(stage, "bench-bound-", guarantee), offsets, rawEnd, count,
                                ReadAndTagTopology.buildWritingResults(Tagger.standard(), Clock.systemUTC()),
                                ReadAndTagTopology.RESULTS_OUTPUT);
                        System.out.printf(Locale.ROOT, "%s the enricher's bound, reading, tagging and writing the result (%s):"
                                        + " %,.0f articles/s (%.2f cores); the enricher %.2fx of it, the bound %.2fx the"
                                        + " pass-through%n", warmUp ? "warm-up" : "round " + (round + 1), guarantee,
                                bound.perSecond(), bound.cores(), enrich.perSecond() / bound.perSecond(),
                                bound.perSecond() / pass.perSecond());
                        if (!warmUp) {
                            bounds.add(bound);
                            results.roundRatio("enrich-of-bound", enrich, bound);
                            results.roundRatio("bound", bound, pass);
                        }
                        Measured store = store(stage, offsets, count);
                        Set<String> ids = new HashSet<>();
                        for (int i = 0; i < count; i++) {
                            ids.add(ENRICH_PREFIX + i);
                        }
                        ExactlyOnce.check(stage.bootstrap, ids, "the enrich and store stages");
                        if (!warmUp) {
                            stores.add(store);
                        }
                    }
                    if (!warmUp) {
                        ours.computeIfAbsent(guarantee, g -> new ArrayList<>()).add(enrich);
                        results.roundRatio("enrich-" + guarantee, enrich, pass);
                        passes.computeIfAbsent(guarantee, g -> new ArrayList<>()).add(pass);
                    }
                }
            }
        }
        ours.forEach((guarantee, measured) -> results.enrich.put(guarantee,
                new Measured[] {Measured.median(measured), Measured.median(passes.get(guarantee))}));
        results.store = Measured.median(stores);
        results.bound = Measured.median(bounds);
        results.enrich.forEach((guarantee, pair) -> System.out.printf(Locale.ROOT,
                "enrich (%s), median of %d rounds: %,.0f articles/s; pass-through %,.0f articles/s (%.2fx)%n", guarantee, ROUNDS,
                pair[0].perSecond(), pair[1].perSecond(), results.enrichRatio(guarantee)));
        System.out.printf(Locale.ROOT, "the enricher's bound (%s), median of %d rounds: %,.0f articles/s; the enricher %.2fx of it"
                + " (target >= %.2f), the bound %.2fx the pass-through%n", Results.EXACTLY_ONCE, ROUNDS, results.bound.perSecond(),
                results.enrichOfBound(), Results.ENRICH_OF_BOUND, results.boundRatio());
        System.out.printf(Locale.ROOT, "store, median of %d rounds: %,.0f articles/s%n", ROUNDS, results.store.perSecond());
    }

    /**
     * The enricher's Streams config under {@code guarantee}, as its own application: the enricher, its bound and the
     * pass-through each get one, differing in their application id only.
     */
    private static EnrichConfig config(Stage stage, String applicationPrefix, String guarantee) {
        return new EnrichConfig(stage.input(Map.of(EnrichConfig.APPLICATION_ID, applicationPrefix + guarantee,
                EnrichConfig.PROCESSING_GUARANTEE, guarantee)));
    }

    /** A topology of the bench (a ceiling or a bound) run as a Streams app with {@code config}, reading news.raw. */
    private static Measured streams(EnrichConfig config, Offsets offsets, Map<TopicPartition, Long> end, long records,
                                    Topology topology, String output) throws Exception {
        long before = offsets.total(output);
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            return awaitDone(config, offsets, end, output, before, records, streams::start, () -> failed(streams.state()));
        }
    }

    private static Measured enricher(EnrichConfig config, Offsets offsets, Map<TopicPartition, Long> end, long records) throws Exception {
        long before = offsets.total(Topics.ENRICHED.name());
        try (EnricherApp app = new EnricherApp(config, Tagger.standard())) {
            return awaitDone(config, offsets, end, Topics.ENRICHED.name(), before, records, app::start, () -> failed(app.state()));
        }
    }

    private static boolean failed(KafkaStreams.State state) {
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN;
    }

    /**
     * Starts a Streams application and measures its processing rate from its progress: sampled every few
     * milliseconds from its first progress to its last record, so that neither its start (joining the
     * group, restoring) nor the sampling counts. Under exactly-once the progress is the input offsets
     * committed with each transaction (every 100 ms); under at-least-once they are committed only every
     * 30 s, so it is the records written to the output: one per input, and no transaction markers among them.
     */
    private static Measured awaitDone(EnrichConfig config, Offsets offsets, Map<TopicPartition, Long> end, String output,
                                      long before, long records, Runnable start, java.util.function.BooleanSupplier failed)
            throws Exception {
        Offsets.Progress progress = () -> {
            if (failed.getAsBoolean()) {
                throw new IllegalStateException(config.applicationId() + " stopped; see its log above");
            }
            return config.exactlyOnce() ? offsets.committed(config.applicationId(), end.keySet()) : offsets.total(output) - before;
        };
        ThreadCpu threads = new ThreadCpu();
        Measured measured = offsets.rate(progress, records, STAGE_TIMEOUT, config.applicationId(), start);
        System.out.println("  " + config.applicationId() + " " + measured.nanos() / 1_000_000 + " ms, CPU ms by thread: "
                + threads.since());
        return measured;
    }

    /** The store folding news.enriched, which holds one result per article of the round (and transaction markers). */
    private static Measured store(Stage stage, Offsets offsets, int articles) throws Exception {
        Map<TopicPartition, Long> end = offsets.end(Topics.ENRICHED.name());
        StoreConfig config = new StoreConfig(stage.input(Map.of(StoreConfig.GROUP_ID, "bench-store",
                StoreConfig.TRANSACTIONAL_ID, "bench-store")));
        try (ArticleStore store = new ArticleStore(config)) {
            Thread loop = new Thread(store, "bench-store");
            long cpu = processCpuNanos();
            Instant start = Instant.now();
            loop.start();
            Duration took = offsets.awaitCaughtUp("bench-store", end, start, STAGE_TIMEOUT);
            return new Measured(articles, 0, took.toNanos(), processCpuNanos() - cpu);
        }
    }

    // ---------------------------------------------------------------- latency

    private void latency(Stage stage, BenchArticles corpus, Results results) throws Exception {
        Map<String, Long> intended = new ConcurrentHashMap<>();
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        AtomicBoolean reading = new AtomicBoolean(true);
        EnrichConfig enrichConfig = new EnrichConfig(stage.input(Map.of()));
        StoreConfig storeConfig = new StoreConfig(stage.input(Map.of(StoreConfig.TRANSACTIONAL_ID, "bench-latency-store")));
        IngestConfig ingestConfig = new IngestConfig(stage.input(Map.of()));
        int total = rate * latencySeconds;
        try (EnricherApp enricher = new EnricherApp(enrichConfig, Tagger.standard());
             ArticleStore store = new ArticleStore(storeConfig);
             ArticlePublisher publisher = new ArticlePublisher(ingestConfig.producerProperties(), ingestConfig.topics().raw().name())) {
            enricher.start();
            if (!enricher.awaitRunning(Duration.ofMinutes(2))) {
                throw new IllegalStateException("the enricher did not start");
            }
            Thread storeLoop = new Thread(store, "bench-latency-store");
            storeLoop.start();
            Thread reader = new Thread(() -> readArticles(stage.bootstrap, intended, histogram, seen, duplicates, reading),
                    "bench-latency-reader");
            reader.start();
            Path file = stage.dir.resolve("latency.jsonl");
            // warm-up at the same rate, not measured
            offer(publisher, corpus, "warm-latency-", Math.min(total, rate * 5), file, new ConcurrentHashMap<>());
            long began = System.nanoTime();
            offer(publisher, corpus, "latency-", total, file, intended);
            double offered = total / ((System.nanoTime() - began) / 1e9);
            publisher.finish();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (seen.size() < total && Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            reading.set(false);
            reader.join(10_000);
            if (seen.size() != total || duplicates.get() > 0) {
                throw new IllegalStateException("latency stage: " + seen.size() + " of " + total + " articles reached "
                        + Topics.ARTICLES.name() + ", " + duplicates.get() + " twice");
            }
            results.latency = new Results.Latency(offered, histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0, total);
            System.out.printf(Locale.ROOT, "end to end at %,.0f articles/s: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    offered, results.latency.p50Millis(), results.latency.p99Millis(), results.latency.maxMillis());
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

    private static void readArticles(String bootstrap, Map<String, Long> intended, Histogram histogram, Set<String> seen,
                                     AtomicLong duplicates, AtomicBoolean reading) {
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
                        continue;
                    }
                    if (seen.add(record.key())) {
                        histogram.recordValue(Math.max(0, (now - due) / 1000));
                    } else {
                        duplicates.incrementAndGet();
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- services as processes

    /** {@code args}, then the settings of {@code --set} for a service's command line. */
    private List<String> withSettings(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        settings.forEach((key, value) -> all.addAll(List.of("--set", key + "=" + value)));
        return all;
    }

    private void servicesAsProcesses(Stage stage, BenchArticles corpus, Results results) throws Exception {
        Path file = stage.dir.resolve("resources.jsonl");
        corpus.writeJsonLines("res-", articles, file);
        List<ServiceProcess> running = new ArrayList<>();
        try {
            ServiceProcess enrich = ServiceProcess.start(home, stage.dir, "enrich", stage.bootstrap,
                    withSettings("--set", EnrichConfig.STATE_DIR + "=" + stage.dir.resolve("enrich-state")));
            running.add(enrich);
            ServiceProcess store = ServiceProcess.start(home, stage.dir, "store", stage.bootstrap, withSettings());
            running.add(store);
            enrich.awaitHealthy(Duration.ofMinutes(2));
            store.awaitHealthy(Duration.ofMinutes(2));
            Instant start = Instant.now();
            ServiceProcess ingest = ServiceProcess.start(home, stage.dir, "ingest", stage.bootstrap, withSettings(file.toString()));
            int exit = ingest.awaitExit(STAGE_TIMEOUT);
            if (exit != 0) {
                throw new IllegalStateException("ingest exited with " + exit + "; log: " + ingest.logTail());
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < articles; i++) {
                ids.add("res-" + i);
            }
            ExactlyOnce.await(stage.bootstrap, ids, STAGE_TIMEOUT, "the services run as processes");
            Duration took = Duration.between(start, Instant.now());
            enrich.stop();
            store.stop();
            results.processes = new ServiceProcess.Usage[] {ingest.usage(), enrich.usage(), store.usage()};
            results.processesSeconds = took.toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "services as processes: %d articles through the pipeline in %.1f s%n", articles,
                    results.processesSeconds);
        } finally {
            for (ServiceProcess process : running) {
                process.kill();
            }
        }
    }

    // ---------------------------------------------------------------- report

    /** The command line of a run as the report shows it: where the report went is left out. */
    static String command(List<String> args) {
        List<String> shown = new ArrayList<>(List.of("./pactwire", "bench"));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--report")) {
                i++;
            } else if (!arg.equals("--no-report") && !arg.startsWith("--report=")) {
                shown.add(arg);
            }
        }
        return String.join(" ", shown);
    }

    /** Rewrites the section of {@code file} between the two markers, or appends it. */
    static void writeSection(Path file, String markBegin, String markEnd, String markdown) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Performance\n";
        String section = markBegin + "\n" + markdown.strip() + "\n" + markEnd;
        int begin = text.indexOf(markBegin);
        int end = text.indexOf(markEnd);
        String updated = begin >= 0 && end > begin
                ? text.substring(0, begin) + section + text.substring(end + markEnd.length())
                : text.stripTrailing() + "\n\n" + section + "\n";
        Files.writeString(file, updated);
    }
}

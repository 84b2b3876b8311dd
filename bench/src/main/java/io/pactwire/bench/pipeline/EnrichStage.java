package io.pactwire.bench.pipeline;

import io.pactwire.embedded.EmbeddedKafkaBroker;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The enricher beside the identity pass-through (exactly-once and at-least-once) and against its own bound
 * ({@link ReadAndTagTopology}, the enricher's Streams config), then the store over the enricher's output: each
 * in the services' own classes ({@link EnricherApp}, {@link ArticleStore}) in this JVM, so that their CPU is
 * measured beside the pass-through's.
 */
final class EnrichStage {
    static final String PREFIX = "bench-";
    /**
     * Warm-up rounds before the measured ones. After one, the JIT compiler still spent 2.3-3.5 s of CPU while the
     * enricher ran in the first measured round (about 40% of two cores; 0.3-0.9 s in the third), and 1.0-1.5 s
     * during its bound, which runs after it: the first round measured the compiler as much as the enricher.
     */
    static final int WARM_UP_ROUNDS = 2;

    private final int articles;
    private final BenchArticles corpus;
    private final Map<String, String> settings;

    EnrichStage(int articles, BenchArticles corpus, Map<String, String> settings) {
        this.articles = articles;
        this.corpus = corpus;
        this.settings = Map.copyOf(settings);
    }

    /**
     * The enricher beside the pass-through, under both guarantees, and the store, in rounds like ingest's:
     * {@value #WARM_UP_ROUNDS} on {@value PipelineBench#WARM_UP} articles (at most {@code articles}) to compile the
     * code of all (the JIT compiler took most of the CPU of a first run), then {@value PipelineBench#ROUNDS} measured on
     * {@code articles}, each on a broker of its own whose news.raw holds the round's articles; the median round of each is reported. The store folds
     * the exactly-once enricher's output, and every round checks that each of its articles is in
     * news.articles exactly once.
     */
    void run(Path work, Results results) throws Exception {
        Map<String, List<Measured>> ours = new LinkedHashMap<>();
        Map<String, List<Measured>> passes = new LinkedHashMap<>();
        List<Measured> stores = new ArrayList<>();
        List<Measured> bounds = new ArrayList<>();
        for (int round = -WARM_UP_ROUNDS; round < PipelineBench.ROUNDS; round++) {
            boolean warmUp = round < 0;
            String name = warmUp ? "warm-up " + (round + WARM_UP_ROUNDS + 1) : "round " + (round + 1);
            int count = warmUp ? Math.min(PipelineBench.WARM_UP, articles) : articles;
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, Duration.ofSeconds(60));
                 Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                Stage stage = new Stage(broker.bootstrapServers(), work.resolve("enrich-" + (round + WARM_UP_ROUNDS)), settings);
                stage.createTopics();
                IngestStage.ingest(new IngestConfig(stage.input(Map.of())), corpus, PREFIX, count, stage.dir.resolve("articles.jsonl"));
                Offsets offsets = new Offsets(admin);
                Map<TopicPartition, Long> rawEnd = offsets.end(Topics.RAW.name());
                for (String guarantee : List.of("exactly_once_v2", "at_least_once")) {
                    Measured pass = streams(config(stage, "bench-pass-", guarantee), offsets, rawEnd, count,
                            PassThroughTopology.build(), PassThroughTopology.OUTPUT);
                    Measured enrich = enricher(config(stage, "bench-enrich-", guarantee), offsets, rawEnd, count);
                    System.out.printf(Locale.ROOT, "%s enrich (%s): %,.0f articles/s (%.2f cores); pass-through %,.0f articles/s"
                                    + " (%.2f cores) (%.2fx)%n", name, guarantee,
                            enrich.perSecond(), enrich.cores(), pass.perSecond(), pass.cores(), enrich.perSecond() / pass.perSecond());
                    if (guarantee.equals(Results.EXACTLY_ONCE)) {
                        Measured bound = streams(config(stage, "bench-bound-", guarantee), offsets, rawEnd, count,
                                ReadAndTagTopology.buildWritingResults(Tagger.standard(), Clock.systemUTC()),
                                ReadAndTagTopology.RESULTS_OUTPUT);
                        System.out.printf(Locale.ROOT, "%s the enricher's bound, reading, tagging and writing the result (%s):"
                                        + " %,.0f articles/s (%.2f cores); the enricher %.2fx of it, the bound %.2fx the"
                                        + " pass-through%n", name, guarantee,
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
                            ids.add(PREFIX + i);
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
                "enrich (%s), median of %d rounds: %,.0f articles/s; pass-through %,.0f articles/s (%.2fx)%n", guarantee, PipelineBench.ROUNDS,
                pair[0].perSecond(), pair[1].perSecond(), results.enrichRatio(guarantee)));
        System.out.printf(Locale.ROOT, "the enricher's bound (%s), median of %d rounds: %,.0f articles/s; the enricher %.2fx of it"
                + " (target >= %.2f), the bound %.2fx the pass-through%n", Results.EXACTLY_ONCE, PipelineBench.ROUNDS, results.bound.perSecond(),
                results.enrichOfBound(), Results.ENRICH_OF_BOUND, results.boundRatio());
        System.out.printf(Locale.ROOT, "store, median of %d rounds: %,.0f articles/s%n", PipelineBench.ROUNDS, results.store.perSecond());
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
        Measured measured = offsets.rate(progress, records, PipelineBench.STAGE_TIMEOUT, config.applicationId(), start);
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
            long cpu = PipelineBench.processCpuNanos();
            Instant start = Instant.now();
            store.start();
            Duration took = offsets.awaitCaughtUp("bench-store", end, start, PipelineBench.STAGE_TIMEOUT);
            return new Measured(articles, 0, took.toNanos(), PipelineBench.processCpuNanos() - cpu);
        }
    }
}

package io.pactwire.bench.pipeline;

import ch.qos.logback.classic.Level;
import io.pactwire.embedded.EmbeddedKafkaBroker;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.tagger.ArticleText;
import io.pactwire.tagger.Tagger;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

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
    static final Duration STAGE_TIMEOUT = Duration.ofMinutes(20);
    static final int ROUNDS = 3;
    /**
     * Articles of the warm-up round of each throughput stage. 20,000 left the JIT compiler busy through the
     * first measured round (1-4 s of compiler CPU in it, against 0.2-0.3 s in the third), taking a core from
     * the stage on a two-core machine.
     */
    static final int WARM_UP = 50_000;
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

    @Option(names = "--stage", paramLabel = "STAGE", description = "Run only this stage (${COMPLETION-CANDIDATES}). ingest,"
            + " enrich (with the store) and latency print their figures, no report: a quick look while tuning; history"
            + " writes its own section of the report and exits 1 if a target is missed.")
    OnlyStage only;

    /** The stages {@code --stage} can run alone. */
    enum OnlyStage { ingest, enrich, latency, history }

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
        if (only == OnlyStage.ingest || only == OnlyStage.enrich || only == OnlyStage.latency) {
            try {
                if (only == OnlyStage.ingest) {
                    new IngestStage(articles, corpusArticles, settings).run(work, results);
                } else if (only == OnlyStage.latency) {
                    latency(work, corpusArticles, results);
                } else {
                    warmTagger(corpusArticles);
                    new EnrichStage(articles, corpusArticles, settings).run(work, results);
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
                new IngestStage(articles, corpusArticles, settings).run(work, results);
                new EnrichStage(articles, corpusArticles, settings).run(work, results);
                latency(work, corpusArticles, results);
                try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, Duration.ofSeconds(60))) {
                    Stage stage = new Stage(broker.bootstrapServers(), work.resolve("resources"), settings);
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


    /** The latency stage, on a broker of its own. */
    private void latency(Path work, BenchArticles corpus, Results results) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, Duration.ofSeconds(60))) {
            Stage stage = new Stage(broker.bootstrapServers(), work.resolve("latency"), settings);
            stage.createTopics();
            new LatencyStage(home, rate, latencySeconds, corpus).run(stage, results);
        }
    }

    /** The tagger's code is compiled before the enricher is measured, as the pass-through's is trivially. */
    private static void warmTagger(BenchArticles corpus) {
        Tagger tagger = Tagger.standard();
        for (int i = 0; i < 30_000; i++) {
            BenchArticles.Base base = corpus.base(i);
            tagger.tag(new ArticleText(base.title(), base.dateline(), base.body()));
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Each service as a process of its own, the whole pipeline over {@code --articles}: heap and CPU of each. */
    private void servicesAsProcesses(Stage stage, BenchArticles corpus, Results results) throws Exception {
        Path file = stage.dir.resolve("resources.jsonl");
        corpus.writeJsonLines("res-", articles, file);
        List<ServiceProcess> running = new ArrayList<>();
        try {
            ServiceProcess enrich = ServiceProcess.start(home, stage.dir, "enrich", stage.bootstrap,
                    stage.serviceArgs("--set", EnrichConfig.STATE_DIR + "=" + stage.dir.resolve("enrich-state")));
            running.add(enrich);
            ServiceProcess store = ServiceProcess.start(home, stage.dir, "store", stage.bootstrap, stage.serviceArgs());
            running.add(store);
            enrich.awaitHealthy(Duration.ofMinutes(2));
            store.awaitHealthy(Duration.ofMinutes(2));
            Instant start = Instant.now();
            ServiceProcess ingest = ServiceProcess.start(home, stage.dir, "ingest", stage.bootstrap, stage.serviceArgs(file.toString()));
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

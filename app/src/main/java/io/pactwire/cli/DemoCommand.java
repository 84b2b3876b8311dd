package io.pactwire.cli;

import ch.qos.logback.classic.Level;
import io.pactwire.config.ClusterConfig;
import io.pactwire.config.ConfigInput;
import io.pactwire.config.ConfigSources;
import io.pactwire.config.PactwireConfig;
import io.pactwire.enrich.EnrichConfig;
import io.pactwire.enrich.EnricherApp;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.ingest.Progress;
import io.pactwire.model.AgreementStatus;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.serve.ServeConfig;
import io.pactwire.serve.ServeServer;
import io.pactwire.store.ArticleStore;
import io.pactwire.store.ArticlesView;
import io.pactwire.store.StoreConfig;
import io.pactwire.tagger.Tagger;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

@Command(name = "demo", description = {
        "Run the whole pipeline on an embedded Kafka broker over the bundled samples: start a broker in this",
        "process, create the topics, run enrich and store, ingest the samples, wait until every sample is in",
        "news.articles, print them, and stop. Exit code 0 when every sample came through. With --keep-running",
        "everything stays up, with the live view (pactwire serve) on a local port, until Ctrl-C."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--samples", paramLabel = "DIR",
            description = "Folder of articles to ingest. Default: the samples folder of the Pactwire checkout.")
    Path samples;

    @Option(names = "--keep-running",
            description = "Leave the broker and services running after the table, and print the bootstrap address"
                    + " for other clients; stop with Ctrl-C.")
    boolean keepRunning;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Client port of the embedded broker on localhost (default: any free port).")
    int port;

    @Option(names = "--serve-port", paramLabel = "PORT", defaultValue = "0",
            description = "With --keep-running, the port of the live view (pactwire serve) on 127.0.0.1 (default: any free port).")
    int servePort;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "90s",
            description = "How long to wait for every sample to reach news.articles (" + Durations.SYNTAX + "; default 90s).")
    Duration timeout;

    @Option(names = {"-v", "--verbose"}, description = "Show the services' log lines, and the stack trace of an error.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final PrintStream out = System.out;

    /**
     * A taken --port is a usage error, said in one line before the broker starts: the broker itself would
     * log it as a fatal error with four stack traces.
     */
    private void requireFreePort() {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress("localhost", port));
        } catch (java.io.IOException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option"
                    + " '--port': " + port + " cannot be used on localhost (" + e.getMessage() + "); choose another port,"
                    + " or leave --port out for any free one");
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!verbose) {
            // The table is the output; the broker's and services' routine warnings (controller activation,
            // shutdown chatter) are not news in a demo. Errors still show.
            setLevel("io.pactwire", Level.WARN);
            setLevel("org.apache.kafka", Level.ERROR);
            setLevel("kafka", Level.ERROR);
        }
        Path folder = samples != null ? samples : Path.of(System.getProperty("pactwire.home", "."), "samples");
        if (!Files.isDirectory(folder)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "samples folder " + folder.toAbsolutePath() + " does not exist (use --samples DIR)");
        }
        requireFreePort();
        long started = System.nanoTime();
        Path stateDir = Files.createTempDirectory("pactwire-demo-state-");
        List<AutoCloseable> running = new ArrayList<>();
        try {
            out.println("Starting an embedded Kafka broker...");
            DemoBroker broker;
            try {
                broker = DemoBroker.start(port, Duration.ofSeconds(60));
            } catch (DemoBroker.MissingBrokerException e) {
                System.err.println("pactwire demo: " + e.getMessage());
                return 1;
            }
            running.add(broker);
            Map<String, String> settings = new HashMap<>();
            settings.put(PactwireConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
            settings.put(EnrichConfig.STATE_DIR, stateDir.toString());
            settings.put(StoreConfig.TRANSACTIONAL_ID, "pactwire-store-demo");
            // of the environment only the metrics settings: the demo's broker and state are its own
            Map<String, String> metricsEnvironment = new HashMap<>();
            System.getenv().forEach((name, value) -> {
                if (name.equals(ConfigSources.envVarFor(PactwireConfig.METRICS_PORT))
                        || name.equals(ConfigSources.envVarFor(PactwireConfig.METRICS_HOST))) {
                    metricsEnvironment.put(name, value);
                }
            });
            ConfigInput input = new ConfigInput(Map.of(), metricsEnvironment, settings);

            ClusterConfig clusterConfig = new ClusterConfig(input);
            MetricsServer metrics = MetricsServer.start(clusterConfig);
            running.add(metrics);
            TopicSetup.ensureAll(clusterConfig);
            out.println("Broker ready at " + broker.bootstrapServers() + "; topics created.");

            EnricherApp enricher = new EnricherApp(new EnrichConfig(input), Tagger.standard());
            running.add(enricher);
            enricher.start();
            ServiceMeters.enrich(metrics, enricher);
            ServiceRunner.reportHealth(metrics, enricher);
            if (!enricher.awaitReady(Duration.ofSeconds(60))) {
                throw new IllegalStateException("The enricher did not start (state " + enricher.state() + ")");
            }
            StoreConfig storeConfig = new StoreConfig(input);
            ArticleStore store = new ArticleStore(storeConfig);
            running.add(store);
            ServiceMeters.store(metrics, store);
            ServiceRunner.reportHealth(metrics, store);
            store.start();
            out.println("Enricher and store running.");

            IngestReport report = new IngestService(new IngestConfig(input), Clock.systemUTC())
                    .run(IngestService.Sources.once(List.of(folder.toString())), ServiceMeters.ingest(metrics, Progress.NONE));
            report.rejected().forEach(r -> System.err.println("rejected " + r.source() + ": " + r.reason()));
            out.println("Ingested " + folder + ": " + report.summary());
            Set<String> ids = report.published().stream().map(IngestReport.Published::id).collect(Collectors.toSet());

            Optional<Map<String, EnrichedArticle>> view;
            try (ArticlesView articles = new ArticlesView(storeConfig.readerProperties(), storeConfig.topics().articles().name())) {
                view = articles.awaitView(v -> v.keySet().containsAll(ids), timeout);
            }
            if (view.isEmpty()) {
                System.err.println("Not every sample reached news.articles within " + timeout);
                return 1;
            }
            List<EnrichedArticle> shown = report.published().stream()
                    .sorted(java.util.Comparator.comparing(IngestReport.Published::source))
                    .map(p -> view.get().get(p.id())).distinct().toList();
            out.println();
            out.print(ArticleTable.render(shown));
            out.println();
            out.println(summary(shown, (System.nanoTime() - started) / 1e9));

            if (keepRunning) {
                ServeServer serve = new ServeServer(new ServeConfig(new ConfigInput(Map.of(), Map.of(), Map.of(
                        PactwireConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                        ServeConfig.STATE_DIR, stateDir.resolve("serve").toString(),
                        ServeConfig.HOST, "127.0.0.1",
                        ServeConfig.PORT, Integer.toString(servePort)))));
                running.add(serve);
                serve.start();
                if (!serve.awaitReady(Duration.ofSeconds(60))) {
                    throw new IllegalStateException("The live view did not start (state " + serve.state() + ")");
                }
                out.println();
                out.println("Live view: " + ServeCommand.address("127.0.0.1", serve.port()) + " (open it in a browser)");
                out.println("Kafka is at " + broker.bootstrapServers() + " (PLAINTEXT); enrich and store keep running.");
                out.println("Try: ./pactwire ingest --bootstrap-servers " + broker.bootstrapServers() + " FILE...");
                out.println("Press Ctrl-C to stop.");
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stop.countDown();
                    closeAll(running);
                    deleteQuietly(stateDir);
                }, "pactwire-demo-shutdown"));
                stop.await();
                return 0;
            }
            return report.allPublished() ? 0 : 1;
        } finally {
            if (!keepRunning) {
                closeAll(running);
                deleteQuietly(stateDir);
            }
        }
    }

    /** "3 articles, 7 countries (6 about), 6 agreements (4 signed) in 5.2 s" */
    static String summary(List<EnrichedArticle> articles, double seconds) {
        long countries = articles.stream().flatMap(a -> a.countries().stream()).map(c -> c.code()).distinct().count();
        long about = articles.stream().flatMap(a -> a.countries().stream()).filter(c -> c.about()).map(c -> c.code())
                .distinct().count();
        long agreements = articles.stream().mapToLong(a -> a.agreements().size()).sum();
        long signed = articles.stream().flatMap(a -> a.agreements().stream())
                .filter(a -> a.status() == AgreementStatus.SIGNED).count();
        return String.format(Locale.ROOT, "%d articles, %d countries (%d about), %d agreements (%d signed) in %.1f s",
                articles.size(), countries, about, agreements, signed, seconds);
    }

    private static void deleteQuietly(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (java.io.IOException e) {
            System.err.println("Could not delete " + dir + ": " + e);
        }
    }

    private static void setLevel(String logger, Level level) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(logger)).setLevel(level);
    }

    /** Closes in reverse start order: services before the broker they use. */
    private static synchronized void closeAll(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("Stopping " + running.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        running.clear();
    }
}

package io.pactwire.cli;

import io.pactwire.ingest.ConsoleProgress;
import io.pactwire.ingest.IngestConfig;
import io.pactwire.ingest.IngestReport;
import io.pactwire.ingest.IngestService;
import io.pactwire.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ingest", description = {
        "Publish articles to news.raw: files (.txt, .md, .html, .htm, .json, .jsonl, .rss, .atom, .xml), folders",
        "(recursively), http(s) URLs of web pages and RSS/Atom feeds, lists of URLs (--urls), or - for JSON lines on",
        "stdin. Articles news.raw already holds unchanged are not published again; a changed one gets the next",
        "revision. With --watch or --poll it keeps going until Ctrl-C or SIGTERM. Prints a summary at the end; exit",
        "code 0 when no input was rejected, 1 when any was (each is listed on stderr with its reason)."})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "PATH|URL", arity = "0..*",
            description = "Files, folders or http(s) URLs (pages or feeds) to publish; - for JSON lines on stdin.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--urls", paramLabel = "FILE", description = "A file of URLs to publish, one per line (# comments); repeatable.")
    List<Path> urlLists = new ArrayList<>();

    @Option(names = "--watch", description = "Keep rescanning the folders and files given, publishing new and changed files"
            + " once each has stopped changing for ingest.watch.settle.ms (2 s); stops with exit code 1 if news.raw is"
            + " deleted or created again meanwhile.")
    boolean watch;

    @Option(names = "--poll", paramLabel = "DURATION",
            description = "Read feeds and URLs again every DURATION (" + Durations.SYNTAX + ") until stopped; with"
                    + " --watch, also how often folders are rescanned (default 5s).")
    Duration poll;

    @Option(names = "--allow-private-hosts",
            description = "Allow fetching from loopback and private-network addresses (refused by default).")
    boolean allowPrivateHosts;

    @Override
    public Integer call() throws Exception {
        picocli.CommandLine commandLine = new picocli.CommandLine(this);
        boolean stdin = paths.contains("-");
        if (stdin && (paths.size() > 1 || !urlLists.isEmpty())) {
            throw new picocli.CommandLine.ParameterException(commandLine, "- (stdin) cannot be combined with paths or URLs");
        }
        if (poll != null && (poll.isNegative() || poll.isZero())) {
            throw new picocli.CommandLine.ParameterException(commandLine, "--poll must be a positive duration, got " + poll);
        }
        if (allowPrivateHosts) {
            kafka.settings.put(IngestConfig.ALLOW_PRIVATE_HOSTS, "true");
        }
        IngestConfig config = new IngestConfig(kafka.input());
        List<String> inputs = new java.util.ArrayList<>(paths);
        inputs.addAll(config.feeds());
        if (inputs.isEmpty() && urlLists.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(commandLine,
                    "give at least one PATH, URL, --urls FILE or -, or set ingest.feeds");
        }
        TopicSetup.ensure(config, Topics.Service.INGEST);
        IngestService service = new IngestService(config, Clock.systemUTC());
        IngestService.Sources sources = new IngestService.Sources(stdin ? List.of() : inputs, urlLists,
                stdin ? System.in : null, watch, poll);
        // Ctrl-C or SIGTERM ends the run after the current input; the JVM waits until the summary is printed,
        // then exits with the signal's status (130 or 143), as the other services do.
        // Only a run that keeps going serves metrics: a one-off run is over before anyone scrapes it.
        try (MetricsServer metrics = watch || poll != null ? MetricsServer.start(config) : MetricsServer.off()) {
            service.reading(sources, ServiceMeters.ingest(metrics, service, ConsoleProgress.of(System.console() != null, System.err)));
            ServiceRunner.run("ingest", service, config, metrics, config.startupTimeout(), new ServiceRunner.Hooks<>() {
                @Override
                public void started(IngestService ingest) {
                }

                @Override
                public void stopped(IngestService ingest) {
                    ingest.report().ifPresent(IngestCommand::printSummary);
                }
            });
        }
        return service.report().map(IngestReport::allPublished).orElse(false)
                && service.stoppedBecauseTopicChanged().isEmpty() ? 0 : 1;
    }

    private static void printSummary(IngestReport report) {
        if (System.console() == null && !LogFormat.json()) {
            // On a terminal the bar printed each rejection as it happened; JSON logs have an event for each.
            report.rejected().forEach(r -> System.err.println("rejected " + r.source() + ": " + r.reason()));
        }
        System.out.println(report.summary());
        System.out.flush();
    }
}

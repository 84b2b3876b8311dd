package io.pactwire.bench.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything the throughput, latency and process stages measured, the targets, and the markdown that
 * reports them. The targets (issue 20): the enricher at least {@value #ENRICH_OF_BOUND} of its own bound
 * (reading, tagging and writing the result with the same Streams config), an end-to-end p99 of at most
 * {@value #P99_MILLIS} ms at the offered rate, the enricher's heap after GC at most 256 MB.
 */
final class Results {
    static final double ENRICH_OF_BOUND = 0.8;
    static final double P99_MILLIS = 150;
    static final long ENRICHER_HEAP_BYTES = 256L * 1024 * 1024;
    static final String EXACTLY_ONCE = "exactly_once_v2";

    /** The end-to-end latency stage's figures. */
    record Latency(double offeredPerSecond, double p50Millis, double p99Millis, double maxMillis, int articles) {
    }

    final int articles;
    final int rate;
    final int latencySeconds;
    final String corpus;
    Measured ingest;
    Measured bareProducer;
    Measured bareReading;
    Measured bareRewriting;
    Measured knownArticlesLoad;
    /** By guarantee: the enricher, then the pass-through. */
    final Map<String, Measured[]> enrich = new LinkedHashMap<>();
    /** The enricher's bound: reading, tagging and writing the result, exactly-once, the enricher's Streams config. */
    Measured bound;
    /** By row, the ratio of each measured round: ours over the ceiling (or bound) of the same round. */
    final Map<String, List<Double>> roundRatios = new HashMap<>();
    Measured store;
    Latency latency;
    ServiceProcess.Usage[] processes;
    double processesSeconds;
    String settingsText = "";

    Results(int articles, int rate, int latencySeconds, String corpus) {
        this.articles = articles;
        this.rate = rate;
        this.latencySeconds = latencySeconds;
        this.corpus = corpus;
    }

    double ingestRatio() {
        return ingest.perSecond() / bareProducer.perSecond();
    }

    /** The floor of any ingest of JSON lines (the bare producer reading them) over the bare producer. */
    double bareReadingRatio() {
        return bareReading.perSecond() / bareProducer.perSecond();
    }

    /** The floor of any ingest of JSON lines into JSON records (the bare producer reading and writing them back). */
    double bareRewritingRatio() {
        return bareRewriting.perSecond() / bareProducer.perSecond();
    }

    double enrichRatio(String guarantee) {
        Measured[] pair = enrich.get(guarantee);
        return pair[0].perSecond() / pair[1].perSecond();
    }

    /** The exactly-once enricher over its own bound. */
    double enrichOfBound() {
        return enrich.get(EXACTLY_ONCE)[0].perSecond() / bound.perSecond();
    }

    /** The bound over the exactly-once pass-through: how far any enricher that writes its results gets here. */
    double boundRatio() {
        return bound.perSecond() / enrich.get(EXACTLY_ONCE)[1].perSecond();
    }

    void roundRatio(String row, Measured ours, Measured ceiling) {
        roundRatios.computeIfAbsent(row, r -> new ArrayList<>()).add(ours.perSecond() / ceiling.perSecond());
    }

    /** The ratio of the medians in bold, then each round's. */
    String ratio(double ofMedians, String row) {
        return String.format(Locale.ROOT, "**%.2f** (rounds: %s)", ofMedians, roundRatios.getOrDefault(row, List.of()).stream()
                .map(round -> String.format(Locale.ROOT, "%.2f", round)).collect(Collectors.joining(", ")));
    }

    ServiceProcess.Usage enricherUsage() {
        return processes[1];
    }

    boolean enrichTargetMet() {
        return enrichOfBound() >= ENRICH_OF_BOUND;
    }

    boolean latencyTargetMet() {
        return latency.p99Millis() <= P99_MILLIS;
    }

    boolean heapTargetMet() {
        return enricherUsage().peakHeapAfterGcBytes() <= ENRICHER_HEAP_BYTES;
    }

    boolean targetsMet() {
        return enrichTargetMet() && latencyTargetMet() && heapTargetMet();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### The last run\n\n");
        md.append(String.format(Locale.ROOT, "`./pactwire bench --articles %d --rate %d --latency-seconds %d%s`, %s, "
                        + "%d cores, Java %s, %s; one process, embedded brokers, each stage beside Kafka's own ceiling"
                        + " for it in the same run. Articles: %s. Throughput is the median of %d rounds after warm-up"
                        + " rounds (ingest one, enrich %d), each round on a fresh broker; cores are the process's CPU time over the round's time"
                        + " (broker included), and CPU per article is that time over the articles. A ratio is that of"
                        + " the medians, then, in brackets, that of each round to the ceiling of the same round.%n%n",
                articles, rate, latencySeconds, settingsText, LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.arch"), corpus, PipelineBench.ROUNDS,
                EnrichStage.WARM_UP_ROUNDS));
        md.append("| stage | Pactwire | beside, same run | ratio | target |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        Measured eosPass = enrich.get(EXACTLY_ONCE)[1];
        md.append(String.format(Locale.ROOT, "| enrich, %s | %s | its own bound: reading, tagging and writing the result"
                        + " (no agreements, no store), the enricher's Streams config: %s | %s | >= %.2f %s |%n",
                EXACTLY_ONCE, figures(enrich.get(EXACTLY_ONCE)[0]), figures(bound), ratio(enrichOfBound(), "enrich-of-bound"),
                ENRICH_OF_BOUND, mark(enrichTargetMet())));
        for (Map.Entry<String, Measured[]> e : enrich.entrySet()) {
            md.append(String.format(Locale.ROOT, "| enrich, %s | %s | identity pass-through, same config: %s | %s | - |%n",
                    e.getKey(), figures(e.getValue()[0]), figures(e.getValue()[1]),
                    ratio(enrichRatio(e.getKey()), "enrich-" + e.getKey())));
        }
        md.append(String.format(Locale.ROOT, "| the enricher's bound, %s | %s | identity pass-through, same config: %s | %s | - |%n",
                EXACTLY_ONCE, figures(bound), figures(eosPass), ratio(boundRatio(), "bound")));
        md.append(String.format(Locale.ROOT, "| ingest: JSON lines to acknowledged news.raw records | %s, %.1f MB/s"
                        + " | bare producer, same records, headers and settings: %s, %.1f MB/s | %s | - |%n",
                figures(ingest), ingest.megabytesPerSecond(), figures(bareProducer), bareProducer.megabytesPerSecond(),
                ratio(ingestRatio(), "ingest")));
        md.append(String.format(Locale.ROOT, "| bound on ingest: the bare producer reading each JSON line first (Jackson's"
                        + " streaming parser, every string made a String), nothing else | %s | bare producer: %s | %s | - |%n",
                figures(bareReading), figures(bareProducer), ratio(bareReadingRatio(), "bare-reading")));
        md.append(String.format(Locale.ROOT, "| bound on ingest: the bare producer reading each JSON line and writing it back"
                        + " (Jackson's streaming parser and generator), nothing else | %s | bare producer: %s | %s | - |%n",
                figures(bareRewriting), figures(bareProducer), ratio(bareRewritingRatio(), "bare-rewriting")));
        md.append(String.format(Locale.ROOT, "| store: news.enriched folded into news.articles, transactional | %s | - | - | - |%n",
                figures(store)));
        md.append(String.format(Locale.ROOT, "| ingest's start: reading what news.raw holds (%,d articles) | %,.0f articles/s"
                + " | - | - | - |%n", knownArticlesLoad.records(), knownArticlesLoad.perSecond()));
        md.append(String.format(Locale.ROOT, "| end to end, ingest to news.articles (read_committed), %,.0f articles/s offered for"
                        + " %d s | p50 %.0f ms, p99 **%.0f ms**, max %.0f ms | - | - | p99 <= %.0f ms %s |%n",
                latency.offeredPerSecond(), latencySeconds, latency.p50Millis(), latency.p99Millis(), latency.maxMillis(),
                P99_MILLIS, mark(latencyTargetMet())));
        md.append("\nEach service as its own process (`").append(ServiceProcess.HEAP).append("`, the services' defaults), ")
                .append(articles).append(String.format(Locale.ROOT, " articles through the whole pipeline in %.1f s:%n%n",
                        processesSeconds));
        md.append("| service | peak heap after GC (live data) | peak heap in use | heap limit | CPU time |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        for (ServiceProcess.Usage usage : processes) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f s |%n", usage.service(),
                    Restarts.mb(usage.peakHeapAfterGcBytes()), Restarts.mb(usage.peakHeapUsedBytes()),
                    Restarts.mb(usage.maxHeapBytes()), usage.cpuMillis() / 1000.0));
        }
        md.append(String.format(Locale.ROOT, "%nEnricher heap over %d articles: %s after GC, target <= 256 MB %s.%n",
                articles, Restarts.mb(enricherUsage().peakHeapAfterGcBytes()), mark(heapTargetMet())));
        md.append("\nChecked before these figures were written: every article of each enrich and store round, of the"
                + " latency stage and of the process stage is in news.articles exactly once (read_committed).\n");
        return md.toString();
    }

    /** Articles per second, cores used, CPU per article. */
    private static String figures(Measured m) {
        return String.format(Locale.ROOT, "%,.0f /s (%.2f cores, %.0f µs CPU per article)", m.perSecond(), m.cores(),
                m.cpuNanos() / 1000.0 / m.records());
    }

    static String mark(boolean met) {
        return Restarts.mark(met);
    }
}

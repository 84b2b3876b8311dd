package io.pactwire.bench.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the history stage measured: each service's restart over each size of history, and how its restart
 * grows with the history. The target (issue 20): with 10x the history, a restart takes at most
 * {@value #MAX_GROWTH}x the time and the heap after GC.
 */
final class Restarts {
    static final double MAX_GROWTH = 1.5;
    /** The history grows by at least this factor between the two sizes a target compares. */
    static final long TARGET_FACTOR = 10;

    /**
     * One restart of a service over {@code articles} articles of history, timed from outside its JVM.
     *
     * @param readyMillis       from the process's start to {@code /health/ready} answering 200
     * @param firstRecordMillis from the process's start to its record of the article written while the services were
     *                          stopped (ingest's, the enricher's result, the store's), or -1 when none was watched for
     * @param heapAfterGcBytes  its heap after a full GC, once ready and that record is out
     */
    record Restart(String service, long articles, long readyMillis, long firstRecordMillis, long heapAfterGcBytes) {
        /** Until it was ready and had handled its first new record: its restart. */
        long restartMillis() {
            return Math.max(readyMillis, firstRecordMillis);
        }

        /** Of restarts of one service over one history: the median restart, and the median heap after GC. */
        static Restart median(List<Restart> restarts) {
            if (restarts.isEmpty() || restarts.stream().map(r -> r.service() + "/" + r.articles()).distinct().count() != 1) {
                throw new IllegalArgumentException("not restarts of one service over one history: " + restarts);
            }
            Restart median = middle(restarts, Comparator.comparingLong(Restart::restartMillis));
            Restart heap = middle(restarts, Comparator.comparingLong(Restart::heapAfterGcBytes));
            return new Restart(median.service(), median.articles(), median.readyMillis(), median.firstRecordMillis(),
                    heap.heapAfterGcBytes());
        }

        private static Restart middle(List<Restart> restarts, Comparator<Restart> order) {
            List<Restart> sorted = new ArrayList<>(restarts);
            sorted.sort(order);
            return sorted.get(sorted.size() / 2);
        }
    }

    /** How one service's restart grew from {@code fewer} to {@code more} articles of history. */
    record Growth(String service, long fewer, long more, double time, double heap) {
        /** True when the history grew enough ({@value #TARGET_FACTOR}x) for the target to apply. */
        boolean targeted() {
            return more >= TARGET_FACTOR * fewer;
        }

        boolean met() {
            return time <= MAX_GROWTH && heap <= MAX_GROWTH;
        }
    }

    /**
     * How the pipeline's topics were filled for one size.
     *
     * @param seconds            from the first record of news.raw to the last article in news.articles
     * @param topicBytes         the pipeline's topics on the broker's disk then
     * @param enricherHeapBytes  the enricher's peak heap after GC over them (as a process of its own)
     */
    record Fill(long articles, double seconds, long topicBytes, long enricherHeapBytes, String enricherHeapLimit) {
    }

    private final List<Restart> restarts = new ArrayList<>();
    private final Map<Long, Fill> fills = new LinkedHashMap<>();
    private double wallSeconds;

    void add(Restart restart) {
        restarts.add(restart);
    }

    void add(Fill fill) {
        fills.put(fill.articles(), fill);
    }

    void wallSeconds(double seconds) {
        wallSeconds = seconds;
    }

    List<Restart> restarts() {
        return List.copyOf(restarts);
    }

    /** Per service, in the order first measured, its growth from the fewest articles to the most; none with one size. */
    List<Growth> growth() {
        Map<String, List<Restart>> byService = new LinkedHashMap<>();
        restarts.forEach(r -> byService.computeIfAbsent(r.service(), s -> new ArrayList<>()).add(r));
        List<Growth> growth = new ArrayList<>();
        byService.forEach((service, list) -> {
            Restart fewest = list.stream().min(Comparator.comparingLong(Restart::articles)).orElseThrow();
            Restart most = list.stream().max(Comparator.comparingLong(Restart::articles)).orElseThrow();
            if (most.articles() > fewest.articles()) {
                growth.add(new Growth(service, fewest.articles(), most.articles(),
                        most.restartMillis() / (double) Math.max(1, fewest.restartMillis()),
                        most.heapAfterGcBytes() / (double) Math.max(1, fewest.heapAfterGcBytes())));
            }
        });
        return growth;
    }

    /** False when a growth the target applies to is over it, or the enricher's heap over a history is over 256 MB. */
    boolean targetsMet() {
        return growth().stream().filter(Growth::targeted).allMatch(Growth::met)
                && fills.values().stream().allMatch(Restarts::enricherHeapMet);
    }

    private static boolean enricherHeapMet(Fill fill) {
        return fill.enricherHeapBytes() <= Results.ENRICHER_HEAP_BYTES;
    }

    String markdown(String command) {
        StringBuilder md = new StringBuilder();
        md.append("### History: restarts over the articles already in the topics\n\n");
        md.append(String.format(Locale.ROOT, "`%s`, %d cores, Java %s; %.0f s in all. For each size, a fresh embedded"
                        + " broker; news.raw filled by a producer with ingest's settings, record shape and headers;"
                        + " news.enriched and news.articles by the enricher and the store as processes of their own;"
                        + " both stopped cleanly, then ingest (watching a folder that holds one new article), the enricher"
                        + " and the store restarted one at a time as processes (`%s`), timed from outside: from the"
                        + " process's start to `/health/ready` answering 200, and to its record of that article (ingest's"
                        + " in news.raw, the enricher's result, the store's), written only once the service has loaded its"
                        + " state; the restart is the later of the two. Then `jcmd PID GC.run` and `GC.heap_info`. Each"
                        + " service is restarted %d times over each history (one new article each time): the median"
                        + " restart and the median heap.%n%n", command,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), wallSeconds,
                HistoryStage.HEAP, HistoryStage.RESTARTS));
        md.append("| articles | filled in | topics on disk | enricher's peak heap after GC while filling |\n");
        md.append("| --- | --- | --- | --- |\n");
        fills.values().forEach(fill -> md.append(String.format(Locale.ROOT, "| %,d | %.0f s | %s | %s (`%s`), target <= 256 MB %s |%n",
                fill.articles(), fill.seconds(), mb(fill.topicBytes()), mb(fill.enricherHeapBytes()), fill.enricherHeapLimit(),
                mark(enricherHeapMet(fill)))));
        md.append("\n| service | articles | ready | first new record handled | restart | heap after GC |\n");
        md.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Restart r : restarts) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | **%s** | **%s** |%n", r.service(), r.articles(),
                    seconds(r.readyMillis()), r.firstRecordMillis() < 0 ? "-" : seconds(r.firstRecordMillis()),
                    seconds(r.restartMillis()), mb(r.heapAfterGcBytes())));
        }
        List<Growth> growth = growth();
        if (!growth.isEmpty()) {
            md.append("\n| service | history | restart time | heap after GC | target |\n");
            md.append("| --- | --- | --- | --- | --- |\n");
            for (Growth g : growth) {
                md.append(String.format(Locale.ROOT, "| %s | %,d → %,d (%.0fx) | **%.2fx** | **%.2fx** | %s |%n", g.service(),
                        g.fewer(), g.more(), g.more() / (double) g.fewer(), g.time(), g.heap(),
                        g.targeted() ? String.format(Locale.ROOT, "<= %.1fx both %s", MAX_GROWTH, mark(g.met()))
                                : "- (history grew less than " + TARGET_FACTOR + "x)"));
            }
        }
        return md.toString();
    }

    static String mark(boolean met) {
        return met ? "(met)" : "(**not met**)";
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

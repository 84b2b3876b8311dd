package io.pactwire.ingest;

import io.pactwire.runtime.LogFields;
import io.pactwire.config.ClusterAccessException;
import io.pactwire.runtime.Failure;
import io.pactwire.runtime.Health;
import io.pactwire.runtime.Incarnations;
import io.pactwire.runtime.Service;
import io.pactwire.runtime.TopicWatch;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Ingest: reads inputs and publishes them to {@code news.raw}.
 *
 * <p>Output: {@code news.raw}, key = article id (string), value = {@code RawArticle} JSON, headers
 * {@code pactwire.schema}, {@code content-type}, {@code pactwire.source}. Guarantee: every input is
 * published once (idempotent producer, {@code acks=all}), found unchanged, or reported rejected with its
 * reason. An article whose id {@code news.raw} already holds with the same content hash is not published
 * again; one whose content changed is published with the next revision number ({@link KnownArticles}).
 *
 * <p>A run reads its sources once, or, with {@link Sources#watch()} or {@link Sources#poll()}, keeps
 * reading them until {@link #stop()}: folders are rescanned for new and changed files, feeds and URLs
 * fetched again, and only what is new or changed is read and published. A watched file is read only once it
 * has stopped changing for {@code ingest.watch.settle.ms} ({@link SettledFiles}), so a file caught while it
 * is being written is not published truncated.
 *
 * <p>The path of an input, each step a unit of its own, tested without a broker: {@link Source} (what kind of
 * source an argument names) → {@link InputReader} (reading files, folders, URLs and, with {@link FeedItems}, feeds)
 * → {@link Extraction} (with {@link TextExtractor}, {@link HtmlExtractor}, {@link FeedReader}) → {@link ArticleFactory} (the
 * article: id, limits, dates) → {@link Decider} (the revision decision, {@link Revisions#decide}, against
 * {@link KnownArticles}) → {@link ArticlePublisher}. {@link Tally} counts each input in when it is read and out
 * where its outcome happens; {@link ReadAgain} keeps a source polled again unchanged from counting twice;
 * {@link Handoff} joins the two threads. This class is the shell around them: the passes over the sources
 * ({@link Sources#action}) on the calling thread, the decisions and sends on a publishing thread, readiness and
 * stopping.
 */
public final class IngestService implements Service {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final Duration DEFAULT_WATCH_INTERVAL = Duration.ofSeconds(5);
    /** The shortest wait between passes while a file settles, however short the settle interval. */
    private static final Duration MIN_SETTLE_WAIT = Duration.ofMillis(100);

    /**
     * What to read.
     *
     * @param arguments files, folders and http(s) URLs, in order
     * @param urlLists  files of URLs, one per line
     * @param stdin     JSON lines on stdin, or null
     * @param watch     keep rescanning the folders and files for new and changed ones
     * @param poll      how often to read the sources again (feeds, URLs and, with watch, folders); null for
     *                  once, or every 5 s for watch alone
     */
    public record Sources(List<String> arguments, List<Path> urlLists, InputStream stdin, boolean watch, Duration poll) {
        public Sources {
            arguments = List.copyOf(arguments);
            urlLists = List.copyOf(urlLists);
        }

        /** The given files, folders and URLs, read once. */
        public static Sources once(List<String> arguments) {
            return new Sources(arguments, List.of(), null, false, null);
        }

        boolean repeats() {
            return watch || poll != null;
        }

        Duration interval() {
            return poll != null ? poll : DEFAULT_WATCH_INTERVAL;
        }

        /**
         * What a pass does with one source. A URL is read at the first pass and, with --poll, at every full pass.
         * With --watch a local path is watched ({@link SettledReading}: only its new and changed files that have
         * settled are read), from the first pass when it is there and from the next ones when it was not yet.
         * Otherwise a local path is read at the first pass (one that is not there is then rejected) and a feed file
         * again at every full pass with --poll. URL lists are read when URLs are; stdin at the first pass only.
         *
         * @param exists whether a local path is there now (asked only at the first pass of a watch)
         */
        Action action(Source source, Pass pass, boolean exists) {
            boolean first = pass == Pass.FIRST;
            if (source instanceof Source.Local local) {
                if (watch && (!first || exists)) {
                    return Action.WATCH;
                }
                return first || readsUrls(pass) && local.isFeedFile() ? Action.READ : Action.NONE;
            }
            return readsUrls(pass) ? Action.READ : Action.NONE;
        }

        /** Whether a pass reads URLs, and the URL lists: the first one, and every full one with --poll. */
        boolean readsUrls(Pass pass) {
            return pass == Pass.FIRST || pass == Pass.FULL && poll != null;
        }
    }

    /** Which sources a pass reads. */
    enum Pass {
        /** Everything given. */
        FIRST,
        /** Every interval: watched folders and, with --poll, feeds and URLs again. */
        FULL,
        /** Between full passes while a watched file settles: the watched folders only. */
        SETTLE
    }

    /** What a pass does with one source ({@link Sources#action}). */
    enum Action {
        /** Read it whole, as given. */
        READ,
        /** Read what of it is new or changed and has settled. */
        WATCH,
        /** Leave it for a later pass. */
        NONE
    }

    private final IngestConfig config;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String topicChanged;
    /** Why the service is not ready to publish, or null once it is (see {@link #notReady()}). */
    private volatile String notReady = "ingest is starting";
    private volatile Consumer<org.apache.kafka.clients.producer.Producer<?, ?>> producerListener = producer -> { };
    /** What ingest knows of news.raw, once opened by a run. */
    private volatile KnownArticles known;

    public IngestService(IngestConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records of news.raw read into ingest's local state ({@code ingest.state.dir}) by this service's runs: at a start
     * only what news.raw gained since the last run, then this run's own sends read back; 0 before a run opened it.
     */
    public long stateRecordsRead() {
        KnownArticles current = known;
        return current == null ? 0 : current.recordsReadSinceOpen();
    }

    /** Publishes the articles of the given files and folders. */
    public IngestReport ingest(List<Path> paths) {
        return run(Sources.once(paths.stream().map(Path::toString).toList()), Progress.NONE);
    }

    /** Publishes the articles of JSON lines read from a stream. */
    public IngestReport ingestJsonLines(InputStream in, String sourceName) {
        InputReader reader = new InputReader(config, clock);
        return publishing(Progress.NONE, sink -> reader.readJsonLines(in, sourceName, sink), false);
    }

    /** Reads the sources, once or until {@link #stop()}, and publishes what is new or changed. */
    public IngestReport run(Sources sources, Progress progress) {
        InputReader reader = new InputReader(config, clock);
        return publishing(progress, run -> {
            SettledReading watched = new SettledReading(reader, config.watchSettle(), clock);
            pass(reader, sources, run, watched, Pass.FIRST);
            progress.passDone();
            Duration untilFull = sources.interval();
            while (sources.repeats()) {
                // A file waiting to settle is looked at again once it may have, not a whole --poll later (PT5M
                // in compose); feeds and URLs are still read only every interval.
                Duration wait = watched.waiting() ? min(untilFull, max(config.watchSettle(), MIN_SETTLE_WAIT)) : untilFull;
                long started = System.nanoTime();
                if (awaitStop(wait)) {
                    break;
                }
                untilFull = untilFull.minusNanos(System.nanoTime() - started);
                boolean full = untilFull.isNegative() || untilFull.isZero();
                pass(reader, sources, run, watched, full ? Pass.FULL : Pass.SETTLE);
                if (full) {
                    untilFull = sources.interval();
                }
                progress.passDone();
            }
        }, sources.repeats());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Why a watching or polling run stopped by itself, if it did: news.raw was deleted, or deleted and created
     * again, under it. What the run knows of news.raw (hashes and revisions) then describes a topic that is
     * gone, and it would skip as unchanged articles the new topic never got; a new run reads the new topic.
     */
    public Optional<String> stoppedBecauseTopicChanged() {
        return Optional.ofNullable(topicChanged);
    }

    /** Asks a running {@link #run} to stop after the input it is reading; see {@link #awaitFinished}. */
    public void stop() {
        stopped.countDown();
    }

    /**
     * Why this service cannot publish now, or empty when it can: until it has read what news.raw holds, once its
     * producer has given up on Kafka or news.raw changed under it, and after its run has finished.
     */
    public Optional<String> notReady() {
        return Optional.ofNullable(notReady);
    }

    /** Called with the producer of each run once it exists, for example to bind its metrics. */
    public void onProducer(Consumer<org.apache.kafka.clients.producer.Producer<?, ?>> listener) {
        this.producerListener = listener;
    }

    /** Waits until a run has finished after {@link #stop()}; true if it did within the timeout. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    // The Service lifecycle, as thin methods over run(), stop() and awaitFinished(): the CLI's runner runs ingest by
    // them. A run started by start() reads what reading() was given; its report is report() once it has stopped.
    private final CountDownLatch readyOnce = new CountDownLatch(1);
    private final CountDownLatch ranOut = new CountDownLatch(1);
    private volatile Sources toRead;
    private volatile Progress toTell = Progress.NONE;
    private volatile IngestReport report;
    private volatile Failure failedWith;
    private volatile boolean started;

    /** What {@link #start()} reads, and whom it tells of its progress. */
    public IngestService reading(Sources sources, Progress progress) {
        this.toRead = sources;
        this.toTell = progress;
        return this;
    }

    @Override
    public String name() {
        return "ingest";
    }

    /** Runs {@link #run} over what {@link #reading} gave, in a thread of its own. */
    @Override
    public void start() {
        Sources sources = java.util.Objects.requireNonNull(toRead, "what to read (reading(...)) before start()");
        started = true;
        Thread running = new Thread(() -> {
            try {
                report = run(sources, toTell);
            } catch (RuntimeException e) {
                failedWith = io.pactwire.runtime.FailurePolicy.classify(e, config);
            } finally {
                readyOnce.countDown();
                ranOut.countDown();
            }
        }, "pactwire-ingest");
        running.start();
    }

    /** Waits until it has read what news.raw holds and can publish; false if it finished first or the time ran out. */
    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return readyOnce.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && notReady == null;
    }

    /** Ready while it can publish; stopped once its run has finished; otherwise why not (see {@link #notReady()}). */
    @Override
    public Health health() {
        String why = notReady;
        if (finished.getCount() == 0 || ranOut.getCount() == 0) {
            return Health.of(Health.Status.STOPPED, why == null ? "ingest has finished" : why);
        }
        if (why == null) {
            return Health.ready();
        }
        return Health.of(readyOnce.getCount() > 0 ? Health.Status.STARTING : Health.Status.NOT_READY, why);
    }

    /**
     * Waits until the run started by {@link #start()} has ended: finished or stopped (empty; its {@link #report()}
     * and {@link #stoppedBecauseTopicChanged()} tell how), or failed (the failure).
     */
    @Override
    public Optional<Failure> awaitStopped() throws InterruptedException {
        ranOut.await();
        return Optional.ofNullable(failedWith);
    }

    /** The report of the run started by {@link #start()}, once it has ended without failing. */
    public Optional<IngestReport> report() {
        return Optional.ofNullable(report);
    }

    /** Stops the run after the input it is reading and waits at most {@code timeout} for it to finish. */
    @Override
    public boolean close(Duration timeout) {
        stop();
        if (!started) {
            return true;
        }
        try {
            return ranOut.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean awaitStop(Duration interval) {
        try {
            return stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void pass(InputReader reader, Sources sources, Consumer<Input> run, SettledReading watched, Pass kind) {
        for (String argument : sources.arguments()) {
            if (stopped.getCount() == 0) {
                return;
            }
            Source source = Source.of(argument);
            boolean exists = kind == Pass.FIRST && source instanceof Source.Local local && Files.exists(local.path());
            switch (sources.action(source, kind, exists)) {
                // Stamped before reading: a file written while it is read is seen as changed by the next pass, never
                // as already read.
                case WATCH -> watched.read(((Source.Local) source).path(), kind == Pass.FIRST, run);
                case READ -> reader.read(source, run);
                case NONE -> { }
            }
        }
        if (sources.readsUrls(kind)) {
            for (Path list : sources.urlLists()) {
                reader.readUrlList(list, run);
            }
        }
        if (kind == Pass.FIRST && sources.stdin() != null) {
            reader.readJsonLines(sources.stdin(), "stdin", run);
        }
    }

    /**
     * Runs {@code body}, which reads inputs into the sink it is given, on this thread, and decides and
     * publishes them on another, in the order read: reading and parsing (with the content hash) take
     * about as long as deciding, serializing and sending, so a bulk load goes about twice as fast on two
     * cores. What is already in news.raw is read by the publishing thread while this one starts reading.
     */
    private IngestReport publishing(Progress progress, Consumer<Consumer<Input>> body, boolean repeating) {
        try {
            return publishingOnTwoThreads(progress, body, repeating);
        } catch (RuntimeException e) {
            throw ClusterAccessException.explain(e, config); // a refused login or ACL is fatal: say which and where
        }
    }

    private IngestReport publishingOnTwoThreads(Progress progress, Consumer<Consumer<Input>> body, boolean repeating) {
        Tally tally = new Tally(progress);
        Handoff handoff = new Handoff();
        // opened on the publishing thread, closed here once every send is acknowledged or failed
        AtomicReference<KnownArticles> opened = new AtomicReference<>();
        // read before news.raw itself, so that a topic recreated while it is read is seen as changed
        TopicWatch rawWatch = repeating ? watchRawTopic() : null;
        try (ArticlePublisher publisher = new ArticlePublisher(config.producerProperties(), config.topics().raw().name())) {
            producerListener.accept(publisher.producer());
            publisher.onDead(why -> {
                notReady = "ingest cannot publish to Kafka: " + why;
                if (repeating) {
                    // A watching or polling run would reject every input from now on: stop, so that a restart
                    // (compose restarts it) reads them again once Kafka is back; what was published is then found
                    // unchanged.
                    log.atError().addKeyValue(LogFields.REASON, why).log("Stopping ingest: {}", why);
                    stop();
                }
            });
            Thread publishing = new Thread(() -> handoff.drain(() -> {
                notReady = "ingest is reading what " + config.topics().raw().name() + " holds";
                KnownArticles known = KnownArticles.open(config);
                opened.set(known);
                this.known = known;
                if (publisher.deadBecause().isEmpty() && topicChanged == null) {
                    notReady = null;
                    readyOnce.countDown();
                }
                return new Decider(known, publisher, tally);
            }), "pactwire-ingest-publisher");
            publishing.setDaemon(true);
            publishing.start();
            Consumer<Input> read = input -> {
                tally.received(input);
                handoff.put(input);
            };
            try {
                body.accept(repeating ? new ReadAgain(read) : read);
                handoff.end();
                join(publishing, null);
                handoff.rethrowFailure();
            } finally {
                if (publishing.isAlive()) { // reading failed: the publishing thread stops at its next input
                    handoff.abandon();
                    join(publishing, config.knownArticlesTimeout().plusSeconds(30));
                }
                try {
                    publisher.finish(); // every send acknowledged or failed, and so counted
                } finally {
                    if (opened.get() != null) {
                        closeKnown(opened.get(), publisher);
                    }
                }
            }
        } finally {
            if (rawWatch != null) {
                rawWatch.close();
            }
            notReady = "ingest has finished";
            finished.countDown();
        }
        IngestReport report = tally.report();
        if (tally.unaccounted() != 0) {
            log.error("Ingest lost count: {} inputs read have no outcome ({}); this is a bug", tally.unaccounted(),
                    report.summary());
        }
        log.info("Ingest done: {}", report.summary());
        return report;
    }

    /**
     * Once every send is acknowledged or failed: a clean close reads back what this run published, so that the
     * next start reads nothing of it; after a failure (Kafka unreachable, news.raw changed) the index is only
     * released, and the next start reads from its checkpoint.
     */
    private void closeKnown(KnownArticles known, ArticlePublisher publisher) {
        if (publisher.deadBecause().isEmpty() && topicChanged == null) {
            known.close();
        } else {
            known.release();
        }
    }

    /**
     * Watches, for a run that goes on (--watch, --poll), that news.raw stays the topic it read at start; when
     * it is deleted or created again the run stops after the current input with one ERROR.
     */
    private TopicWatch watchRawTopic() {
        Incarnations expected;
        try (Admin admin = Admin.create(config.adminProperties())) {
            expected = Incarnations.read(admin, List.of(config.topics().raw().name()), config.knownArticlesTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the id of " + config.topics().raw().name(), e);
        }
        return TopicWatch.start("ingest", config.adminProperties(), expected, TopicWatch.DEFAULT_PERIOD, what -> {
            topicChanged = what;
            notReady = "ingest stopped: " + what;
            log.atError().addKeyValue(LogFields.REASON, what).log("Stopping ingest: {}, while it ran. What it knows of {} (which articles it holds, at which"
                    + " revision) describes a topic that is gone; start ingest again to read the new topic and publish"
                    + " every input it lacks.", what, config.topics().raw().name());
            stop();
        });
    }

    /** Waits for {@code thread} to end, at most {@code timeout} (null: for ever). */
    private static void join(Thread thread, Duration timeout) {
        try {
            if (timeout == null) {
                thread.join();
            } else {
                thread.join(timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }
}

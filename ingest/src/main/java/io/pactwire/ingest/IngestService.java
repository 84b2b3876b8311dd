package io.pactwire.ingest;

import io.pactwire.runtime.LogFields;
import io.pactwire.config.ClusterAccessException;
import io.pactwire.model.RawArticle;
import io.pactwire.runtime.Incarnations;
import io.pactwire.runtime.TopicWatch;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 */
public final class IngestService {
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
    }

    private final IngestConfig config;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String topicChanged;
    /** Why the service is not ready to publish, or null once it is (see {@link #notReady()}). */
    private volatile String notReady = "ingest is starting";
    private volatile Consumer<org.apache.kafka.clients.producer.Producer<?, ?>> producerListener = producer -> { };

    public IngestService(IngestConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
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
        reader.onExpecting(progress::expect);
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

    /** Which sources a pass reads. */
    private enum Pass {
        /** Everything given. */
        FIRST,
        /** Every interval: watched folders and, with --poll, feeds and URLs again. */
        FULL,
        /** Between full passes while a watched file settles: the watched folders only. */
        SETTLE
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Asks a running {@link #run} to stop after the input it is reading; see {@link #awaitFinished}. */
    /**
     * Why a watching or polling run stopped by itself, if it did: news.raw was deleted, or deleted and created
     * again, under it. What the run knows of news.raw (hashes and revisions) then describes a topic that is
     * gone, and it would skip as unchanged articles the new topic never got; a new run reads the new topic.
     */
    public Optional<String> stoppedBecauseTopicChanged() {
        return Optional.ofNullable(topicChanged);
    }

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

    private boolean awaitStop(Duration interval) {
        try {
            return stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void pass(InputReader reader, Sources sources, Consumer<Input> run, SettledReading watched, Pass kind) {
        boolean first = kind == Pass.FIRST;
        boolean polled = first || kind == Pass.FULL && sources.poll() != null;
        for (String argument : sources.arguments()) {
            if (stopped.getCount() == 0) {
                return;
            }
            Path path = InputReader.isUrl(argument) ? null : Path.of(argument);
            if (path == null) {
                if (polled) {
                    reader.readArguments(List.of(argument), run);
                }
            } else if (sources.watch() && (!first || Files.exists(path))) {
                // Stamped before reading: a file written while it is read is seen as changed by the next
                // pass, never as already read.
                watched.read(path, first, run);
            } else if (first) {
                reader.read(List.of(path), run); // a path that is not there is reported; a watch picks it up once it is
            } else if (polled && isFeedFile(argument)) {
                reader.read(List.of(path), run);
            }
        }
        if (polled) {
            for (Path list : sources.urlLists()) {
                reader.readUrlList(list, run);
            }
        }
        if (first && sources.stdin() != null) {
            reader.readJsonLines(sources.stdin(), "stdin", run);
        }
    }

    private static boolean isFeedFile(String argument) {
        String name = argument.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".rss") || name.endsWith(".atom") || name.endsWith(".xml");
    }

    /** Publishing state of one run: what was decided for every input. */
    private final class Run {
        private final ArticlePublisher publisher;
        private final KnownArticles known;
        private final Progress progress;
        private final boolean repeating;
        private final List<IngestReport.Unchanged> unchanged = new ArrayList<>();
        private final List<Input.Rejected> rejected = new ArrayList<>();
        private final List<Input.Skipped> skipped = new ArrayList<>();
        /** Content last read per source, so a source polled again and unchanged is not counted again. */
        private final Map<String, String> lastHashBySource = new HashMap<>();

        Run(ArticlePublisher publisher, KnownArticles known, Progress progress, boolean repeating) {
            this.publisher = publisher;
            this.known = known;
            this.progress = progress;
            this.repeating = repeating;
        }

        void accept(Input input) {
            if (input instanceof Input.Article a) {
                article(a);
            } else if (input instanceof Input.Rejected r) {
                reject(r);
            } else if (input instanceof Input.Skipped s) {
                skipped.add(s);
                progress.skipped(s);
            }
        }

        /** Progress shows it (a bar on a terminal, a log line otherwise) and the report lists it. */
        private void reject(Input.Rejected r) {
            rejected.add(r);
            progress.rejected(r);
        }

        private void article(Input.Article input) {
            RawArticle article = input.article();
            if (repeating && article.contentHash().equals(lastHashBySource.put(input.source(), article.contentHash()))) {
                progress.expect(-1); // read again by a poll, and already counted
                return;
            }
            Optional<KnownArticles.Known> before = known.get(article.id());
            Revisions.Decision decision = Revisions.decide(article, before, known.overLimit(article.id()));
            if (decision instanceof Revisions.Decision.Unchanged) {
                IngestReport.Unchanged same = new IngestReport.Unchanged(article.id(), input.source());
                unchanged.add(same);
                progress.unchanged(same);
                return;
            }
            if (decision instanceof Revisions.Decision.Refused refused) {
                // one input refused, the run goes on: an exception here would stop every input after it
                reject(new Input.Rejected(input.source(), refused.reason()));
                return;
            }
            RawArticle revised = ((Revisions.Decision.Publish) decision).article();
            int revision = revised.revision();
            KnownArticles.Known attempted = new KnownArticles.Known(revised.contentHash(), revision);
            known.put(article.id(), attempted);
            publisher.publish(input.source(), revised, progress::published, failed -> {
                known.restore(article.id(), attempted, before);
                progress.rejected(failed);
            });
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
        ArticlePublisher.Outcome outcome;
        Handoff handoff = new Handoff();
        Run[] run = new Run[1];
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
                run[0] = new Run(publisher, known, progress, repeating);
                if (publisher.deadBecause().isEmpty() && topicChanged == null) {
                    notReady = null;
                }
                return run[0]::accept;
            }), "pactwire-ingest-publisher");
            publishing.setDaemon(true);
            publishing.start();
            try {
                body.accept(handoff::put);
                handoff.end();
                join(publishing, null);
                handoff.rethrowFailure();
            } finally {
                if (publishing.isAlive()) { // reading failed: the publishing thread stops at its next input
                    handoff.abandon();
                    join(publishing, config.knownArticlesTimeout().plusSeconds(30));
                }
                try {
                    outcome = publisher.finish();
                } finally {
                    if (run[0] != null) {
                        closeKnown(run[0].known, publisher);
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
        List<Input.Rejected> rejected = new ArrayList<>(run[0].rejected);
        rejected.addAll(outcome.failed());
        IngestReport report = new IngestReport(outcome.published(), run[0].unchanged, rejected, run[0].skipped);
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

    /**
     * The bounded queue between the reading thread and the publishing thread. If publishing fails (news.raw
     * cannot be read at start, say), reading stops at its next input with that failure.
     */
    private static final class Handoff {
        private static final Input END = new Input.Skipped("", "end of inputs");
        private static final int CAPACITY = 1024;

        private final BlockingQueue<Input> queue = new ArrayBlockingQueue<>(CAPACITY);
        private volatile RuntimeException failure;
        private volatile boolean abandoned;

        void put(Input input) {
            try {
                while (!queue.offer(input, 100, TimeUnit.MILLISECONDS)) {
                    rethrowFailure();
                    if (abandoned) {
                        throw new IllegalStateException("publishing has stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading inputs", e);
            }
            rethrowFailure();
        }

        void end() {
            put(END);
        }

        /** Stops the publishing thread at its next input (the reading thread failed). */
        void abandon() {
            abandoned = true;
            queue.clear();
            queue.offer(END);
        }

        void rethrowFailure() {
            if (failure != null) {
                throw failure;
            }
        }

        /** On the publishing thread: takes inputs until the end and gives them to the sink {@code start} makes. */
        void drain(java.util.function.Supplier<Consumer<Input>> start) {
            try {
                Consumer<Input> sink = start.get();
                for (Input input = queue.take(); input != END; input = queue.take()) {
                    sink.accept(input);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while publishing", e);
            } catch (RuntimeException | Error e) {
                failure = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                queue.clear();
            }
        }
    }
}

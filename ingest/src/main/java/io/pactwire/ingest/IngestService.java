package io.pactwire.ingest;

import io.pactwire.model.RawArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
 * fetched again, and only what is new or changed is read and published.
 */
public final class IngestService {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final Duration DEFAULT_WATCH_INTERVAL = Duration.ofSeconds(5);

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
        return publishing(Progress.NONE, run -> reader.readJsonLines(in, sourceName, run::accept), false);
    }

    /** Reads the sources, once or until {@link #stop()}, and publishes what is new or changed. */
    public IngestReport run(Sources sources, Progress progress) {
        InputReader reader = new InputReader(config, clock);
        reader.onExpecting(progress::expect);
        return publishing(progress, run -> {
            Map<Path, FileStamp> seen = new HashMap<>();
            pass(reader, sources, run, seen, true);
            progress.passDone();
            while (sources.repeats() && !awaitStop(sources.interval())) {
                pass(reader, sources, run, seen, false);
                progress.passDone();
            }
        }, sources.repeats());
    }

    /** Asks a running {@link #run} to stop after the input it is reading; see {@link #awaitFinished}. */
    public void stop() {
        stopped.countDown();
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

    private void pass(InputReader reader, Sources sources, Run run, Map<Path, FileStamp> seen, boolean first) {
        for (String argument : sources.arguments()) {
            if (stopped.getCount() == 0) {
                return;
            }
            if (InputReader.isUrl(argument)) {
                if (first || sources.poll() != null) {
                    reader.readArguments(List.of(argument), run::accept);
                }
            } else if (first) {
                if (sources.watch()) {
                    // Stamped before reading: a file written while the first pass reads is seen as changed
                    // by the next pass, never as already read.
                    changedFiles(Path.of(argument), seen);
                }
                reader.read(List.of(Path.of(argument)), run::accept);
            } else if (sources.watch()) {
                for (Path file : changedFiles(Path.of(argument), seen)) {
                    reader.expectOne();
                    reader.readFile(file, run::accept, false);
                }
            } else if (sources.poll() != null && isFeedFile(argument)) {
                reader.read(List.of(Path.of(argument)), run::accept);
            }
        }
        if (first || sources.poll() != null) {
            for (Path list : sources.urlLists()) {
                reader.readUrlList(list, run::accept);
            }
        }
        if (first && sources.stdin() != null) {
            reader.readJsonLines(sources.stdin(), "stdin", run::accept);
        }
    }

    private static boolean isFeedFile(String argument) {
        String name = argument.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".rss") || name.endsWith(".atom") || name.endsWith(".xml");
    }

    private record FileStamp(long size, long modified) {
    }

    /** Files under {@code root} that are new or changed since the last call. */
    private static List<Path> changedFiles(Path root, Map<Path, FileStamp> seen) {
        List<Path> changed = new ArrayList<>();
        if (!Files.exists(root)) {
            return changed;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(file -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    FileStamp stamp = new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis());
                    if (!stamp.equals(seen.put(file, stamp))) {
                        changed.add(file);
                    }
                } catch (IOException e) {
                    changed.add(file); // reading it reports why
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot list {}: {}", root, e.getMessage());
        }
        return changed;
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
                // Progress shows it (a bar on a terminal, a log line otherwise) and the report lists it.
                rejected.add(r);
                progress.rejected(r);
            } else if (input instanceof Input.Skipped s) {
                skipped.add(s);
                progress.skipped(s);
            }
        }

        private void article(Input.Article input) {
            RawArticle article = input.article();
            if (repeating && article.contentHash().equals(lastHashBySource.put(input.source(), article.contentHash()))) {
                progress.expect(-1); // read again by a poll, and already counted
                return;
            }
            Optional<KnownArticles.Known> before = known.get(article.id());
            if (before.isPresent() && before.get().contentHash().equals(article.contentHash())) {
                IngestReport.Unchanged same = new IngestReport.Unchanged(article.id(), input.source());
                unchanged.add(same);
                progress.unchanged(same);
                return;
            }
            int revision = before.map(k -> k.revision() + 1).orElse(1);
            RawArticle revised = new RawArticle(article.id(), article.sourceUri(), article.url(), article.title(),
                    article.body(), article.dateline(), article.publishedAt(), article.language(), article.contentHash(),
                    revision, article.ingestedAt());
            KnownArticles.Known attempted = new KnownArticles.Known(revised.contentHash(), revision);
            known.put(article.id(), attempted);
            publisher.publish(input.source(), revised, progress::published, failed -> {
                known.restore(article.id(), attempted, before);
                progress.rejected(failed);
            });
        }
    }

    private IngestReport publishing(Progress progress, Consumer<Run> body, boolean repeating) {
        KnownArticles known = KnownArticles.load(config.knownArticlesConsumerProperties(), config.knownArticlesTimeout());
        ArticlePublisher.Outcome outcome;
        Run run;
        try (ArticlePublisher publisher = new ArticlePublisher(config.producerProperties())) {
            run = new Run(publisher, known, progress, repeating);
            try {
                body.accept(run);
            } finally {
                outcome = publisher.finish();
            }
        } finally {
            finished.countDown();
        }
        List<Input.Rejected> rejected = new ArrayList<>(run.rejected);
        rejected.addAll(outcome.failed());
        IngestReport report = new IngestReport(outcome.published(), run.unchanged, rejected, run.skipped);
        log.info("Ingest done: {}", report.summary());
        return report;
    }
}

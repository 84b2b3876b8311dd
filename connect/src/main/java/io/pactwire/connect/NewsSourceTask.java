package io.pactwire.connect;

import io.pactwire.ingest.ArticlePublisher;
import io.pactwire.ingest.Input;
import io.pactwire.ingest.InputReader;
import io.pactwire.ingest.KnownArticles;
import io.pactwire.ingest.Revisions;
import io.pactwire.ingest.SettledReading;
import io.pactwire.ingest.Source;
import io.pactwire.model.RawArticle;
import io.pactwire.topics.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads its share of the inputs with ingest's {@link InputReader}, pass after pass, and returns what is new or
 * changed as records for {@code news.raw}.
 *
 * <p>Output: the connector's {@code topic} (default {@code news.raw}), key = article id (a string schema: the
 * worker's StringConverter writes its UTF-8 bytes), value = the {@code RawArticle} JSON bytes of ingest's serde
 * (a bytes schema: ByteArrayConverter writes them as they are), headers those of {@code pactwire ingest}
 * ({@link ArticlePublisher#headers}, as strings: the default SimpleHeaderConverter, or StringConverter, writes
 * their UTF-8 bytes). Guarantee: an article is written once per revision; which revision comes from the source
 * offsets ({@link ArticleOffsets}), through ingest's own decision ({@link Revisions#decide}). A rejected input
 * fails the task ({@code errors.tolerance=none}) or is reported and skipped ({@code all}): logged, counted, and
 * written to the dead-letter topic when one is set ({@link DeadLetterRecords}).
 *
 * <p>Each {@link #poll()} reads inputs (a feed, a page, a file or a whole folder each) until they gave 500 records
 * or a second has passed, and returns their records: with exactly-once sources a poll's records are one
 * transaction. Once every input was read, the next pass starts {@code poll.interval.ms} after this one started.
 */
public final class NewsSourceTask extends SourceTask {
    private static final Logger log = LoggerFactory.getLogger(NewsSourceTask.class);
    /** The longest a poll waits for the next pass, so that the worker's own loop (pause, stop) keeps turning. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);
    /** A poll returns once its inputs gave this many records, or after {@link #MAX_BATCH_TIME} of reading. */
    private static final int MAX_BATCH = 500;
    private static final Duration MAX_BATCH_TIME = Duration.ofSeconds(1);

    private final Clock clock;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private NewsSourceConfig config;
    private NewsSourceConfig.ErrorPolicy errors;
    private List<String> inputs;
    private InputReader reader;
    private TaskCounts counts;
    private String taskName;
    private String connectorName;
    private String taskId;
    /** What was written per article id, from the offsets or by this task; read from the offsets once per id. */
    private final Map<String, Optional<KnownArticles.Known>> known = new HashMap<>();
    /** Per folder or file input: which of its files are new or changed and settled; see {@link #read}. */
    private final Map<String, SettledReading> watched = new HashMap<>();
    private int next;
    private Instant passStarted;
    private Instant nextPass;

    public NewsSourceTask() {
        this(Clock.systemUTC());
    }

    NewsSourceTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return NewsSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new NewsSourceConfig(props);
        errors = config.errorPolicy();
        inputs = props.getOrDefault(NewsSourceConfig.TASK_INPUTS, "").lines().filter(s -> !s.isBlank()).toList();
        reader = config.reader(clock);
        counts = new TaskCounts(context == null ? null : context.pluginMetrics());
        connectorName = props.getOrDefault("name", "");
        taskId = props.getOrDefault(NewsSourceConfig.TASK_ID, "");
        taskName = connectorName + " task " + taskId + " (" + inputs.size() + " inputs)";
        next = 0;
        nextPass = clock.instant();
        log.info("Started {}, reading them every {}", taskName, config.pollInterval());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> batch = new ArrayList<>();
        long started = System.nanoTime();
        while (stopping.getCount() > 0 && !inputs.isEmpty()) {
            if (next == 0) {
                Duration wait = Duration.between(clock.instant(), nextPass);
                if (!wait.isNegative() && !wait.isZero()) {
                    if (!batch.isEmpty()) {
                        return batch;
                    }
                    stopping.await(Math.min(wait.toMillis(), MAX_WAIT.toMillis()) + 1, TimeUnit.MILLISECONDS);
                    return null;
                }
                passStarted = clock.instant();
                counts.passes.incrementAndGet();
            }
            String input = inputs.get(next);
            next = (next + 1) % inputs.size();
            if (next == 0) {
                nextPass = passStarted.plus(config.pollInterval());
            }
            batch.addAll(read(input));
            // One poll is one transaction with exactly-once sources: a few hundred records or a second's reading
            // per commit, rather than one commit per feed, which would cost more than reading the feed.
            if (batch.size() >= MAX_BATCH || System.nanoTime() - started >= MAX_BATCH_TIME.toNanos()) {
                return batch;
            }
        }
        if (batch.isEmpty() && inputs.isEmpty()) {
            stopping.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS); // nothing to read: no busy loop
        }
        return batch.isEmpty() ? null : batch;
    }

    /**
     * The records of one input: its new and changed articles, and its rejections when they are tolerated. A URL is
     * fetched at every pass; a folder or file is watched as {@code ingest --watch} watches it, so only its files that
     * are new or changed since the task started are read, once they have settled ({@code watch.settle.ms}); at the
     * task's first pass every settled file is read, and its offsets tell which are already written. A path that
     * is not there is read to be rejected with its reason.
     */
    private List<SourceRecord> read(String input) {
        List<Input> read = new ArrayList<>();
        Source source = Source.of(input);
        if (source instanceof Source.Local local && Files.exists(local.path())) {
            boolean first = !watched.containsKey(input);
            watched.computeIfAbsent(input, i -> new SettledReading(reader, config.watchSettle(), clock))
                    .read(local.path(), first, read::add);
        } else {
            reader.read(source, read::add);
        }
        lookUp(read.stream().filter(i -> i instanceof Input.Article).map(i -> ((Input.Article) i).article().id()).toList());
        List<SourceRecord> records = new ArrayList<>();
        for (Input one : read) {
            if (one instanceof Input.Article article) {
                decide(article, records);
            } else if (one instanceof Input.Rejected rejected) {
                reject(rejected.source(), rejected.reason(), records);
            } else if (one instanceof Input.Skipped skipped) {
                counts.skipped.incrementAndGet();
                log.debug("Skipped {}: {}", skipped.source(), skipped.reason());
            }
        }
        return records;
    }

    private void decide(Input.Article input, List<SourceRecord> records) {
        RawArticle article = input.article();
        Optional<KnownArticles.Known> before = known.getOrDefault(article.id(), Optional.empty());
        Revisions.Decision decision = Revisions.decide(article, before, Optional.empty());
        if (decision instanceof Revisions.Decision.Unchanged) {
            counts.unchanged.incrementAndGet();
        } else if (decision instanceof Revisions.Decision.Refused refused) {
            reject(input.source(), refused.reason(), records);
        } else {
            RawArticle revised = ((Revisions.Decision.Publish) decision).article();
            known.put(revised.id(), Optional.of(new KnownArticles.Known(revised.contentHash(), revised.revision())));
            records.add(record(input.source(), revised));
            counts.published.incrementAndGet();
        }
    }

    private SourceRecord record(String source, RawArticle article) {
        String topic = config.topic();
        byte[] value = Topics.RAW.valueSerde().serializer().serialize(topic, article);
        SourceRecord record = new SourceRecord(ArticleOffsets.partition(article.id()), ArticleOffsets.offset(article), topic,
                null, Schema.STRING_SCHEMA, article.id(), Schema.BYTES_SCHEMA, value);
        for (Header header : ArticlePublisher.headers(source, article)) {
            record.headers().addString(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return record;
    }

    /** Reads the offsets of the ids not known yet, in one request. */
    private void lookUp(List<String> ids) {
        Set<String> missing = new LinkedHashSet<>();
        for (String id : ids) {
            if (!known.containsKey(id)) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Collection<Map<String, String>> partitions = missing.stream().map(ArticleOffsets::partition).toList();
        Map<Map<String, String>, Map<String, Object>> offsets = context.offsetStorageReader().offsets(partitions);
        for (String id : missing) {
            Map<String, Object> offset = offsets == null ? null : offsets.get(ArticleOffsets.partition(id));
            try {
                known.put(id, ArticleOffsets.known(offset));
            } catch (IllegalArgumentException e) {
                throw new ConnectException("The offset of article " + id + " cannot be read: " + e.getMessage()
                        + "; alter or reset the connector's offsets", e);
            }
        }
    }

    private void reject(String source, String reason, List<SourceRecord> records) {
        counts.rejected.incrementAndGet();
        if (!errors.tolerateAll()) {
            throw new ConnectException("Input rejected: " + source + ": " + reason + " (errors.tolerance=none stops the task;"
                    + " with errors.tolerance=all a rejection is logged, counted and, with " + NewsSourceConfig.DEAD_LETTER_TOPIC
                    + ", written there)");
        }
        if (errors.logEach()) {
            log.warn("Rejected {}: {}", source, reason);
        } else {
            log.debug("Rejected {}: {}", source, reason);
        }
        if (errors.deadLetterTopic() != null) {
            records.add(DeadLetterRecords.rejection(errors.deadLetterTopic(), config.topic(), source, reason, connectorName,
                    taskId));
        }
    }

    @Override
    public void stop() {
        stopping.countDown();
    }
}

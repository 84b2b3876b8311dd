package io.pactwire.serve;

import io.pactwire.model.AgreementRecord;
import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.RawArticle;
import io.pactwire.model.Serdes;
import io.pactwire.runtime.Failure;
import io.pactwire.runtime.FailurePolicy;
import io.pactwire.runtime.Health;
import io.pactwire.runtime.Incarnations;
import io.pactwire.runtime.LogFields;
import io.pactwire.runtime.Service;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The view of {@link ViewTopology} running, and the queries the API answers from it.
 *
 * <p>Reads {@code news.articles}, {@code news.agreements} and {@code news.raw} ({@code read_committed}); writes
 * nothing to Kafka and joins no consumer group (global stores only). Local state:
 * {@code <serve.state.dir>/<cluster id>/}, Kafka Streams' state folder, beside a record of the topic ids it was
 * built from: at start a state built from topics since deleted and created again (or another cluster's) is
 * discarded with one INFO line and read again from the topics, as the enricher does with its own.
 */
public final class LiveView implements Service {
    private static final Logger log = LoggerFactory.getLogger(LiveView.class);
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final String NAME = "serve";

    private final ServeConfig config;
    private final Consumer<Change> changes;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaStreams streams;
    private volatile Failure stoppedBy;

    /** The view of the topics of {@code config}, telling {@code changes} each change; nothing connects before {@link #start()}. */
    public LiveView(ServeConfig config, Consumer<Change> changes) {
        this.config = config;
        this.changes = changes;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Reads the topics' ids (it fails with one line when the cluster or its topics are not there), discards local
     * state built from other topics, and starts reading the topics; {@link #awaitReady} tells when the view has
     * caught up at start.
     */
    @Override
    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("The view was started before");
        }
        List<String> topics = List.of(config.topics().raw().name(), config.topics().articles().name(),
                config.topics().agreements().name());
        Incarnations now;
        try (Admin admin = Admin.create(config.adminProperties())) {
            now = Incarnations.read(admin, topics, Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the topics of the view", e);
        } catch (RuntimeException e) {
            throw FailurePolicy.classify(e, config).asException();
        }
        List<String> missing = topics.stream().filter(t -> !now.topicIds().containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("serve reads " + String.join(", ", missing) + ", which the cluster does not"
                    + " hold: run `pactwire topics` (or start ingest, enrich and store) first");
        }
        Path stateDir = config.stateDir().resolve(UNSAFE.matcher(now.clusterId()).replaceAll("_"));
        discardUnlessBuiltFrom(stateDir, config.applicationId(), now);
        Properties props = new Properties();
        props.putAll(config.streamsProperties());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        KafkaStreams created = new KafkaStreams(ViewTopology.build(config.topics(), changes), props);
        created.setStateListener((newState, oldState) -> {
            log.info("View {} -> {}", oldState, newState);
            if (newState == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.ERROR
                    || newState == KafkaStreams.State.PENDING_ERROR) {
                running.countDown();
                stopped.countDown();
            }
        });
        created.setUncaughtExceptionHandler(exception -> {
            // the view's threads are global-store threads: Streams cannot replace them, whatever the failure
            stoppedBy = FailurePolicy.classify(exception, config);
            log.atError().addKeyValue(LogFields.REASON, stoppedBy.reason()).setCause(exception)
                    .log("The view stopped on an error: {}", stoppedBy.message());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams = created;
        created.start();
    }

    /** Waits until the stores are restored and the view runs (the state listener says so); false if it stopped or the time ran out. */
    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && state() == KafkaStreams.State.RUNNING;
    }

    /** Ready once it has caught up and while it runs. */
    @Override
    public Health health() {
        KafkaStreams.State state = state();
        if (state == KafkaStreams.State.RUNNING) {
            return Health.ready();
        }
        if (stopped.getCount() == 0) {
            return Health.of(Health.Status.STOPPED, Optional.ofNullable(stoppedBy).map(Failure::message).orElse("view is " + state));
        }
        return Health.of(running.getCount() == 0 ? Health.Status.NOT_READY : Health.Status.STARTING, "view is " + state);
    }

    /** Waits until the view stops: closed (empty), or on an error (the failure). */
    @Override
    public Optional<Failure> awaitStopped() throws InterruptedException {
        stopped.await();
        return Optional.ofNullable(stoppedBy);
    }

    /** Streams' state of the view; {@code CREATED} before {@link #start()}. */
    public KafkaStreams.State state() {
        KafkaStreams view = streams;
        return view == null ? KafkaStreams.State.CREATED : view.state();
    }

    /** The Kafka Streams client, for its metrics; null before {@link #start()}. */
    public KafkaStreams kafkaStreams() {
        return streams;
    }

    /** The agreements that match the query's filters, newest first, paged. */
    public ViewQuery.Page<AgreementRecord> agreements(ViewQuery query) {
        return query.page(matchingAgreements(query));
    }

    /** Every agreement that matches the query's filters, newest first, not paged. */
    public List<AgreementRecord> matchingAgreements(ViewQuery query) {
        List<AgreementRecord> found = new ArrayList<>();
        forEach(ViewTopology.AGREEMENTS, Serdes.AGREEMENT_RECORD.deserializer(), agreement -> {
            if (query.matches(agreement)) {
                found.add(agreement);
            }
        });
        found.sort(ViewQuery.NEWEST_AGREEMENTS_FIRST);
        return found;
    }

    /** The articles that match the query's filters, newest first, paged. */
    public ViewQuery.Page<EnrichedArticle> articles(ViewQuery query) {
        List<EnrichedArticle> found = new ArrayList<>();
        forEach(ViewTopology.ARTICLES, Serdes.ENRICHED_ARTICLE.deserializer(), article -> {
            if (query.matches(article)) {
                found.add(article);
            }
        });
        found.sort(ViewQuery.NEWEST_ARTICLES_FIRST);
        return query.page(found);
    }

    /** One article with its agreements and its text, if the view holds it. */
    public Optional<ArticleDetail> article(String id) {
        Optional<EnrichedArticle> article = get(ViewTopology.ARTICLES, id, Serdes.ENRICHED_ARTICLE.deserializer());
        if (article.isEmpty()) {
            return Optional.empty();
        }
        // agreement ids start with their article's id and a colon (AgreementIds)
        List<AgreementRecord> agreements = new ArrayList<>();
        Deserializer<AgreementRecord> reader = Serdes.AGREEMENT_RECORD.deserializer();
        try (KeyValueIterator<String, byte[]> rows = store(ViewTopology.AGREEMENTS)
                .prefixScan(id + ":", org.apache.kafka.common.serialization.Serdes.String().serializer())) {
            rows.forEachRemaining(row -> decode(ViewTopology.AGREEMENTS, row, reader)
                    .filter(a -> a.articleId().equals(id)).ifPresent(agreements::add));
        }
        agreements.sort(Comparator.comparing(AgreementRecord::agreementId));
        Optional<RawArticle> raw = get(ViewTopology.TEXTS, id, Serdes.RAW_ARTICLE.deserializer());
        ArticleDetail.Text text = raw.map(r -> new ArticleDetail.Text(r.title(), r.dateline(), r.body(), r.contentHash()))
                .orElse(null);
        return Optional.of(new ArticleDetail(article.get(), agreements, text));
    }

    private <T> Optional<T> get(String storeName, String key, Deserializer<T> reader) {
        byte[] bytes = store(storeName).get(key);
        return bytes == null ? Optional.empty() : decode(storeName, KeyValue.pair(key, bytes), reader);
    }

    private <T> void forEach(String storeName, Deserializer<T> reader, Consumer<T> action) {
        try (KeyValueIterator<String, byte[]> rows = store(storeName).all()) {
            rows.forEachRemaining(row -> decode(storeName, row, reader).ifPresent(action));
        }
    }

    private static <T> Optional<T> decode(String storeName, KeyValue<String, byte[]> row, Deserializer<T> reader) {
        try {
            return Optional.ofNullable(reader.deserialize(storeName, row.value));
        } catch (RuntimeException e) {
            log.debug("Unreadable record {} in {}: {}", row.key, storeName, e.getMessage());
            return Optional.empty();
        }
    }

    private ReadOnlyKeyValueStore<String, byte[]> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, byte[]>keyValueStore()));
    }

    /**
     * Discards the state in {@code stateDir} unless its record says it was built from the topics the cluster
     * holds now, and records the topics it is built from.
     */
    static void discardUnlessBuiltFrom(Path stateDir, String applicationId, Incarnations now) {
        Path state = stateDir.resolve(applicationId);
        Path record = stateDir.resolve(applicationId + ".incarnations");
        try {
            Files.createDirectories(stateDir);
            if (Files.isDirectory(state)) {
                Optional<String> why = recorded(record).map(before -> String.join("; ", before.differences(now)))
                        .or(() -> Optional.of("it has no readable record of the topics it was built from"))
                        .filter(reason -> !reason.isEmpty());
                if (why.isPresent()) {
                    log.info("Discarding serve's local state in {}: {}; it is read again from the topics", state, why.get());
                    try (Stream<Path> walk = Files.walk(state)) {
                        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Path temporary = stateDir.resolve(applicationId + ".incarnations.tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                now.toProperties().store(out, "The cluster and topics serve's local state " + applicationId
                        + "/ was built from; serve discards the state when they differ");
            }
            try {
                Files.move(temporary, record, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, record, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use serve's state folder " + stateDir + " (serve.state.dir)", e);
        }
    }

    private static Optional<Incarnations> recorded(Path record) {
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(record)) {
            Properties properties = new Properties();
            properties.load(in);
            return Optional.of(Incarnations.fromProperties(properties));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Closes the streams client and its stores (their checkpoints are written, so a restart reads only what is
     * new), waiting at most {@code timeout}.
     */
    @Override
    public synchronized boolean close(Duration timeout) {
        KafkaStreams view = streams;
        if (view == null) {
            running.countDown();
            stopped.countDown();
            return true;
        }
        return view.close(timeout);
    }
}

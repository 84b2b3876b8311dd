package io.pactwire.ingest;

import io.pactwire.runtime.LogFields;
import io.pactwire.model.RawArticle;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Publishes raw articles to {@code news.raw}, keyed by article id, with an idempotent producer and
 * {@code acks=all}: an article acknowledged is on every in-sync replica, once. Headers say what the value
 * is ({@link #SCHEMA_HEADER}, {@link #CONTENT_TYPE_HEADER}) and where it came from ({@link #SOURCE_HEADER}).
 * Sends are asynchronous; {@link #finish()} waits for every acknowledgement and reports each failure
 * with its source.
 *
 * <p>Once a send has timed out (no broker answered within {@code delivery.timeout.ms}, or the send blocked for
 * {@code max.block.ms} waiting for metadata), the producer is known dead: every later article is rejected at
 * once with that cause, never sent, instead of blocking {@code max.block.ms} each (a minute per input, by
 * default, 29 hours for 1,715 inputs).
 */
public final class ArticlePublisher implements AutoCloseable {
    public static final String SCHEMA_HEADER = "pactwire.schema";
    public static final String SCHEMA_VERSION = "raw-article/1";
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String CONTENT_TYPE = "application/json";
    public static final String SOURCE_HEADER = "pactwire.source";
    /** The value's content hash and revision again, so that {@link KnownArticles} reads them without parsing values. */
    public static final String CONTENT_HASH_HEADER = "pactwire.content-hash";
    public static final String REVISION_HEADER = "pactwire.revision";
    private static final byte[] SCHEMA_BYTES = SCHEMA_VERSION.getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONTENT_TYPE_BYTES = CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    private final Producer<String, RawArticle> producer;
    private final String servers;
    /** Why the producer is known dead ("Kafka unreachable at ..."), or null while it may still deliver. */
    private volatile String deadBecause;
    private final String topic;
    private volatile java.util.function.Consumer<String> onDead = why -> { };
    private final List<IngestReport.Published> published = Collections.synchronizedList(new ArrayList<>());
    private final List<Input.Rejected> failed = Collections.synchronizedList(new ArrayList<>());

    /** Publishes to {@code topic}: news.raw under the pipeline's prefix. */
    public ArticlePublisher(Map<String, Object> producerProperties, String topic) {
        this(new KafkaProducer<>(producerProperties, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer()),
                String.valueOf(producerProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)), topic);
    }

    ArticlePublisher(Producer<String, RawArticle> producer, String servers, String topic) {
        this.producer = producer;
        this.servers = servers;
        this.topic = topic;
    }

    /** Tells {@code listener}, once, why the producer is known dead. */
    public void onDead(java.util.function.Consumer<String> listener) {
        this.onDead = listener;
    }

    /** Why the producer is known dead, if it is. */
    public java.util.Optional<String> deadBecause() {
        return java.util.Optional.ofNullable(deadBecause);
    }

    /** Sends one article; the outcome is known after {@link #finish()}. */
    public void publish(String source, RawArticle article) {
        publish(source, article, p -> { }, r -> { });
    }

    /**
     * Sends one article and tells the outcome, from the producer's I/O thread, to one of the listeners; it
     * is also in {@link #finish()}.
     */
    public void publish(String source, RawArticle article, java.util.function.Consumer<IngestReport.Published> onPublished,
                        java.util.function.Consumer<Input.Rejected> onFailed) {
        String dead = deadBecause;
        if (dead != null) {
            fail(new Input.Rejected(source, "not published: " + dead + " (not sent: the producer had already failed)"), onFailed);
            return;
        }
        ProducerRecord<String, RawArticle> record =
                new ProducerRecord<>(topic, null, article.id(), article, headers(source, article));
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception == null) {
                    IngestReport.Published done = new IngestReport.Published(article.id(), source, article.revision());
                    published.add(done);
                    onPublished.accept(done);
                } else {
                    log.atWarn().addKeyValue(LogFields.ARTICLE_ID, article.id()).addKeyValue(LogFields.SOURCE, source)
                            .addKeyValue(LogFields.REASON, exception.toString())
                            .log("Could not publish {} ({}): {}", article.id(), source, exception.toString());
                    fail(new Input.Rejected(source, "not published: " + causeOf(exception)), onFailed);
                }
            });
        } catch (RuntimeException e) {
            // serialization or size checks fail before the send is queued
            fail(new Input.Rejected(source, "not published: " + causeOf(e)), onFailed);
        }
    }

    /**
     * Retracts an article: a tombstone for its id on {@code news.raw}, which the enricher forwards and the store
     * applies. Returns once Kafka has acknowledged it.
     *
     * @throws ExecutionException when the send failed; its cause says why
     */
    public void retract(String id) throws ExecutionException, InterruptedException {
        producer.send(new ProducerRecord<>(topic, id, null)).get();
    }

    /**
     * The headers of an article's record on {@code news.raw}, in order: schema, content type, source, content hash,
     * revision. The Kafka Connect source writes the same ones.
     */
    public static RecordHeaders headers(String source, RawArticle article) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(SCHEMA_HEADER, SCHEMA_BYTES);
        headers.add(CONTENT_TYPE_HEADER, CONTENT_TYPE_BYTES);
        headers.add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
        headers.add(CONTENT_HASH_HEADER, article.contentHash().getBytes(StandardCharsets.US_ASCII));
        headers.add(REVISION_HEADER, Integer.toString(article.revision()).getBytes(StandardCharsets.US_ASCII));
        return headers;
    }

    private void fail(Input.Rejected rejected, java.util.function.Consumer<Input.Rejected> onFailed) {
        failed.add(rejected);
        onFailed.accept(rejected);
    }

    /**
     * What a failed send says; a timeout means no broker answered (delivery.timeout.ms) or none gave metadata
     * (max.block.ms), and marks the producer dead: waiting again for each later input would only add up.
     */
    private String causeOf(Exception exception) {
        if (!(exception instanceof TimeoutException)) {
            return exception.getMessage();
        }
        String why = "Kafka unreachable at " + servers + ": " + exception.getMessage();
        synchronized (this) {
            if (deadBecause != null) {
                return why;
            }
            deadBecause = why;
        }
        log.error("Kafka is unreachable at {} ({}); every input left is rejected without waiting. Run ingest again once"
                + " Kafka is back (what it published is found unchanged).", servers, exception.getMessage());
        onDead.accept(why);
        return why;
    }

    /** Waits until every send is acknowledged or failed, and returns what happened to them. */
    public Outcome finish() {
        producer.flush();
        synchronized (published) {
            synchronized (failed) {
                return new Outcome(List.copyOf(published), List.copyOf(failed));
            }
        }
    }

    /** Sends acknowledged and sends failed. */
    public record Outcome(List<IngestReport.Published> published, List<Input.Rejected> failed) {
    }

    /** The producer, for its metrics. */
    Producer<String, RawArticle> producer() {
        return producer;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}

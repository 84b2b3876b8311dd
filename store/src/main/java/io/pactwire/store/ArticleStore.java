package io.pactwire.store;

import io.pactwire.runtime.LogFields;
import io.pactwire.config.ClusterAccessException;
import io.pactwire.runtime.ConnectionWatch;
import io.pactwire.runtime.DeadLetters;
import io.pactwire.runtime.Failure;
import io.pactwire.runtime.FailurePolicy;
import io.pactwire.runtime.Health;
import io.pactwire.runtime.Service;
import io.pactwire.topics.PipelineTopics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The store: folds {@code news.enriched} into {@code news.articles}, the latest result per article.
 *
 * <p>Input: {@code news.enriched} (read_committed, consumer group {@code store.group.id}), key = article
 * id, value = EnrichedArticle JSON. Output: {@code news.articles} (compacted), same key and value;
 * {@code news.dlq} for records that cannot be read (no key, not an EnrichedArticle, key and id
 * disagreeing), with the original bytes and the standard dead-letter headers.
 *
 * <p>Merge: a result replaces the stored one only if it is newer ({@link StoredResult#ORDER}: content
 * revision, then tagger versions); an older one is skipped and counted, the same one again is skipped.
 * The stored result is thus the greatest seen, whatever the order of arrival, so any replay converges to
 * the same store. A tombstone removes the article. The decisions are {@link StoreFold}'s; this class runs
 * the transactions. The store remembers what it holds in a local index of {@code news.articles}
 * ({@link CurrentView}, under {@code store.state.dir}), caught up for the partitions it is assigned.
 *
 * <p>Guarantee: each poll's results, dead letters and consumed offsets commit in one transaction; after a
 * failure the records are read again and stored in a new transaction: never lost, never doubled. The topics
 * are those the store started with ({@link TopicGuard}): when one is deleted or created again under it, it
 * aborts its transaction and stops with a {@link TopicChangedException}, so nothing it wrote into a new
 * incarnation (which its own producer may auto-create) is ever committed.
 */
public final class ArticleStore implements Service {
    private static final Logger log = LoggerFactory.getLogger(ArticleStore.class);
    /** Consecutive aborted transactions after which the store stops instead of retrying forever. */
    static final int MAX_CONSECUTIVE_ABORTS = 5;

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final StoredResults stored;
    private final StoreCounters counters = new StoreCounters();
    /** Per assigned partition, the offset this store last committed there (see {@link #nextOffsets}). */
    private final Map<TopicPartition, Long> committedPositions = new HashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong lastPollMillis = new AtomicLong();
    private final UnaryOperator<RuntimeException> explain;
    /** Starts the guard of the store's topics, given what to do when one changes. */
    private final Function<Runnable, TopicGuard> guards;
    private final PipelineTopics topics;
    private volatile Thread loopThread;
    /** A store that has not polled for this long is stalled (stuck in a transaction). */
    static final Duration POLL_WITHIN = Duration.ofSeconds(60);
    private final CountDownLatch polling = new CountDownLatch(1);
    /** Counted down once the first assignment's stored results are caught up: from then on the store is ready. */
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch loopEnded = new CountDownLatch(1);
    private volatile Failure stoppedBy;
    private volatile ConnectionWatch connectionWatch;

    public ArticleStore(StoreConfig config) {
        this(new KafkaConsumer<>(config.consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(config.producerProperties(), new ByteArraySerializer(), new ByteArraySerializer()),
                new CurrentView(config),
                failure -> ClusterAccessException.explain(failure, config),
                onChange -> TopicGuard.watching(config, onChange), config.topics());
        counters.publish(config.transactionalId());
    }

    ArticleStore(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, StoredResults stored) {
        this(consumer, producer, stored, UnaryOperator.identity(), onChange -> TopicGuard.trusting(),
                PipelineTopics.DEFAULT);
    }

    private ArticleStore(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, StoredResults stored,
                         UnaryOperator<RuntimeException> explain, Function<Runnable, TopicGuard> guards,
                         PipelineTopics topics) {
        this.topics = topics;
        this.consumer = consumer;
        this.producer = producer;
        this.stored = stored;
        this.explain = explain;
        this.guards = guards;
    }

    /**
     * The poll loop, in the thread {@link #start()} runs it in, until {@link #close()} (or a fatal error). A cluster
     * that refuses the store's login or an ACL it needs stops it at once with a {@link ClusterAccessException}; a
     * topic deleted or created again under it stops it with a {@link TopicChangedException}, logged as one ERROR.
     */
    private void loop() {
        ConnectionWatch connectionWatch = ConnectionWatch.start("store", log, this::clientMetrics);
        this.connectionWatch = connectionWatch;
        try {
            poll(connectionWatch);
        } catch (TopicChangedException e) {
            log.atError().addKeyValue(LogFields.REASON, e.getMessage()).log(e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            throw explain.apply(e);
        }
    }

    private void poll(ConnectionWatch connectionWatch) {
        TopicGuard guard = TopicGuard.trusting();
        loopThread = Thread.currentThread();
        boolean clean = false;
        try {
            guard = guards.apply(this::halt);
            producer.initTransactions();
            consumer.subscribe(List.of(topics.enriched().name()), new RememberStored());
            int aborts = 0;
            while (!closing.get()) {
                stopIfChanged(guard.changed());
                lastPollMillis.set(System.currentTimeMillis());
                polling.countDown();
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                Map<TopicPartition, OffsetAndMetadata> offsets = nextOffsets(records);
                if (offsets.isEmpty()) {
                    continue;
                }
                if (storeInTransaction(records, offsets, guard)) {
                    aborts = 0;
                } else if (++aborts >= MAX_CONSECUTIVE_ABORTS) {
                    stopIfChanged(guard.check());
                    throw new KafkaException("Store gave up after " + aborts + " aborted transactions in a row");
                }
            }
            clean = true;
        } catch (TopicChangedException e) {
            throw e;
        } catch (RuntimeException e) {
            // whatever failed because the guard halted the clients (a wakeup, the producer closed) is that change
            stopIfChanged(guard.changed());
            if (!(e instanceof WakeupException) || !closing.get()) {
                throw e;
            }
            clean = true;
        } finally {
            // reading news.articles back at a clean stop needs Kafka: cut off from it, the next start reads instead
            boolean connected = connectionWatch.connected();
            guard.close();
            connectionWatch.close();
            closeClients();
            closeStored(clean && connected);
            counters.close();
            log.info("Store stopped: {}", counters.summary());
            finished.countDown();
        }
    }

    /** The metrics of the store's consumer and producer (both safe to read from another thread). */
    private Map<MetricName, Metric> clientMetrics() {
        Map<MetricName, Metric> metrics = new HashMap<>(consumer.metrics());
        metrics.putAll(producer.metrics());
        return metrics;
    }

    /**
     * Called by the guard when a topic changed: stops the loop at once, whatever it waits for. A write into a
     * deleted topic can wait in a flush or a commit for minutes ({@code delivery.timeout.ms}); closed without
     * waiting, the producer fails it at once, and its open transaction is never committed (the coordinator
     * aborts it, at the latest when the store starts again). From the loop's own thread (the check before a
     * commit) the loop aborts the transaction itself.
     */
    private void halt() {
        if (Thread.currentThread() != loopThread) {
            producer.close(Duration.ZERO);
        }
        consumer.wakeup();
    }

    /** Aborts the open transaction, unless the guard closed the producer already (then the coordinator does). */
    private void abortUnlessClosed() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            log.debug("Cannot abort the transaction of a halted producer: {}", e.toString());
        }
    }

    private void stopIfChanged(Optional<String> change) {
        if (change.isPresent()) {
            throw new TopicChangedException(change.get(), topics);
        }
    }

    /**
     * Stores one poll's records and commits {@code offsets} atomically; false if the transaction was aborted
     * and will be retried.
     */
    private boolean storeInTransaction(ConsumerRecords<byte[], byte[]> records, Map<TopicPartition, OffsetAndMetadata> offsets,
                                       TopicGuard guard) {
        StoreFold fold = new StoreFold(stored::get);
        try {
            producer.beginTransaction();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                send(record, fold.apply(record));
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            // Every write acknowledged before the topics are checked: a write that went into a topic created
            // again (a deleted news.articles auto-created by this very producer) is then seen by the check,
            // and aborted instead of committed as if it were in the old topic.
            producer.flush();
            Optional<String> changed = guard.check();
            if (changed.isPresent()) {
                abortUnlessClosed();
                throw new TopicChangedException(changed.get(), topics);
            }
            producer.commitTransaction();
        } catch (TopicChangedException e) {
            throw e;
        } catch (KafkaException e) {
            if (FailurePolicy.classify(e, name()).kind() == Failure.Kind.FATAL) {
                throw e; // another instance took over, or the cluster refuses us: no retry can succeed
            }
            stopIfChanged(guard.changed()); // failed because the guard closed the producer: not to be retried
            log.warn("Transaction aborted, re-reading from the last committed offsets: {}", e.toString());
            producer.abortTransaction();
            rewind();
            return false;
        }
        offsets.forEach((partition, offset) -> committedPositions.put(partition, offset.offset()));
        stored.committed(fold.changes());
        counters.add(fold.counts());
        return true;
    }

    /** Sends what one record's step writes: its result, a tombstone or a dead letter. */
    private void send(ConsumerRecord<byte[], byte[]> record, StoreFold.Step step) {
        if (step instanceof StoreFold.DeadLetter letter) {
            LogFields.articleId(LogFields.record(log.atWarn(), record.topic(), record.partition(), record.offset()), record.key())
                    .addKeyValue(LogFields.REASON, letter.problem())
                    .log("Dead letter from {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), letter.problem());
            producer.send(DeadLetters.of(topics.deadLetters().name(), record.key(), record.value(), record.headers(),
                    record.timestamp(), record.topic(), record.partition(), record.offset(),
                    new SerializationException(letter.problem())));
        } else if (step instanceof StoreFold.Retract) {
            producer.send(new ProducerRecord<>(topics.articles().name(), record.key(), null));
        } else if (step instanceof StoreFold.Write) {
            producer.send(new ProducerRecord<>(topics.articles().name(), record.key(), record.value()));
        } else if (step instanceof StoreFold.SkipStale stale) {
            log.info("Skipped a stale result for {} (revision {}, versions {}): {} is stored", stale.id(),
                    stale.incoming().revision(), stale.incoming().versions(), stale.stored());
        } // a duplicate writes nothing
    }

    /**
     * The offsets to commit after a poll: the consumer's position on each partition polled, not the last
     * record's offset plus one, and on each partition whose position moved with no record to show for it.
     * On a transactional topic (news.enriched is one) the position passes the commit markers too, and a
     * fetch can hold nothing but a marker (or an aborted transaction's records, which read_committed
     * skips); without committing those positions a caught-up store would keep a lag of one per such
     * partition until its next result arrived. Empty when there is nothing to commit.
     */
    private Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            offsets.put(partition, new OffsetAndMetadata(consumer.position(partition)));
        }
        committedPositions.forEach((partition, committed) -> {
            if (!offsets.containsKey(partition)) {
                long position = consumer.position(partition);
                if (position > committed) {
                    offsets.put(partition, new OffsetAndMetadata(position));
                }
            }
        });
        return offsets;
    }

    /** After an abort: go back to the committed offsets, so the aborted records are read again. */
    private void rewind() {
        Set<TopicPartition> assignment = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
        for (TopicPartition partition : assignment) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
    }

    /** Brings the memory of stored results up to date for the partitions this instance is assigned. */
    private final class RememberStored implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                counters.stateRead(stored.assigned(partitions, consumer.partitionsFor(topics.enriched().name()).size()));
            }
            if (!partitions.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    committedPositions.put(partition, offset == null ? 0L : offset.offset());
                }
            }
            caughtUp.countDown();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            // what is stored for their articles stays in the index: caught up again if they come back
            committedPositions.keySet().removeAll(partitions);
        }
    }

    /**
     * True while the loop runs and has polled within {@code within}: a store stuck in a transaction or
     * stopped is not healthy.
     */
    public boolean healthy(Duration within) {
        return finished.getCount() > 0 && System.currentTimeMillis() - lastPollMillis.get() < within.toMillis();
    }

    /** False while the store is cut off from Kafka (it heard from it before, and nothing for seconds). */
    public boolean connected() {
        ConnectionWatch watch = connectionWatch;
        return watch == null || watch.connected();
    }

    /** The store's consumer, for metrics binders (lag, fetch and commit latency); not to be used otherwise. */
    public Consumer<byte[], byte[]> consumer() {
        return consumer;
    }

    /** The store's producer, for metrics binders (send and transaction latency); not to be used otherwise. */
    public Producer<byte[], byte[]> producer() {
        return producer;
    }

    /** What the store has done since start. */
    public StoreCounters counters() {
        return counters;
    }

    /** Results stored since start. */
    public long storedCount() {
        return counters.stored();
    }

    /** Records sent to the dead-letter topic since start. */
    public long deadLetterCount() {
        return counters.deadLetters();
    }

    /** Stops the loop and waits for it to finish its current transaction. Safe from any thread. */
    @Override
    public void close() {
        if (!close(Duration.ofSeconds(60))) {
            log.warn("Store did not stop within 60 s");
        }
    }

    // The Service lifecycle: start() runs loop() in a thread of its own, close() stops it.

    /** Stops the loop and waits at most {@code timeout} for it to finish its current transaction. */
    @Override
    public boolean close(Duration timeout) {
        if (closing.compareAndSet(false, true)) {
            if (started.compareAndSet(false, true)) {
                closeUnstarted();
            } else {
                consumer.wakeup();
            }
        }
        try {
            return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A store closed before it started: no loop will close its clients and state, so this does. */
    private void closeUnstarted() {
        closeClients();
        closeStored(false);
        counters.close();
        finished.countDown();
        polling.countDown();
        caughtUp.countDown();
        loopEnded.countDown();
    }

    @Override
    public String name() {
        return "store";
    }

    /**
     * Runs the poll loop in a thread of its own and returns; what stops it is what {@link #awaitStopped()} returns.
     * A store starts once, and never after it was closed.
     */
    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("The store has been started already, or closed");
        }
        Thread loop = new Thread(() -> {
            try {
                loop();
            } catch (RuntimeException e) {
                stoppedBy = FailurePolicy.classify(e, name());
            } finally {
                polling.countDown();
                caughtUp.countDown();
                loopEnded.countDown();
            }
        }, "pactwire-store");
        loop.start();
    }

    /**
     * Waits until the store has joined its group and caught up what news.articles holds for the partitions it got;
     * false if it stopped first or {@code timeout} passed.
     */
    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && finished.getCount() > 0;
    }

    /** Ready while connected and polling within {@link #POLL_WITHIN}; stalled when it has not polled for longer. */
    @Override
    public Health health() {
        if (finished.getCount() == 0) {
            return Health.of(Health.Status.STOPPED, stoppedBy == null ? "store has stopped" : stoppedBy.message());
        }
        if (!connected()) {
            return Health.of(Health.Status.NOT_READY, "store is cut off from Kafka");
        }
        if (caughtUp.getCount() > 0) {
            return Health.of(Health.Status.STARTING, "store is reading what " + topics.articles().name() + " holds for its partitions");
        }
        if (healthy(POLL_WITHIN)) {
            return Health.ready();
        }
        return polling.getCount() > 0 ? Health.of(Health.Status.STARTING, "store is starting")
                : Health.of(Health.Status.STALLED, "store has not polled within " + POLL_WITHIN.toSeconds() + " s");
    }

    /** Waits until the loop started by {@link #start()} has ended: closed (empty), or the failure it stopped on. */
    @Override
    public Optional<Failure> awaitStopped() throws InterruptedException {
        loopEnded.await();
        return Optional.ofNullable(stoppedBy);
    }

    /**
     * After a clean stop the index reads back what this run stored (the next start then reads none of it);
     * after a failure it is only released, and the next start reads from its checkpoint.
     */
    private void closeStored(boolean clean) {
        try {
            if (clean) {
                stored.close();
            } else {
                stored.release();
            }
        } catch (RuntimeException e) {
            log.warn("Closing the store's local state: {}", e.toString());
        }
    }

    private void closeClients() {
        try {
            consumer.close(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("Closing the store's consumer: {}", e.toString());
        }
        try {
            producer.close(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("Closing the store's producer: {}", e.toString());
        }
    }
}

package io.pactwire.store;

import io.pactwire.model.EnrichedArticle;
import io.pactwire.model.Serdes;
import io.pactwire.topics.DeadLetters;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store: folds {@code news.enriched} into {@code news.articles}, the latest result per article.
 *
 * <p>Input: {@code news.enriched} (read_committed, consumer group {@code store.group.id}), key = article
 * id, value = EnrichedArticle JSON. Output: {@code news.articles} (compacted), same key and value;
 * {@code news.dlq} for records that cannot be read (no key, not an EnrichedArticle, key and id
 * disagreeing), with the original bytes and the standard dead-letter headers. Guarantee: each poll's
 * records, dead letters and consumed offsets commit in one transaction: every result is stored once or,
 * after a failure, re-read and stored again in a new transaction; never lost, never doubled.
 */
public final class ArticleStore implements Runnable, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArticleStore.class);
    /** Consecutive aborted transactions after which the store stops instead of retrying forever. */
    static final int MAX_CONSECUTIVE_ABORTS = 5;

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    public ArticleStore(StoreConfig config) {
        this(new KafkaConsumer<>(config.consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                new KafkaProducer<>(config.producerProperties(), new ByteArraySerializer(), new ByteArraySerializer()));
    }

    ArticleStore(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer) {
        this.consumer = consumer;
        this.producer = producer;
    }

    /** Runs the poll loop in the calling thread until {@link #close()} (or a fatal error). */
    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(Topics.ENRICHED.name()));
            int aborts = 0;
            while (!closing.get()) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(500));
                } catch (WakeupException e) {
                    break;
                }
                if (records.isEmpty()) {
                    continue;
                }
                if (storeInTransaction(records)) {
                    aborts = 0;
                } else if (++aborts >= MAX_CONSECUTIVE_ABORTS) {
                    throw new KafkaException("Store gave up after " + aborts + " aborted transactions in a row");
                }
            }
        } catch (WakeupException e) {
            if (!closing.get()) {
                throw e;
            }
        } finally {
            closeClients();
            log.info("Store stopped: {} results stored, {} dead letters", stored.get(), deadLettered.get());
            finished.countDown();
        }
    }

    /** Stores one poll's records atomically; false if the transaction was aborted and will be retried. */
    private boolean storeInTransaction(ConsumerRecords<byte[], byte[]> records) {
        long storedHere = 0;
        long deadHere = 0;
        try {
            producer.beginTransaction();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                String problem = problemWith(record);
                if (problem == null) {
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), record.key(), record.value()));
                    storedHere++;
                } else {
                    log.warn("Dead letter from {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), problem);
                    producer.send(deadLetter(record, problem));
                    deadHere++;
                }
            }
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
            stored.addAndGet(storedHere);
            deadLettered.addAndGet(deadHere);
            return true;
        } catch (ProducerFencedException | OutOfOrderSequenceException | UnsupportedVersionException
                 | AuthorizationException e) {
            throw e; // fatal for this producer: another instance took over, or the cluster refuses us
        } catch (KafkaException e) {
            log.warn("Transaction aborted, re-reading from the last committed offsets: {}", e.toString());
            producer.abortTransaction();
            rewind();
            return false;
        }
    }

    /** Why a record cannot be stored, or null when it can. */
    static String problemWith(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return "record has no key (the article id)";
        }
        if (record.value() == null) {
            return null; // a tombstone: the article was retracted
        }
        EnrichedArticle article;
        try {
            article = Serdes.ENRICHED_ARTICLE.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            return e.getMessage();
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (!key.equals(article.id())) {
            return "key '" + key + "' does not match the value's id '" + article.id() + "'";
        }
        return null;
    }

    private static ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, String problem) {
        return DeadLetters.of(record.key(), record.value(), record.headers(), record.timestamp(), record.topic(),
                record.partition(), record.offset(), new SerializationException(problem));
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
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

    /** Results stored since start. */
    public long storedCount() {
        return stored.get();
    }

    /** Records sent to the dead-letter topic since start. */
    public long deadLetterCount() {
        return deadLettered.get();
    }

    /** Stops the loop and waits for it to finish its current transaction. Safe from any thread. */
    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            consumer.wakeup();
        }
        try {
            if (!finished.await(60, TimeUnit.SECONDS)) {
                log.warn("Store did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

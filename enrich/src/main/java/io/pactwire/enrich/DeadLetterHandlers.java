package io.pactwire.enrich;

import io.pactwire.runtime.LogFields;
import io.pactwire.topics.Topics;
import io.pactwire.runtime.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * The enricher's handlers for records it cannot read or process: each goes to {@code news.dlq} through
 * {@link DeadLetters} (original key, value and headers, and a reason of bounded size) and the stream goes
 * on. Kafka Streams' own dead-letter records copy the exception message and stack trace in full, so a
 * reason that quotes a hostile key made a dead letter three times the key's size, too large to send.
 */
final class DeadLetterHandlers {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandlers.class);

    private DeadLetterHandlers() {
    }

    /** Records of news.raw whose key or value cannot be read. */
    public static final class Deserialization implements DeserializationExceptionHandler {
        private String deadLetterTopic = Topics.DEAD_LETTERS.name();

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
            warn(record.key(), record.topic(), record.partition(), record.offset(), exception);
            return Response.resume(List.of(DeadLetters.of(deadLetterTopic, record.key(), record.value(), record.headers(), record.timestamp(),
                    record.topic(), record.partition(), record.offset(), exception)));
        }

        @Override
        public void configure(Map<String, ?> configs) {
            deadLetterTopic = DeadLetterHandlers.deadLetterTopic(configs);
        }
    }

    /** Records that fail while they are enriched (a key that is not the id, a body over the limit, a bug). */
    public static final class Processing implements ProcessingExceptionHandler {
        private String deadLetterTopic = Topics.DEAD_LETTERS.name();

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            warn(context.sourceRawKey(), context.topic(), context.partition(), context.offset(), exception);
            return Response.resume(List.of(DeadLetters.of(deadLetterTopic, context.sourceRawKey(), context.sourceRawValue(), context.headers(),
                    context.timestamp(), context.topic(), context.partition(), context.offset(), exception)));
        }

        @Override
        public void configure(Map<String, ?> configs) {
            deadLetterTopic = DeadLetterHandlers.deadLetterTopic(configs);
        }
    }

    /** The dead-letter topic of the enricher's config (under topics.prefix), which Streams hands every handler. */
    static String deadLetterTopic(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        return topic == null ? Topics.DEAD_LETTERS.name() : topic.toString();
    }

    static void warn(byte[] key, String topic, int partition, long offset, Exception exception) {
        String reason = exception.getClass().getName() + ": " + DeadLetters.abbreviate(String.valueOf(exception.getMessage()));
        LogFields.articleId(LogFields.record(log.atWarn(), topic, partition, offset), key)
                .addKeyValue(LogFields.REASON, reason)
                .log("Dead letter from {}-{}@{}: {}", topic, partition, offset, reason);
    }
}

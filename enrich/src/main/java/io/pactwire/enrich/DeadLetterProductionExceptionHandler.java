package io.pactwire.enrich;

import io.pactwire.runtime.LogFields;
import io.pactwire.runtime.DeadLetters;
import io.pactwire.runtime.Failure;
import io.pactwire.runtime.FailurePolicy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * What the enricher does when a result cannot be written, as {@link FailurePolicy} classifies the error: the
 * source record of a result the broker refused as too large, or that could not be serialized
 * ({@link Failure.Kind#POISON}), goes to {@code news.dlq} and the stream goes on; a Kafka client's retriable
 * error is retried; anything else fails the stream thread: a fatal one (authorization, a fenced producer)
 * stops the enricher, another has the thread replaced a bounded number of times (the uncaught-exception
 * handler decides both). Kafka's default handler fails the thread on a too-large record, which would stop
 * the enricher on one bad article.
 */
public final class DeadLetterProductionExceptionHandler implements ProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionExceptionHandler.class);
    private static final String SERVICE = "enricher";
    private String deadLetterTopic = io.pactwire.topics.Topics.DEAD_LETTERS.name();

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        Failure failure = FailurePolicy.classify(exception, SERVICE);
        if (failure.kind() == Failure.Kind.POISON) {
            return deadLetter(context, exception);
        }
        if (failure.retryInPlace()) {
            return Response.retry();
        }
        log.atError().addKeyValue(LogFields.REASON, failure.reason()).log("Cannot write to {}: {}; stopping the stream thread",
                record.topic(), failure.message());
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return deadLetter(context, exception);
    }

    private Response deadLetter(ErrorHandlerContext context, Exception exception) {
        LogFields.articleId(LogFields.record(log.atWarn(), context.topic(), context.partition(), context.offset()),
                        context.sourceRawKey())
                .addKeyValue(LogFields.REASON, exception.toString())
                .log("Dead letter from {}-{}@{}: {}", context.topic(), context.partition(), context.offset(), exception.toString());
        return Response.resume(List.of(DeadLetters.of(deadLetterTopic, context.sourceRawKey(), context.sourceRawValue(), context.headers(),
                context.timestamp(), context.topic(), context.partition(), context.offset(), exception)));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetterTopic = DeadLetterHandlers.deadLetterTopic(configs);
    }
}

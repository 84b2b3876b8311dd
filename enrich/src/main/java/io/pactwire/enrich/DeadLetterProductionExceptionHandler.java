package io.pactwire.enrich;

import io.pactwire.runtime.LogFields;
import io.pactwire.runtime.DeadLetters;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Sends the source record of a result that the broker refused as too large, or that could not be
 * serialized, to {@code news.dlq} and goes on; retries what is retriable; fails on anything else
 * (authorization, a fenced producer), which needs an operator. Kafka's default handler fails the
 * thread on a too-large record, which would stop the enricher on one bad article.
 */
public final class DeadLetterProductionExceptionHandler implements ProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionExceptionHandler.class);
    private String deadLetterTopic = io.pactwire.topics.Topics.DEAD_LETTERS.name();

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (exception instanceof RecordTooLargeException) {
            return deadLetter(context, exception);
        }
        log.error("Cannot write to {}: {}; stopping the stream thread", record.topic(), exception.toString());
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

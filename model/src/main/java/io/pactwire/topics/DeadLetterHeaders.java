package io.pactwire.topics;

import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * The headers of a record on {@code news.dlq}. They are the ones Kafka Streams' own dead-letter support
 * writes, so that a dead letter from the enricher and one from the store read the same way.
 */
public final class DeadLetterHeaders {
    /** Class name of the exception that made the record a dead letter. */
    public static final String EXCEPTION = "__streams.errors.exception";
    /** The exception's message: the reason. */
    public static final String MESSAGE = "__streams.errors.message";
    /** The exception's stack trace. */
    public static final String STACKTRACE = "__streams.errors.stacktrace";
    /** The topic the record was read from. */
    public static final String TOPIC = "__streams.errors.topic";
    /** The partition the record was read from. */
    public static final String PARTITION = "__streams.errors.partition";
    /** The offset the record was read from. */
    public static final String OFFSET = "__streams.errors.offset";

    private DeadLetterHeaders() {
    }

    /** The value of a header as text, or null when the record has no such header. */
    public static String text(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

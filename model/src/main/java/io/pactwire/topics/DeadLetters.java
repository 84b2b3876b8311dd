package io.pactwire.topics;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Builds records for {@code news.dlq}: the original key and value bytes, the original headers, and the
 * {@link DeadLetterHeaders} naming the exception and where the record came from.
 */
public final class DeadLetters {
    private DeadLetters() {
    }

    /**
     * A dead letter for a record read from {@code topic}/{@code partition} at {@code offset}.
     *
     * @param timestamp the original record's timestamp, or a negative number when it has none
     */
    public static ProducerRecord<byte[], byte[]> of(byte[] key, byte[] value, Headers originalHeaders, long timestamp,
                                                    String topic, int partition, long offset, Throwable reason) {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null,
                timestamp < 0 ? null : timestamp, key, value);
        if (originalHeaders != null) {
            for (Header header : originalHeaders) {
                letter.headers().add(header);
            }
        }
        StringWriter trace = new StringWriter();
        reason.printStackTrace(new PrintWriter(trace));
        letter.headers()
                .add(DeadLetterHeaders.EXCEPTION, bytes(reason.getClass().getName()))
                .add(DeadLetterHeaders.MESSAGE, bytes(String.valueOf(reason.getMessage())))
                .add(DeadLetterHeaders.STACKTRACE, bytes(trace.toString()))
                .add(DeadLetterHeaders.TOPIC, bytes(topic))
                .add(DeadLetterHeaders.PARTITION, bytes(Integer.toString(partition)))
                .add(DeadLetterHeaders.OFFSET, bytes(Long.toString(offset)));
        return letter;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

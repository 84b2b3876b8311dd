package io.pactwire.runtime;

import io.pactwire.topics.DeadLetterHeaders;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Builds records for {@code news.dlq}: the original key and value bytes, the original headers, and the
 * {@link DeadLetterHeaders} naming the exception and where the record came from.
 *
 * <p>A dead letter is at most the original record plus {@link #MAX_REASON_BYTES} of reason: the message and
 * the stack trace are cut there. A reason that quoted a hostile key or value in full (a 12 MB key that is
 * not the article id) would otherwise carry it three times (key, message, stack trace), over what the
 * producer and the topic take; the send would fail and the partition stall behind it.
 */
public final class DeadLetters {
    /** The most the message header takes, in UTF-8 bytes. */
    public static final int MAX_MESSAGE_BYTES = 4 * 1024;
    /** The most the stack trace header takes, in UTF-8 bytes. */
    public static final int MAX_STACKTRACE_BYTES = 16 * 1024;
    /** The most a dead letter adds to the original record for its reason. */
    public static final int MAX_REASON_BYTES = MAX_MESSAGE_BYTES + MAX_STACKTRACE_BYTES + 1024;
    /** How much of a key or other text an exception message quotes ({@link #abbreviate}). */
    public static final int QUOTED_CHARS = 200;

    private DeadLetters() {
    }

    /**
     * {@code text} as an exception message may quote it: the whole when short, else its first
     * {@link #QUOTED_CHARS} characters and how long it was.
     */
    public static String abbreviate(String text) {
        if (text == null || text.length() <= QUOTED_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(QUOTED_CHARS - 1)) ? QUOTED_CHARS - 1 : QUOTED_CHARS;
        return text.substring(0, end) + "\u2026 (" + text.length() + " chars)";
    }

    /**
     * A dead letter, to {@code deadLetterTopic}, for a record read from {@code topic}/{@code partition} at
     * {@code offset}.
     *
     * @param timestamp the original record's timestamp, or a negative number when it has none
     */
    public static ProducerRecord<byte[], byte[]> of(String deadLetterTopic, byte[] key, byte[] value, Headers originalHeaders, long timestamp,
                                                    String topic, int partition, long offset, Throwable reason) {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(deadLetterTopic, null,
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
                .add(DeadLetterHeaders.MESSAGE, truncated(String.valueOf(reason.getMessage()), MAX_MESSAGE_BYTES))
                .add(DeadLetterHeaders.STACKTRACE, truncated(trace.toString(), MAX_STACKTRACE_BYTES))
                .add(DeadLetterHeaders.TOPIC, bytes(topic))
                .add(DeadLetterHeaders.PARTITION, bytes(Integer.toString(partition)))
                .add(DeadLetterHeaders.OFFSET, bytes(Long.toString(offset)));
        return letter;
    }

    /** {@code text} in UTF-8, cut at a character boundary to at most {@code max} bytes with a note saying so. */
    static byte[] truncated(String text, int max) {
        byte[] all = bytes(text);
        if (all.length <= max) {
            return all;
        }
        byte[] note = bytes(" [truncated: " + all.length + " bytes in all]");
        int cut = max - note.length;
        while (cut > 0 && (all[cut] & 0xC0) == 0x80) {
            cut--; // not inside a multi-byte character
        }
        byte[] out = new byte[cut + note.length];
        System.arraycopy(all, 0, out, 0, cut);
        System.arraycopy(note, 0, out, cut, note.length);
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

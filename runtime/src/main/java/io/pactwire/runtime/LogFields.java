package io.pactwire.runtime;

import io.pactwire.model.Printable;
import org.slf4j.spi.LoggingEventBuilder;

import java.nio.charset.StandardCharsets;

/**
 * The names of the fields Pactwire attaches to its log events as SLF4J key-value pairs (in the JSON log
 * format each is a field of the event's {@code kvpList}; the text format shows the message only, which says
 * the same): one name for each thing, whichever service logs it.
 */
public final class LogFields {
    /** The article's id (a record's key, escaped and abbreviated when it comes from a record). */
    public static final String ARTICLE_ID = "articleId";
    /** Where ingest read an input: a file, a URL, a feed item. */
    public static final String SOURCE = "source";
    public static final String TOPIC = "topic";
    public static final String PARTITION = "partition";
    public static final String OFFSET = "offset";
    /** Why a record was dead-lettered, an input rejected, a service stopped. */
    public static final String REASON = "reason";

    private LogFields() {
    }

    /** Adds the record's topic, partition and offset. */
    public static LoggingEventBuilder record(LoggingEventBuilder event, String topic, int partition, long offset) {
        return event.addKeyValue(TOPIC, topic).addKeyValue(PARTITION, partition).addKeyValue(OFFSET, offset);
    }

    /** Adds a record key as the article id, escaped and abbreviated (a key can be anything); none for no key. */
    public static LoggingEventBuilder articleId(LoggingEventBuilder event, byte[] key) {
        return key == null ? event
                : event.addKeyValue(ARTICLE_ID, Printable.escape(DeadLetters.abbreviate(new String(key, StandardCharsets.UTF_8))));
    }
}

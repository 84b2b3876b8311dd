package io.pactwire.connect;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A rejected input as a dead letter: key the input (a URL, or a file's URI), no value (no record was made), and
 * the headers Connect's own dead-letter queue writes ({@code __connect.errors.*}), so that the tools that read
 * a sink connector's DLQ read this one: which topic the input was for, which connector and task, at which stage,
 * and the reason as the exception message.
 */
final class DeadLetterRecords {
    static final String PREFIX = "__connect.errors.";
    static final String TOPIC = PREFIX + "topic";
    static final String CONNECTOR_NAME = PREFIX + "connector.name";
    static final String TASK_ID = PREFIX + "task.id";
    static final String STAGE = PREFIX + "stage";
    static final String CLASS_NAME = PREFIX + "class.name";
    static final String EXCEPTION_CLASS_NAME = PREFIX + "exception.class.name";
    static final String EXCEPTION_MESSAGE = PREFIX + "exception.message";
    /** Connect's stage of a failure in a source task's poll. */
    static final String TASK_POLL = "TASK_POLL";
    /** What the reason is: an input ingest rejects, not a Java exception. */
    static final String REJECTED_INPUT = "io.pactwire.ingest.Input.Rejected";

    private DeadLetterRecords() {
    }

    static SourceRecord rejection(String deadLetterTopic, String topic, String source, String reason, String connector,
                                  String taskId) {
        SourceRecord record = new SourceRecord(ArticleOffsets.rejectedPartition(source), ArticleOffsets.rejectedOffset(reason),
                deadLetterTopic, null, Schema.STRING_SCHEMA, source, Schema.OPTIONAL_BYTES_SCHEMA, null);
        record.headers()
                .addString(TOPIC, topic)
                .addString(CONNECTOR_NAME, connector)
                .addString(TASK_ID, taskId)
                .addString(STAGE, TASK_POLL)
                .addString(CLASS_NAME, NewsSourceTask.class.getName())
                .addString(EXCEPTION_CLASS_NAME, REJECTED_INPUT)
                .addString(EXCEPTION_MESSAGE, reason);
        return record;
    }
}

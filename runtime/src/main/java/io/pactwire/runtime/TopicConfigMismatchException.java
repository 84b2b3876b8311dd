package io.pactwire.runtime;

import org.apache.kafka.common.KafkaException;

import java.util.List;

/** Existing topics whose configuration contradicts their contract; the message names each. */
public final class TopicConfigMismatchException extends KafkaException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public TopicConfigMismatchException(List<String> problems) {
        super("Topics do not match their contract (fix or delete them, then run `pactwire topics` again):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

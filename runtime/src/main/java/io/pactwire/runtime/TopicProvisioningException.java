package io.pactwire.runtime;

import org.apache.kafka.common.KafkaException;

/** The cluster could not be asked about, or could not create, the topics. */
public final class TopicProvisioningException extends KafkaException {
    private static final long serialVersionUID = 1L;

    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}

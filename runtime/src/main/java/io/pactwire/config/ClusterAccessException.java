package io.pactwire.config;

import io.pactwire.runtime.Failure;
import io.pactwire.runtime.FailurePolicy;
import org.apache.kafka.common.KafkaException;

import java.util.Objects;

/**
 * The cluster refused a service: it could not log in (wrong password, unknown user, TLS not trusted) or
 * is not allowed what it asked (an ACL is missing). Both are fatal, never retried: a service that meets
 * one stops with this exception, whose message names the cause, the bootstrap servers, the security
 * protocol, the SASL mechanism and user (never a password), and what to check. It carries the
 * {@link Failure} it was made from, so that nothing has to read its message back.
 */
public final class ClusterAccessException extends KafkaException {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    /** The exception of a failure classified {@link Failure.Reason#AUTHENTICATION} or {@link Failure.Reason#AUTHORIZATION}. */
    public ClusterAccessException(Failure failure) {
        super(failure.message(), failure.cause());
        if (failure.reason() != Failure.Reason.AUTHENTICATION && failure.reason() != Failure.Reason.AUTHORIZATION) {
            throw new IllegalArgumentException("not a refusal of the cluster: " + failure.reason());
        }
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** The failure as the policy classified it. */
    public Failure failure() {
        return failure;
    }

    /**
     * The failure to throw, as {@link FailurePolicy} explains it: a {@link ClusterAccessException} when it is (or
     * was caused by) an authentication or authorization error, a {@link ConfigValidationException} when no
     * client can be built from the settings, otherwise {@code failure} itself.
     */
    public static RuntimeException explain(RuntimeException failure, PactwireConfig config) {
        return FailurePolicy.classify(failure, config).asException();
    }
}

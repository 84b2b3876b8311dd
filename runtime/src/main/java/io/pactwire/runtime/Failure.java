package io.pactwire.runtime;

import io.pactwire.config.ClusterAccessException;
import io.pactwire.config.ConfigValidationException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;
import java.util.Objects;

/**
 * A failure as {@link FailurePolicy} classifies it: what to do with it ({@link #kind()}), why
 * ({@link #reason()}), and the message a person sees: what happened, what to do about it, and the settings or
 * input involved. A structured value: callers decide on {@link #kind()} and {@link #reason()}, never on the text.
 *
 * @param kind     what the service does: stop, retry, or dead-letter the record
 * @param reason   the class of failure the kind follows from
 * @param service  the service it happened to ({@code enricher}, {@code store}...), for the message
 * @param what     what happened, in one sentence without a final period
 * @param action   what to do about it, one or more sentences
 * @param involved the config keys or input the failure is about (empty when none is)
 * @param error    the throwable classified, as it was thrown
 * @param cause    the throwable in {@code error}'s chain of causes that decided (often {@code error} itself)
 */
public record Failure(Kind kind, Reason reason, String service, String what, String action, List<String> involved,
                      Throwable error, Throwable cause) {

    /** What a service does with a failure. */
    public enum Kind {
        /** Stop: no retry can succeed until a person acts (settings, access, a topic's contract, a fenced producer). */
        FATAL,
        /** Retry: the broker is gone for now, a request timed out, the group rebalances, or a bug hit once. */
        RETRIABLE,
        /** One record cannot be processed: dead-letter it and go on with the next. */
        POISON
    }

    /** Why: each reason has one kind. */
    public enum Reason {
        /** Settings a client cannot be built from, or that do not validate. */
        SETTINGS(Kind.FATAL),
        /** The cluster refused the login. */
        AUTHENTICATION(Kind.FATAL),
        /** The cluster refused an operation: an ACL is missing. */
        AUTHORIZATION(Kind.FATAL),
        /** A topic exists but not as the pipeline needs it (configuration, name). */
        TOPIC_CONTRACT(Kind.FATAL),
        /** The producer is fenced or its sequence is broken: it cannot write again. */
        PRODUCER_STATE(Kind.FATAL),
        /** No broker answers, or a request timed out; the client retries the same request. */
        CONNECTION(Kind.RETRIABLE),
        /** The group rebalanced under the worker; it rejoins. */
        REBALANCE(Kind.RETRIABLE),
        /** Nothing known: likely a bug; the worker is restarted, a bounded number of times. */
        UNEXPECTED(Kind.RETRIABLE),
        /** One record: unreadable, too large, or refused by the service's own checks. */
        RECORD(Kind.POISON);

        private final Kind kind;

        Reason(Kind kind) {
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
        involved = List.copyOf(involved);
        if (reason.kind() != kind) {
            throw new IllegalArgumentException(reason + " is " + reason.kind() + ", not " + kind);
        }
    }

    /** A failure of {@code reason}, of that reason's kind. */
    public static Failure of(Reason reason, String service, String what, String action, List<String> involved,
                             Throwable error, Throwable cause) {
        return new Failure(reason.kind(), reason, service, what, action, involved, error, cause);
    }

    /**
     * True when the very operation that failed may be retried as it is (a Kafka client's retriable error):
     * the others of kind {@link Kind#RETRIABLE} need the worker restarted (it rejoins its group, or starts again
     * after an unexpected error).
     */
    public boolean retryInPlace() {
        return reason == Reason.CONNECTION;
    }

    /** The message a person sees: what happened, then what to do. */
    public String message() {
        return what + ". " + action;
    }

    /**
     * The failure to throw from a service or command: a {@link ConfigValidationException} for unusable settings,
     * a {@link ClusterAccessException} for a refused login or operation (both carry the message a person sees),
     * else the error itself (wrapped when it is not unchecked).
     */
    public RuntimeException asException() {
        if (error instanceof ClusterAccessException || error instanceof ConfigValidationException) {
            return (RuntimeException) error;
        }
        return switch (reason) {
            case AUTHENTICATION, AUTHORIZATION -> new ClusterAccessException(this);
            case SETTINGS -> cause instanceof ConfigException ? unchecked()
                    : new ConfigValidationException(service, List.of(what + " (" + action + ")"));
            default -> unchecked();
        };
    }

    private RuntimeException unchecked() {
        return error instanceof RuntimeException runtime ? runtime : new KafkaException(error.toString(), error);
    }
}

package io.pactwire.runtime;

import io.pactwire.config.ClusterAccessException;
import io.pactwire.config.ConfigValidationException;
import io.pactwire.config.PactwireConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one failure policy of every service and the CLI: classifies a throwable as {@link Failure.Kind#FATAL},
 * {@link Failure.Kind#RETRIABLE} or {@link Failure.Kind#POISON}, with the message a person sees.
 *
 * <p>The chain of causes is read from the outside in, and the first throwable of a known class decides: a
 * {@code StreamsException} or a command's own {@code KafkaException} says nothing by itself, the refused
 * login or the timeout inside it does. Known classes:
 * <ul>
 *   <li>FATAL: invalid settings, a client that cannot be built from them, a refused login or operation, a topic
 *       that breaks its contract, a producer that is fenced or out of sequence, a broker too old;</li>
 *   <li>RETRIABLE: Kafka's retriable errors (no broker answers, timeouts, leaders moving), a rebalance, and
 *       anything unknown (a bug), which a service retries only a bounded number of times;</li>
 *   <li>POISON: a record that cannot be read or written (serialization, too large) or that a service refuses
 *       by its own checks ({@link PoisonRecordException}).</li>
 * </ul>
 * The messages quote no secret: only the user name of {@code sasl.jaas.config} is shown.
 */
public final class FailurePolicy {
    /** The user name in a JAAS line, {@code username="x"}; the only part of it a message may show. */
    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");
    private static final String CLIENT_CONSTRUCTION = "Failed to create new ";

    private FailurePolicy() {
    }

    /** The failure of a service with these settings: the messages name its cluster, protocol and user. */
    public static Failure classify(Throwable failure, PactwireConfig config) {
        return classify(failure, config.service(), where(config));
    }

    /** The failure of {@code service}, where its settings are not at hand (a Kafka Streams handler). */
    public static Failure classify(Throwable failure, String service) {
        return classify(failure, service, " Kafka");
    }

    private static Failure classify(Throwable failure, String service, String where) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<Failure> known = known(failure, t, root, service, where);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return Failure.of(Failure.Reason.UNEXPECTED, service, service + ": unexpected failure: " + failure,
                "This is likely a bug: the service retries a bounded number of times, then stops; --verbose shows"
                        + " the stack trace to report", List.of(), failure, failure);
    }

    private static Optional<Failure> known(Throwable failure, Throwable t, Throwable root, String service, String where) {
        if (t instanceof ClusterAccessException explained) {
            return Optional.of(explained.failure());
        }
        if (t instanceof ConfigException) {
            List<String> problems = t instanceof ConfigValidationException invalid ? invalid.problems() : List.of(String.valueOf(t.getMessage()));
            return Optional.of(Failure.of(Failure.Reason.SETTINGS, service, String.valueOf(t.getMessage()),
                    "Correct the settings named (config file, environment or flags)", List.copyOf(problems), failure, t));
        }
        if (t instanceof KafkaException && t.getMessage() != null && t.getMessage().startsWith(CLIENT_CONSTRUCTION)
                && root != t) {
            // Kafka says only "Failed to create new KafkaAdminClient" at the top and the reason (a malformed
            // sasl.jaas.config, a missing keystore) at the bottom of its causes; its reasons quote no secret.
            return Optional.of(Failure.of(Failure.Reason.SETTINGS, service,
                    "a Kafka client cannot be created from the settings given: " + root.getMessage(),
                    "check security.protocol, sasl.mechanism, sasl.jaas.config and the ssl.* settings",
                    List.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SaslConfigs.SASL_MECHANISM,
                            SaslConfigs.SASL_JAAS_CONFIG, "ssl.*"), failure, t));
        }
        if (t instanceof AuthenticationException) {
            return Optional.of(Failure.of(Failure.Reason.AUTHENTICATION, service,
                    service + ": authentication failed with" + where + ": " + t.getMessage(),
                    "Check the user and password in sasl.jaas.config and the truststore (ssl.truststore.*).",
                    List.of(SaslConfigs.SASL_JAAS_CONFIG, "ssl.truststore.*"), failure, t));
        }
        if (t instanceof AuthorizationException) {
            return Optional.of(Failure.of(Failure.Reason.AUTHORIZATION, service,
                    service + ": not authorized by" + where + ": " + t.getMessage(),
                    "The user lacks an ACL; docs/operations.md#security lists what each service needs.",
                    List.of(SaslConfigs.SASL_JAAS_CONFIG), failure, t));
        }
        if (t instanceof TopicConfigMismatchException || t instanceof InvalidTopicException) {
            return Optional.of(Failure.of(Failure.Reason.TOPIC_CONTRACT, service, service + ": " + t.getMessage(),
                    "Fix or delete the topics named, then run `pactwire topics` again", List.of(PactwireConfig.TOPICS_PREFIX), failure, t));
        }
        // not InvalidProducerEpochException: a transaction that outlived its timeout is aborted and retried (KIP-588)
        if (t instanceof ProducerFencedException || t instanceof OutOfOrderSequenceException || t instanceof FencedInstanceIdException
                || t instanceof UnsupportedVersionException) {
            return Optional.of(Failure.of(Failure.Reason.PRODUCER_STATE, service,
                    service + ": its Kafka client cannot go on: " + t,
                    "Another instance with the same application id may have taken over, or the broker is too old for"
                            + " transactions; make sure one instance runs per id, then start it again",
                    List.of("application.id", "group.id"), failure, t));
        }
        if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                || t instanceof SerializationException || t instanceof PoisonRecordException) {
            return Optional.of(Failure.of(Failure.Reason.RECORD, service, service + ": a record cannot be processed: " + t.getMessage(),
                    "It goes to the dead-letter topic with its original bytes and the reason; the service goes on",
                    t instanceof RecordTooLargeException ? List.of("max.message.bytes") : List.of(), failure, t));
        }
        if (t instanceof RebalanceInProgressException || t instanceof CommitFailedException) {
            return Optional.of(Failure.of(Failure.Reason.REBALANCE, service,
                    service + ": its consumer group rebalanced: " + t.getMessage(),
                    "It rejoins the group by itself; if this repeats, its processing outlasts max.poll.interval.ms",
                    List.of("max.poll.interval.ms"), failure, t));
        }
        if (t instanceof RetriableException || t instanceof TimeoutException) {
            return Optional.of(Failure.of(Failure.Reason.CONNECTION, service,
                    service + ": no timely answer from" + where + ": " + t.getMessage(),
                    "The clients retry by themselves; check that the brokers run and are reachable",
                    List.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG), failure, t));
        }
        return Optional.empty();
    }

    /** " Kafka at <servers> (security.protocol=..., sasl.mechanism=..., user ...)", never a password. */
    private static String where(PactwireConfig config) {
        Map<String, String> settings = config.kafkaPassThrough();
        String protocol = settings.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        String as = protocol.startsWith("SASL")
                ? ", sasl.mechanism=" + settings.getOrDefault(SaslConfigs.SASL_MECHANISM, SaslConfigs.DEFAULT_SASL_MECHANISM)
                        + user(settings.get(SaslConfigs.SASL_JAAS_CONFIG)).map(u -> ", user " + u).orElse("")
                : "";
        return " Kafka at " + config.bootstrapServers() + " (security.protocol=" + protocol + as + ")";
    }

    private static Optional<String> user(String jaasConfig) {
        if (jaasConfig == null) {
            return Optional.empty();
        }
        Matcher matcher = USERNAME.matcher(jaasConfig);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}

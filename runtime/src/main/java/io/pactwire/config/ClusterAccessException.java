package io.pactwire.config;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster refused a service: it could not log in (wrong password, unknown user, TLS not trusted) or
 * is not allowed what it asked (an ACL is missing). Both are fatal, never retried: a service that meets
 * one stops with this exception, whose message names the cause, the bootstrap servers, the security
 * protocol, the SASL mechanism and user (never a password), and what to check.
 */
public final class ClusterAccessException extends KafkaException {
    private static final long serialVersionUID = 1L;
    /** The user name in a JAAS line, {@code username="x"}; the only part of it a message may show. */
    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

    private ClusterAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The failure explained, when it is (or was caused by) an authentication or authorization error;
     * otherwise {@code failure} itself.
     */
    public static RuntimeException explain(RuntimeException failure, PactwireConfig config) {
        if (failure instanceof ClusterAccessException || failure instanceof ConfigValidationException) {
            return failure;
        }
        Optional<String> unusable = unusableSettings(failure);
        if (unusable.isPresent()) {
            return new ConfigValidationException(config.service(), List.of(unusable.get()));
        }
        return securityCause(failure)
                .<RuntimeException>map(cause -> new ClusterAccessException(describe(cause, config), cause))
                .orElse(failure);
    }

    /** What the cluster refused and where, when the failure is (or was caused by) an authentication or authorization error. */
    public static Optional<String> reason(Throwable failure, PactwireConfig config) {
        return securityCause(failure).map(cause -> describe(cause, config));
    }

    /**
     * Why a Kafka client could not even be created from the settings, when that is the failure: Kafka says
     * only "Failed to create new KafkaAdminClient" at the top and the reason (a malformed sasl.jaas.config, a
     * missing keystore) at the bottom of its causes. Kafka's reasons quote no secret.
     */
    private static Optional<String> unusableSettings(Throwable failure) {
        boolean construction = false;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            construction |= t instanceof KafkaException && t.getMessage() != null && t.getMessage().startsWith("Failed to create new ");
            root = t;
        }
        if (!construction || root == failure) {
            return Optional.empty();
        }
        return Optional.of("a Kafka client cannot be created from the settings given: " + root.getMessage()
                + " (check security.protocol, sasl.mechanism, sasl.jaas.config and the ssl.* settings)");
    }

    private static Optional<KafkaException> securityCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AuthorizationException) {
                return Optional.of((KafkaException) t);
            }
        }
        return Optional.empty();
    }

    static String describe(KafkaException cause, PactwireConfig config) {
        Map<String, String> settings = config.kafkaPassThrough();
        String protocol = settings.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        String as = protocol.startsWith("SASL")
                ? ", sasl.mechanism=" + settings.getOrDefault(SaslConfigs.SASL_MECHANISM, SaslConfigs.DEFAULT_SASL_MECHANISM)
                        + user(settings.get(SaslConfigs.SASL_JAAS_CONFIG)).map(u -> ", user " + u).orElse("")
                : "";
        String where = " Kafka at " + config.bootstrapServers() + " (security.protocol=" + protocol + as + ")";
        if (cause instanceof AuthenticationException) {
            return config.service() + ": authentication failed with" + where + ": " + cause.getMessage()
                    + ". Check the user and password in sasl.jaas.config and the truststore (ssl.truststore.*).";
        }
        return config.service() + ": not authorized by" + where + ": " + cause.getMessage()
                + ". The user lacks an ACL; docs/operations.md#security lists what each service needs.";
    }

    private static Optional<String> user(String jaasConfig) {
        if (jaasConfig == null) {
            return Optional.empty();
        }
        Matcher matcher = USERNAME.matcher(jaasConfig);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}

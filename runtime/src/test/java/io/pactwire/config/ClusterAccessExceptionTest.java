package io.pactwire.config;

import io.pactwire.runtime.Failure;
import io.pactwire.runtime.FailurePolicy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClusterAccessExceptionTest {
    private static final ClusterConfig SCRAM = new ClusterConfig(ConfigInput.of(Map.of(
            "bootstrap.servers", "broker1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"ingest\" password=\"s3cret-pw\";")));

    @Test
    void aRefusedLoginNamesTheServersProtocolMechanismAndUserButNeverThePassword() {
        RuntimeException explained = ClusterAccessException.explain(new KafkaException("Cannot list topics",
                new SaslAuthenticationException("Authentication failed during authentication due to invalid credentials"
                        + " with SASL mechanism SCRAM-SHA-512")), SCRAM);
        assertThat(explained).isInstanceOf(ClusterAccessException.class)
                .hasCauseInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("authentication failed with Kafka at broker1:9093")
                .hasMessageContaining("security.protocol=SASL_SSL, sasl.mechanism=SCRAM-SHA-512, user ingest")
                .hasMessageContaining("invalid credentials")
                .hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void aMissingAclSaysNotAuthorizedAndWhereTheAclsAreListed() {
        RuntimeException explained = ClusterAccessException.explain(
                new TopicAuthorizationException(Set.of("news.articles")), SCRAM);
        assertThat(explained).hasMessageContaining("not authorized by Kafka at broker1:9093")
                .hasMessageContaining("news.articles")
                .hasMessageContaining("docs/operations.md#security");
    }

    @Test
    void anyOtherFailureIsLeftAsItIs() {
        IllegalStateException other = new IllegalStateException("disk full");
        assertThat(ClusterAccessException.explain(other, SCRAM)).isSameAs(other);
        assertThat(FailurePolicy.classify(other, SCRAM).reason())
                .isNotIn(Failure.Reason.AUTHENTICATION, Failure.Reason.AUTHORIZATION);
    }

    @Test
    void aMalformedJaasConfigIsAnInvalidSettingNamingTheCauseNeverThePassword() {
        ClusterConfig malformed = new ClusterConfig(ConfigInput.of(Map.of(
                "bootstrap.servers", "127.0.0.1:1",
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"ingest\" password=\"s3cret-pw\"")));
        RuntimeException failure = assertThrows(RuntimeException.class, () -> Admin.create(malformed.adminProperties()).close());
        RuntimeException explained = ClusterAccessException.explain(failure, malformed);
        assertThat(explained).isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("a Kafka client cannot be created from the settings given: JAAS config entry not"
                        + " terminated by semi-colon")
                .hasMessageNotContaining("s3cret-pw");
    }
}

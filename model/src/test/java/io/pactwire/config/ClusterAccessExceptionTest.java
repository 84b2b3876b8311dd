package io.pactwire.config;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(ClusterAccessException.reason(other, SCRAM)).isEmpty();
    }
}

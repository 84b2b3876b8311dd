package io.pactwire.runtime;

import io.pactwire.config.ClusterAccessException;
import io.pactwire.config.ClusterConfig;
import io.pactwire.config.ConfigInput;
import io.pactwire.config.ConfigValidationException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FailurePolicyTest {
    private static final ClusterConfig SCRAM = new ClusterConfig(ConfigInput.of(Map.of(
            "bootstrap.servers", "broker1:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                    + " username=\"enrich\" password=\"s3cret-pw\";")));

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConfigException("enrich.threads", "0", "must be at least 1"), Failure.Reason.SETTINGS),
                Arguments.of(new ConfigValidationException("enricher", List.of("a", "b")), Failure.Reason.SETTINGS),
                Arguments.of(new KafkaException("Failed to create new KafkaAdminClient",
                        new IllegalArgumentException("JAAS config entry not terminated by semi-colon")), Failure.Reason.SETTINGS),
                Arguments.of(new SaslAuthenticationException("invalid credentials"), Failure.Reason.AUTHENTICATION),
                Arguments.of(new TopicAuthorizationException(Set.of("news.raw")), Failure.Reason.AUTHORIZATION),
                Arguments.of(new GroupAuthorizationException("enrich"), Failure.Reason.AUTHORIZATION),
                Arguments.of(new TopicConfigMismatchException(List.of("news.raw: cleanup.policy is delete")),
                        Failure.Reason.TOPIC_CONTRACT),
                Arguments.of(new ProducerFencedException("fenced by a newer epoch"), Failure.Reason.PRODUCER_STATE),
                Arguments.of(new TimeoutException("Timed out waiting for a node assignment"), Failure.Reason.CONNECTION),
                Arguments.of(new DisconnectException("broker gone"), Failure.Reason.CONNECTION),
                Arguments.of(new NotLeaderOrFollowerException("leader moved"), Failure.Reason.CONNECTION),
                Arguments.of(new java.util.concurrent.TimeoutException("no answer"), Failure.Reason.CONNECTION),
                Arguments.of(new CommitFailedException(), Failure.Reason.REBALANCE),
                Arguments.of(new RecordTooLargeException("The message is 2000000 bytes"), Failure.Reason.RECORD),
                Arguments.of(new SerializationException("value is not JSON"), Failure.Reason.RECORD),
                Arguments.of(new PoisonRecordException("record has no key"), Failure.Reason.RECORD),
                Arguments.of(new NullPointerException("a bug"), Failure.Reason.UNEXPECTED),
                Arguments.of(new OutOfMemoryError("Java heap space"), Failure.Reason.UNEXPECTED));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void eachKnownFailureHasItsReasonAndTheReasonsKind(Throwable failure, Failure.Reason reason) {
        Failure classified = FailurePolicy.classify(failure, SCRAM);
        assertThat(classified.reason()).isEqualTo(reason);
        assertThat(classified.kind()).isEqualTo(reason.kind());
        assertThat(classified.error()).isSameAs(failure);
    }

    @Test
    void configAccessTopicsAndProducerStateAreFatalNetworkAndRebalanceRetriableRecordsPoison() {
        assertThat(Failure.Reason.SETTINGS.kind()).isEqualTo(Failure.Kind.FATAL);
        assertThat(Failure.Reason.AUTHENTICATION.kind()).isEqualTo(Failure.Kind.FATAL);
        assertThat(Failure.Reason.AUTHORIZATION.kind()).isEqualTo(Failure.Kind.FATAL);
        assertThat(Failure.Reason.TOPIC_CONTRACT.kind()).isEqualTo(Failure.Kind.FATAL);
        assertThat(Failure.Reason.PRODUCER_STATE.kind()).isEqualTo(Failure.Kind.FATAL);
        assertThat(Failure.Reason.CONNECTION.kind()).isEqualTo(Failure.Kind.RETRIABLE);
        assertThat(Failure.Reason.REBALANCE.kind()).isEqualTo(Failure.Kind.RETRIABLE);
        assertThat(Failure.Reason.UNEXPECTED.kind()).isEqualTo(Failure.Kind.RETRIABLE);
        assertThat(Failure.Reason.RECORD.kind()).isEqualTo(Failure.Kind.POISON);
    }

    @Test
    void theFirstKnownCauseFromTheOutsideDecides() {
        // a Streams thread's error wraps the cluster's refusal: the refusal decides, and is what the message shows
        KafkaException wrapped = new KafkaException("stream thread failed",
                new KafkaException("Cannot list topics", new TopicAuthorizationException(Set.of("news.dlq"))));
        Failure failure = FailurePolicy.classify(wrapped, SCRAM);
        assertThat(failure.kind()).isEqualTo(Failure.Kind.FATAL);
        assertThat(failure.cause()).isInstanceOf(TopicAuthorizationException.class);
        assertThat(failure.error()).isSameAs(wrapped);
        // a record too large, inside a timeout's cause, is the timeout's business: the outer one decides
        assertThat(FailurePolicy.classify(new TimeoutException("send timed out", new RecordTooLargeException("big")), SCRAM)
                .reason()).isEqualTo(Failure.Reason.CONNECTION);
    }

    @Test
    void aFencedProducerIsFatalButATransactionThatOutlivedItsTimeoutIsRetried() {
        assertThat(FailurePolicy.classify(new org.apache.kafka.common.errors.ProducerFencedException("fenced"), "store").kind())
                .isEqualTo(Failure.Kind.FATAL);
        // KIP-588: the producer aborts the transaction and goes on; the store re-reads from its committed offsets
        assertThat(FailurePolicy.classify(new org.apache.kafka.common.errors.InvalidProducerEpochException("epoch"), "store")
                .kind()).isEqualTo(Failure.Kind.RETRIABLE);
    }

    @Test
    void onlyTheClientsOwnRetriableErrorsAreRetriedInPlace() {
        assertThat(FailurePolicy.classify(new TimeoutException("t"), "enricher").retryInPlace()).isTrue();
        assertThat(FailurePolicy.classify(new CommitFailedException(), "enricher").retryInPlace()).isFalse();
        assertThat(FailurePolicy.classify(new IllegalStateException("bug"), "enricher").retryInPlace()).isFalse();
        assertThat(FailurePolicy.classify(new RecordTooLargeException("big"), "enricher").retryInPlace()).isFalse();
    }

    @Test
    void theMessageSaysWhatHappenedWhatToDoAndWhichSettingsWithoutThePassword() {
        Failure failure = FailurePolicy.classify(new SaslAuthenticationException("invalid credentials"), SCRAM);
        assertThat(failure.what()).isEqualTo("topics: authentication failed with Kafka at broker1:9093"
                + " (security.protocol=SASL_SSL, sasl.mechanism=SCRAM-SHA-512, user enrich): invalid credentials");
        assertThat(failure.action()).contains("sasl.jaas.config");
        assertThat(failure.involved()).contains("sasl.jaas.config");
        assertThat(failure.message()).startsWith(failure.what()).endsWith(failure.action()).doesNotContain("s3cret-pw");
    }

    @Test
    void aFailureWithoutSettingsAtHandNamesTheServiceAndKafka() {
        Failure failure = FailurePolicy.classify(new TopicAuthorizationException(Set.of("news.enriched")), "enricher");
        assertThat(failure.what()).isEqualTo("enricher: not authorized by Kafka: Not authorized to access topics: [news.enriched]");
        assertThat(failure.service()).isEqualTo("enricher");
    }

    @Test
    void asExceptionExplainsRefusalsAndUnusableSettingsAndLeavesTheRestAsThrown() {
        assertThat(FailurePolicy.classify(new KafkaException("x", new SaslAuthenticationException("bad")), SCRAM).asException())
                .isInstanceOfSatisfying(ClusterAccessException.class, e ->
                        assertThat(e.failure().reason()).isEqualTo(Failure.Reason.AUTHENTICATION))
                .hasCauseInstanceOf(SaslAuthenticationException.class);
        assertThat(FailurePolicy.classify(new KafkaException("Failed to create new KafkaConsumer",
                new IllegalArgumentException("no keystore")), SCRAM).asException())
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("no keystore");
        KafkaException timeout = new KafkaException("Cannot check news.articles", new TimeoutException("t"));
        assertThat(FailurePolicy.classify(timeout, SCRAM).asException()).isSameAs(timeout);
        Error error = new OutOfMemoryError("heap");
        assertThat(FailurePolicy.classify(error, SCRAM).asException()).hasCause(error);
    }

    @Test
    void aReasonOfAnotherKindIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Failure(Failure.Kind.POISON, Failure.Reason.CONNECTION,
                        "enricher", "w", "a", List.of(), new TimeoutException("t"), new TimeoutException("t")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONNECTION is RETRIABLE");
    }
}

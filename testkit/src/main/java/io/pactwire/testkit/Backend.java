package io.pactwire.testkit;

/** Which Kafka cluster a test runs against. */
public enum Backend {
    /**
     * Decided at run time: {@code -Dpactwire.test.kafka=embedded|testcontainers|external} (or env
     * {@code PACTWIRE_TEST_KAFKA}); else {@link #EXTERNAL} when {@code -Dpactwire.test.bootstrap.servers}
     * (or env {@code PACTWIRE_TEST_BOOTSTRAP_SERVERS}) is set; else {@link #EMBEDDED}.
     */
    AUTO,
    /** A single-node KRaft broker started in the test JVM (Kafka's own KafkaClusterTestKit). */
    EMBEDDED,
    /** The {@code apache/kafka} image in a container; needs a Docker engine. */
    TESTCONTAINERS,
    /**
     * A running cluster given by its bootstrap servers. It must be a disposable test cluster: before each
     * test class the kit deletes every topic whose name does not start with {@code _}, and every consumer group.
     */
    EXTERNAL
}

package io.pactwire.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** The {@code apache/kafka} image in a container, started with Testcontainers. Needs a Docker engine. */
final class ContainerKafkaCluster implements KafkaTestCluster {
    static final String IMAGE = "apache/kafka:4.3.0";

    private final KafkaContainer container;

    private ContainerKafkaCluster(KafkaContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static ContainerKafkaCluster start() {
        if (!dockerAvailable()) {
            throw new IllegalStateException("The Testcontainers backend was asked for, but no Docker engine is reachable"
                    + " (set DOCKER_HOST, or run with -Dpactwire.test.kafka=embedded)");
        }
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(IMAGE))
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        return new ContainerKafkaCluster(container);
    }

    @Override
    public Backend backend() {
        return Backend.TESTCONTAINERS;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}

package io.pactwire.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Map;

/** A running Kafka cluster for one test class. Closed by the extension after the class. */
public interface KafkaTestCluster extends AutoCloseable {

    /** Which kind of cluster this is. */
    Backend backend();

    /** host:port list to give clients. */
    String bootstrapServers();

    /** Settings every client of this cluster needs (bootstrap servers; security when the cluster has it). */
    default Map<String, Object> clientProperties() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /** A new Admin client; the caller closes it. */
    default Admin admin() {
        return Admin.create(clientProperties());
    }

    /**
     * Stops every broker as a crash-free shutdown would, keeping its ports and log directories, so that
     * {@link #startBrokers()} brings the same cluster back at the same address with the same data. Clients
     * see the connection refused meanwhile. Only the embedded backend, which runs the brokers in this JVM,
     * can do it; the others throw {@link UnsupportedOperationException}.
     */
    default void stopBrokers() throws Exception {
        throw new UnsupportedOperationException("The " + backend() + " backend cannot stop its brokers; a broker restart"
                + " test needs the embedded backend (-Dpactwire.test.kafka=embedded)");
    }

    /** Starts the brokers {@link #stopBrokers()} stopped and waits until they serve requests again. */
    default void startBrokers() throws Exception {
        throw new UnsupportedOperationException("The " + backend() + " backend cannot start its brokers; a broker restart"
                + " test needs the embedded backend (-Dpactwire.test.kafka=embedded)");
    }

    @Override
    void close() throws Exception;
}

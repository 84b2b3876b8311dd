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

    @Override
    void close() throws Exception;
}

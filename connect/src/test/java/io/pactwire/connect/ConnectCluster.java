package io.pactwire.connect;

import io.pactwire.testkit.Backend;
import io.pactwire.testkit.KafkaTestCluster;
import io.pactwire.runtime.TopicProvisioner;
import io.pactwire.topics.TopicSettings;
import io.pactwire.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A real Connect cluster in the JVM: Apache Kafka's EmbeddedConnectCluster, distributed workers on one KRaft broker,
 * the workers set as the README's compose worker is (StringConverter keys, ByteArrayConverter values, exactly-once
 * source support), lost tasks reassigned after a second rather than five minutes. {@link #kafka()} hands the test
 * kit's readers its broker; Pactwire's topics are created as {@code pactwire topics} creates them.
 */
final class ConnectCluster implements AutoCloseable {
    private final EmbeddedConnectCluster connect;

    ConnectCluster(String name, int workers) throws InterruptedException {
        Properties broker = new Properties();
        broker.put("transaction.state.log.replication.factor", "1");
        broker.put("transaction.state.log.min.isr", "1");
        broker.put("offsets.topic.replication.factor", "1");
        connect = new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(workers)
                .numBrokers(1)
                .brokerProps(broker)
                .workerProps(new HashMap<>(Map.of( // the builder adds its own to them
                        "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                        "value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter",
                        "exactly.once.source.support", "enabled",
                        "scheduled.rebalance.max.delay.ms", "1000",
                        "offset.flush.interval.ms", "1000")))
                .build();
        connect.start();
        connect.assertions().assertExactlyNumWorkersAreUp(workers, "workers did not start");
        try (Admin admin = connect.kafka().createAdminClient()) {
            new TopicProvisioner(admin, TopicSettings.defaults(), Duration.ofSeconds(30)).ensure(Topics.all());
        }
    }

    EmbeddedConnectCluster connect() {
        return connect;
    }

    /** The cluster's broker, for the test kit's readers and Pactwire's services. */
    KafkaTestCluster kafka() {
        String servers = connect.kafka().bootstrapServers();
        return new KafkaTestCluster() {
            @Override
            public Backend backend() {
                return Backend.EMBEDDED;
            }

            @Override
            public String bootstrapServers() {
                return servers;
            }

            @Override
            public void close() {
                // the Connect cluster owns its broker
            }
        };
    }

    @Override
    public void close() {
        connect.stop();
    }
}

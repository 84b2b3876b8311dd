package io.pactwire.testkit;

import io.pactwire.embedded.EmbeddedKafkaBroker;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A combined broker and controller in the test JVM, started with Kafka's own {@link KafkaClusterTestKit}.
 * Internal topics get replication factor 1 and min ISR 1: without that the transaction coordinator
 * never becomes available and exactly-once clients hang. The log cleaner runs often, so that a test
 * topic with a short {@code segment.ms} is compacted within seconds. Starts in about two seconds.
 *
 * <p>The broker can be stopped and started again ({@link #stopBrokers()}, {@link #startBrokers()}): the test
 * kit keeps its listener port (it rebinds the same port on restart) and the broker keeps its log directories,
 * so clients reconnect to the same address and find every committed record. The controller half of the node
 * stays up, as a separate controller would.
 */
final class EmbeddedKafkaCluster implements KafkaTestCluster {
    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static EmbeddedKafkaCluster start() throws Exception {
        return start(Map.of());
    }

    /** A fresh single-node cluster with {@code brokerConfigs} over the kit's settings. */
    static EmbeddedKafkaCluster start(Map<String, String> brokerConfigs) throws Exception {
        KafkaClusterTestKit.Builder builder = singleNode()
                // The log cleaner looks for dirty compacted logs every 15 s by default; tests that show
                // compaction (one record per key in news.raw) should not wait that long.
                .setConfigProp("log.cleaner.backoff.ms", "250");
        brokerConfigs.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder.build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return new EmbeddedKafkaCluster(cluster);
    }

    /**
     * A combined single node, with the settings of {@code demo}'s broker for a cluster of one node.
     */
    static KafkaClusterTestKit.Builder singleNode() {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        EmbeddedKafkaBroker.SINGLE_NODE.forEach(builder::setConfigProp);
        return builder;
    }

    @Override
    public Backend backend() {
        return Backend.EMBEDDED;
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void stopBrokers() {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    @Override
    public void startBrokers() {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.startup();
        }
        // startup() returns once the broker is unfenced and serves requests; waitForReadyBrokers() only tells
        // of the first start, so ask as a client would
        Awaitility.await("brokers serving again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> {
                    try (Admin admin = admin()) {
                        return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == cluster.brokers().size();
                    }
                });
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}

package io.pactwire.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A combined broker and controller in the test JVM, started with Kafka's own {@link KafkaClusterTestKit}.
 * Internal topics get replication factor 1 and min ISR 1: without that the transaction coordinator
 * never becomes available and exactly-once clients hang. The log cleaner runs often, so that a test
 * topic with a short {@code segment.ms} is compacted within seconds. Starts in about two seconds.
 */
final class EmbeddedKafkaCluster implements KafkaTestCluster {
    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static EmbeddedKafkaCluster start() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "5")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "5")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                // The log cleaner looks for dirty compacted logs every 15 s by default; tests that show
                // compaction (one record per key in news.raw) should not wait that long.
                .setConfigProp("log.cleaner.backoff.ms", "250")
                .build();
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

    @Override
    public Backend backend() {
        return Backend.EMBEDDED;
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}

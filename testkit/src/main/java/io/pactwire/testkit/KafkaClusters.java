package io.pactwire.testkit;

import java.util.Map;

/**
 * Clusters a test starts itself, beside the one {@link KafkaTest} hands it: for a test that needs several
 * fresh clusters in turn (local state moved from one cluster to another) or broker settings of its own (a
 * broker that auto-creates topics, as Kafka's default does). These are always embedded KRaft nodes in the
 * test JVM, whatever backend the run chose; the caller closes them.
 */
public final class KafkaClusters {
    private KafkaClusters() {
    }

    /** A fresh single-node cluster with the kit's settings. */
    public static KafkaTestCluster startEmbedded() throws Exception {
        return EmbeddedKafkaCluster.start();
    }

    /** A fresh single-node cluster with {@code brokerConfigs} over the kit's settings. */
    public static KafkaTestCluster startEmbedded(Map<String, String> brokerConfigs) throws Exception {
        return EmbeddedKafkaCluster.start(brokerConfigs);
    }
}

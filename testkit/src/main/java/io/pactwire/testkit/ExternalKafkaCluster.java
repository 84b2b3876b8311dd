package io.pactwire.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A running cluster given by its bootstrap servers. Each test class needs a clean slate, so opening one
 * deletes every topic whose name does not start with {@code _} and every consumer group: point the
 * tests at a disposable cluster only.
 */
final class ExternalKafkaCluster implements KafkaTestCluster {
    private final String bootstrapServers;

    private ExternalKafkaCluster(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    static ExternalKafkaCluster open(String bootstrapServers) throws Exception {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalStateException("The external backend needs -Dpactwire.test.bootstrap.servers=host:port"
                    + " (or env PACTWIRE_TEST_BOOTSTRAP_SERVERS)");
        }
        ExternalKafkaCluster cluster = new ExternalKafkaCluster(bootstrapServers);
        cluster.reset();
        return cluster;
    }

    private void reset() throws Exception {
        try (Admin admin = admin()) {
            Set<String> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId)
                    .collect(Collectors.toSet());
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
            }
            Set<String> topics = userTopics(admin);
            if (!topics.isEmpty()) {
                admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
                Awaitility.await("deletion of " + topics).atMost(Duration.ofSeconds(60))
                        .until(() -> userTopics(admin).isEmpty());
            }
        }
    }

    private static Set<String> userTopics(Admin admin) throws Exception {
        return admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get(30, TimeUnit.SECONDS)
                .stream().filter(t -> !t.startsWith("_")).collect(Collectors.toSet());
    }

    @Override
    public Backend backend() {
        return Backend.EXTERNAL;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        // the cluster outlives the tests
    }
}
